import {
  addDays,
  hotelNights,
  linesFromNights,
  loadAssignments,
  loadGuests,
  nightsOf,
  reconcileNights,
  suggestRooms,
} from '#accommodation';
import { DEMO_ORGANISER } from './demo-data.js';
import type { SeedContext } from './seed-context.js';

/** Room wishes a few participants gave (by name), as they typed them. */
const WISHES: Array<{
  name: string;
  preference: 'single' | 'shared';
  shareWith?: string;
  needs?: string;
  shareNeeds?: boolean;
}> = [
  { name: 'Awa Traoré', preference: 'shared', shareWith: 'Aminata Keïta' },
  { name: 'Aminata Keïta', preference: 'shared', shareWith: 'awa traore' },
  { name: 'Hélène Martin', preference: 'single' },
  { name: 'Jean-Paul Essomba', preference: 'single' },
  {
    name: 'Hery Randriamampionona',
    preference: 'single',
    needs: 'Marche avec une canne : chambre au rez-de-chaussée ou près de l’ascenseur.',
    shareNeeds: true,
  },
  { name: 'Lucía Quispe', preference: 'shared', shareWith: 'Rosa Huamán' },
  { name: 'Nguyễn Thị Minh Khai-Hằng', preference: 'shared' },
  {
    name: 'خديجة بنت عبد الرحمن الإدريسي',
    preference: 'single',
    needs: 'Chambre calme',
    shareNeeds: false,
  },
];

/** Rooms the hotel holds per night: the week in full, a few on the eve and the last night. */
function roomsFor(night: string, first: string, last: string) {
  if (night >= first && night <= last) return { single: 4, twin: 9, double: 1 };
  return { single: 1, twin: 2, double: 0 };
}

/**
 * Hôtel Continental for Tangier 2027: rooms booked per night, a few room wishes, most
 * of the 26 in rooms (the suggestion, as an organiser would press it), a few without a
 * room on some nights, and a rooming list sent two days ago with a change since.
 * Idempotent: nothing happens when the event already has a hotel.
 */
