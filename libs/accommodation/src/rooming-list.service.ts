import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, type CsvCell, type CsvSeparator, toZonedIso, writeCsvTable } from '#core';
import { requireWritable } from '#events';
import { Hotels, roomLabel } from './hotels.service.js';
import { AccommodationAccess } from './organiser-access.js';
import { reconcileNights } from './reconcile.js';
import {
  linesFromNights,
  type RoomingChange,
  roomingChanges,
  type RoomingLine,
} from './rooming-diff.js';
import type { RoomType } from './room-types.js';

export interface RoomingListView {
  eventId: string;
  hotel: {
    id: string;
    name: string;
    address: string;
    city: string;
    phone: string | null;
    email: string | null;
    contactName: string | null;
  };
  /** Per night, the rooms in use and who sleeps in each: names only. */
  nights: Array<{
    night: string;
    rooms: Array<{ roomId: string; room: string; roomType: RoomType; guests: string[] }>;
  }>;
  /** Per room and person: check-in, check-out, roommates, needs they agreed to share. */
  lines: RoomingLine[];
  /** When the list was last marked sent (event zone), and what changed since; null before. */
  sentAt: string | null;
  changes: RoomingChange[] | null;
}

/**
 * The hotel's copy: names, rooms, dates and the needs each person agreed to share. Built
 * from its own query that selects no phone, email, passport or organisation.
 */
@Injectable()
export class RoomingLists {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccommodationAccess,
    private readonly hotels: Hotels,
  ) {}

  async get(actor: Actor, eventId: string, hotelId: string): Promise<RoomingListView> {
    const event = await this.access.organiser(actor, eventId);
    const hotel = await this.hotels.find(eventId, hotelId);
    await reconcileNights(this.dataSource, eventId);
    const perNight = await hotelNights(this.dataSource, hotelId);
    const lines = linesFromNights(perNight);
    const [sent] = (await this.dataSource.query(
      `SELECT sent_at, lines FROM rooming_list_sends WHERE hotel_id = $1
        ORDER BY sent_at DESC, id DESC LIMIT 1`,
      [hotelId],
    )) as Array<{ sent_at: Date; lines: RoomingLine[] }>;
    const nights = new Map<
      string,
      Map<string, { roomId: string; room: string; roomType: RoomType; guests: string[] }>
    >();
    for (const n of perNight) {
      const rooms = nights.get(n.night) ?? new Map();
      const room = rooms.get(n.roomId) ?? {
        roomId: n.roomId,
        room: n.room,
        roomType: n.roomType,
        guests: [],
      };
      room.guests.push(n.name);
      rooms.set(n.roomId, room);
      nights.set(n.night, rooms);
    }
    return {
      eventId,
      hotel: {
        id: hotel.id,
        name: hotel.name,
        address: hotel.address,
        city: hotel.city,
        phone: hotel.phone,
        email: hotel.email,
        contactName: hotel.contactName,
      },
      nights: [...nights.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([night, rooms]) => ({
          night,
          rooms: [...rooms.values()].sort((a, b) =>
            a.room.localeCompare(b.room, 'en', { numeric: true }),
          ),
        })),
      lines,
      sentAt: sent ? toZonedIso(sent.sent_at, event.timezone) : null,
      changes: sent ? roomingChanges(sent.lines, lines) : null,
    };
  }

  async csv(
    actor: Actor,
    eventId: string,
    hotelId: string,
    separator?: CsvSeparator,
  ): Promise<{ filename: string; body: string }> {
    const list = await this.get(actor, eventId, hotelId);
    const columns: Array<[string, (l: RoomingLine) => CsvCell]> = [
      ['Room', (l) => l.room],
      ['Room type', (l) => l.roomType],
      ['Guest', (l) => l.name],
      ['Check-in', (l) => l.checkIn],
      ['Check-out', (l) => l.checkOut],
      ['Sharing with', (l) => l.sharingWith.join(', ')],
      ['Special needs', (l) => l.specialNeeds],
    ];
    const slug = list.hotel.name
      .normalize('NFD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
    return {
      filename: `rooming-list-${slug || 'hotel'}.csv`,
      body: writeCsvTable(columns, list.lines, { separator }),
    };
  }

  /** Marks the list sent: keeps a copy, against which later changes are listed. */
  async markSent(actor: Actor, eventId: string, hotelId: string): Promise<RoomingListView> {
    requireWritable(await this.access.organiser(actor, eventId));
    await this.hotels.find(eventId, hotelId);
    await reconcileNights(this.dataSource, eventId);
    const lines = linesFromNights(await hotelNights(this.dataSource, hotelId));
    await this.dataSource.query(
      `INSERT INTO rooming_list_sends (hotel_id, sent_by, lines) VALUES ($1, $2, $3::jsonb)`,
      [hotelId, actor.accountId, JSON.stringify(lines)],
    );
    return this.get(actor, eventId, hotelId);
  }
}

/**
 * Who sleeps in which room of a hotel, night by night: names, the room and the needs each
 * person agreed to share. Selects no phone, email, passport or organisation.
 *
 * The assignments are those of the hotel's event (a room's assignments are always its
 * hotel's event's), so the database reads them by room_assignments_event: the event's
 * nights, not every past meeting's that a join on the room alone hashed.
 */
export async function hotelNights(db: Pick<DataSource, 'query'>, hotelId: string) {
  const rows = (await db.query(
    `SELECT a.registration_id, a.night::text, r.id AS room_id, r.room_type, r.position, r.label,
            acc.name, CASE WHEN s.share_needs_with_hotel THEN s.room_needs END AS special_needs,
            ARRAY(SELECT oa.name FROM room_assignments o
                    JOIN registrations ro ON ro.id = o.registration_id
                    JOIN accounts oa ON oa.id = ro.account_id
                   WHERE o.room_id = a.room_id AND o.night = a.night
                     AND o.registration_id <> a.registration_id ORDER BY oa.name) AS sharing_with
       FROM accommodation_hotels h
       JOIN accommodation_rooms r ON r.hotel_id = h.id
       JOIN room_assignments a ON a.room_id = r.id AND a.event_id = h.event_id
       JOIN registrations reg ON reg.id = a.registration_id
       JOIN accounts acc ON acc.id = reg.account_id
       LEFT JOIN accommodation_stays s ON s.registration_id = a.registration_id
      WHERE h.id = $1 AND reg.status = 'confirmed'`,
    [hotelId],
  )) as Array<{
    registration_id: string;
    night: string;
    room_id: string;
    room_type: RoomType;
    position: number;
    label: string | null;
    name: string;
    special_needs: string | null;
    sharing_with: string[];
  }>;
  return rows.map((r) => ({
    registrationId: r.registration_id,
    night: r.night,
    roomId: r.room_id,
    room: roomLabel({ label: r.label, roomType: r.room_type, position: r.position }),
    roomType: r.room_type,
    name: r.name,
    specialNeeds: r.special_needs,
    sharingWith: r.sharing_with,
  }));
}
