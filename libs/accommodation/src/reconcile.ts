import type { DataSource, EntityManager } from 'typeorm';
import { groupBy, pgErrorCode } from '#core';
import { type AssignmentRow, type Guest, loadAssignments, loadConfirmedGuests } from './guests.js';

/**
 * What a pass read when it found nothing to change: the confirmed guests and the rooms
 * they hold, as loadGuests and loadAssignments would read them again. Null once it wrote.
 */
export interface SettledNights {
  guests: Guest[];
  assignments: AssignmentRow[];
}

/**
 * Keeps the rooms in step with people's nights, which follow their flights: nights a person
 * no longer stays (an earlier departure, a cancelled registration) are given back, and a
 * new night (an earlier arrival) goes to the room they already sleep in when it has space
 * that night; otherwise that night shows them unassigned. Runs before every read and
 * write of rooms, so a flight change needs nothing from the travel lib.
 *
 * With `registrationId`, only that person's nights: what a participant's own pages and
 * documents need, without reading the whole event on each view. A night another person's
 * stale night still holds is then left unassigned until the next whole-event pass (any
 * organiser's view of the rooms), which tries every missing night again.
 *
 * Nothing changes on almost every view, and the whole event's guests are most of a view's
 * work (850 people's nights): the caller reads them from the answer instead of again.
 */
export async function reconcileNights(
  ds: DataSource,
  eventId: string,
  registrationId?: string,
): Promise<SettledNights | null> {
  const [guests, assignments] = await Promise.all([
    loadConfirmedGuests(ds, eventId, registrationId),
    loadAssignments(ds, eventId, registrationId),
  ]);
  const nightsOf = new Map(guests.map((g) => [g.registrationId, new Set(g.nights)]));
  const heldBy = groupBy(assignments, (a) => a.registrationId);
  const stale = assignments.filter((a) => !nightsOf.get(a.registrationId)?.has(a.night));
  const missing: Array<{ registrationId: string; night: string; roomId: string }> = [];
  for (const guest of guests) {
    const held = heldBy.get(guest.registrationId) ?? [];
    const nights = nightsOf.get(guest.registrationId)!;
    const kept = held.filter((a) => nights.has(a.night));
    if (kept.length === 0) continue;
    const heldNights = new Set(held.map((a) => a.night));
    for (const night of guest.nights) {
      if (heldNights.has(night)) continue;
      // The room of the nearest night they already hold.
      const nearest = [...kept].sort(
        (x, y) => Math.abs(dayGap(x.night, night)) - Math.abs(dayGap(y.night, night)),
      )[0];
      missing.push({ registrationId: guest.registrationId, night, roomId: nearest.roomId });
    }
  }
  const settled = { guests, assignments };
  if (stale.length === 0 && missing.length === 0) return settled;
  // With nothing to give back, a night no room can take yet (the hotel not booked that
  // early) stays missing on every view: looked at, nothing written, no transaction.
  const placeableNow = stale.length === 0 ? await placeable(ds.manager, missing) : null;
  if (placeableNow?.length === 0) return settled;
  let wrote = stale.length > 0;
  await ds.transaction(async (m) => {
    // Released nights first, so a new night can take a bed someone just left.
    if (stale.length > 0) {
      await m.query(
        `DELETE FROM room_assignments a USING unnest($1::uuid[], $2::date[]) AS x(r, n)
          WHERE a.registration_id = x.r AND a.night = x.n`,
        [stale.map((s) => s.registrationId), stale.map((s) => s.night)],
      );
    }
    for (const add of placeableNow ?? (await placeable(m, missing))) {
      await m.query('SAVEPOINT reconcile_night');
      try {
        await m.query(
          `INSERT INTO room_assignments (registration_id, night, room_id, event_id)
           VALUES ($1, $2, $3, $4) ON CONFLICT (registration_id, night) DO NOTHING`,
          [add.registrationId, add.night, add.roomId, eventId],
        );
        await m.query('RELEASE SAVEPOINT reconcile_night');
        wrote = true;
      } catch (e) {
        // Full or not booked that night: the person shows unassigned for it.
        if (pgErrorCode(e) !== '23514') throw e;
        await m.query('ROLLBACK TO SAVEPOINT reconcile_night');
      }
    }
  });
  return wrote ? null : settled;
}

/**
 * The new nights whose room is booked that night and not yet full, by the same rules as the
 * room_assignment_fits trigger, read in one statement. A night that cannot be had (the hotel
 * has no room of that kind booked so early) stays missing on every organiser's view until
 * the hotel is booked, and trying each of them cost three round trips and an error that the
 * database logged, on every view (465 at 155 such nights). The trigger still decides: two
 * new nights competing for the last bed both pass here, and the second is refused there.
 */
async function placeable<T extends { night: string; roomId: string }>(
  m: EntityManager,
  missing: T[],
): Promise<T[]> {
  if (missing.length === 0) return missing;
  const rows = (await m.query(
    `SELECT x.i::int - 1 AS i
       FROM unnest($1::uuid[], $2::date[]) WITH ORDINALITY AS x(room_id, night, i)
       JOIN accommodation_rooms r ON r.id = x.room_id
       JOIN accommodation_inventory inv
         ON inv.hotel_id = r.hotel_id AND inv.room_type = r.room_type AND inv.night = x.night
      WHERE inv.rooms >= r.position
        AND (SELECT count(*) FROM room_assignments a
              WHERE a.room_id = x.room_id AND a.night = x.night) < r.capacity`,
    [missing.map((a) => a.roomId), missing.map((a) => a.night)],
  )) as Array<{ i: number }>;
  return rows
    .map((r) => r.i)
    .sort((a, b) => a - b)
    .map((i) => missing[i]);
}

function dayGap(a: string, b: string): number {
  return (Date.parse(a) - Date.parse(b)) / 86_400_000;
}