export async function seedAccommodation({ ds, eventId, accountIds }: SeedContext): Promise<void> {
  const [existing] = (await ds.query(`SELECT id FROM accommodation_hotels WHERE event_id = $1`, [
    eventId,
  ])) as Array<{ id: string }>;
  if (existing) return;
  const [event] = (await ds.query(
    `SELECT start_date::text AS start, end_date::text AS end FROM events WHERE id = $1`,
    [eventId],
  )) as Array<{ start: string; end: string }>;
  const organiser = accountIds[DEMO_ORGANISER.email] ?? null;
  await ds.transaction(async (m) => {
    const [hotel] = (await m.query(
      `INSERT INTO accommodation_hotels (event_id, name, address, city, phone, email, contact_name)
       VALUES ($1, 'Hôtel Continental', '36 Rue Dar El Baroud', 'Tanger', '+212 5 39 00 00 00',
               'groupes@continental.example', 'Mme Naïma Berrada, service des groupes')
       RETURNING id`,
      [eventId],
    )) as Array<{ id: string }>;
    const nights = nightsOf(addDays(event.start, -2), addDays(event.end, 1));
    for (const night of nights) {
      const rooms = roomsFor(night, addDays(event.start, -1), addDays(event.end, -1));
      for (const [type, n] of Object.entries(rooms)) {
        await m.query(
          `INSERT INTO accommodation_inventory (hotel_id, room_type, night, rooms) VALUES ($1, $2, $3, $4)`,
          [hotel.id, type, night, n],
        );
      }
    }
    await m.query(
      `INSERT INTO accommodation_rooms (hotel_id, room_type, position, capacity)
       SELECT $1, t.room_type, p, CASE t.room_type WHEN 'single' THEN 1 ELSE 2 END
         FROM (SELECT room_type, max(rooms) AS n FROM accommodation_inventory
                WHERE hotel_id = $1 GROUP BY room_type) t, generate_series(1, t.n) AS p`,
      [hotel.id],
    );
    // The hotel's own numbers on the first floor's rooms.
    await m.query(
      `UPDATE accommodation_rooms SET label = 'Chambre ' || (100 + position)::text
        WHERE hotel_id = $1 AND room_type = 'single'`,
      [hotel.id],
    );
    for (const w of WISHES) {
      await m.query(
        `INSERT INTO accommodation_stays (registration_id, event_id, room_preference, share_with,
           room_needs, share_needs_with_hotel)
         SELECT r.id, r.event_id, $3, $4, $5, $6 FROM registrations r JOIN accounts a ON a.id = r.account_id
          WHERE r.event_id = $1 AND a.name = $2
         ON CONFLICT (registration_id) DO NOTHING`,
        [
          eventId,
          w.name,
          w.preference,
          w.shareWith ?? null,
          w.needs ?? null,
          w.shareNeeds ?? false,
        ],
      );
    }
  });

  // The organiser pressed "suggest" once.
  const [guests, rooms] = await Promise.all([
    loadGuests(ds, eventId),
    ds.query(
      `SELECT r.id, r.room_type, r.capacity,
              ARRAY(SELECT i.night::text FROM accommodation_inventory i
                     WHERE i.hotel_id = r.hotel_id AND i.room_type = r.room_type AND i.rooms >= r.position) AS nights
         FROM accommodation_rooms r JOIN accommodation_hotels h ON h.id = r.hotel_id
        WHERE h.event_id = $1 ORDER BY r.room_type, r.position`,
      [eventId],
    ) as Promise<
      Array<{
        id: string;
        room_type: 'single' | 'twin' | 'double';
        capacity: number;
        nights: string[];
      }>
    >,
  ]);
  const plan = suggestRooms(
    guests,
    rooms.map((r) => ({
      id: r.id,
      roomType: r.room_type,
      capacity: r.capacity,
      bookedNights: new Set(r.nights),
    })),
    new Map(),
  );
  const byId = new Map(guests.map((g) => [g.registrationId, g]));
  for (const p of plan) {
    await ds.query(
      `INSERT INTO room_assignments (registration_id, night, room_id, event_id, assigned_by, assigned_at)
       SELECT $1, n, $2, $3, $4, now() - interval '3 days' FROM unnest($5::date[]) AS n`,
      [p.registrationId, p.roomId, eventId, organiser, byId.get(p.registrationId)!.nights],
    );
  }
  await reconcileNights(ds, eventId);

  // Sent to the hotel two days ago; since then one person leaves a day earlier.
  const [hotel] = (await ds.query(`SELECT id FROM accommodation_hotels WHERE event_id = $1`, [
    eventId,
  ])) as Array<{ id: string }>;
  const lines = linesFromNights(await hotelNights(ds, hotel.id));
  await ds.query(
    `INSERT INTO rooming_list_sends (hotel_id, sent_at, sent_by, lines)
     VALUES ($1, now() - interval '2 days', $2, $3::jsonb)`,
    [hotel.id, organiser, JSON.stringify(lines)],
  );
  const assigned = await loadAssignments(ds, eventId);
  const held = new Set(assigned.map((a) => a.registrationId));
  const earlier =
    guests.find((g) => g.name === 'Carmen Flores' && held.has(g.registrationId)) ??
    guests.find((g) => held.has(g.registrationId) && g.nights.length > 2);
  if (earlier) {
    await ds.query(
      `INSERT INTO accommodation_stays (registration_id, event_id, check_in_override, check_out_override)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (registration_id) DO UPDATE SET check_in_override = EXCLUDED.check_in_override,
         check_out_override = EXCLUDED.check_out_override`,
      [earlier.registrationId, eventId, earlier.checkIn, addDays(earlier.checkOut, -1)],
    );
    await reconcileNights(ds, eventId);
  }
}
