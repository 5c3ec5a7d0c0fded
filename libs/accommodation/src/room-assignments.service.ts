import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  badRequest,
  collator,
  conflict,
  entryOf,
  groupBy,
  notFound,
  pgConstraint,
} from '#core';
import { requireWritable } from '#events';
import type { AssignRoomDto } from './dto/hotel.dto.js';
import {
  type AssignmentRow,
  type Guest,
  loadAssignments,
  loadConfirmedGuests,
  loadGuests,
} from './guests.js';
import { Hotel } from './hotel.entity.js';
import { HotelRoom } from './hotel-room.entity.js';
import { Hotels, roomLabel, typeOrder } from './hotels.service.js';
import type { NightsSource } from './nights.js';
import { AccommodationAccess } from './organiser-access.js';
import { reconcileNights } from './reconcile.js';
import { RoomInventory } from './room-inventory.entity.js';
import type { RoomPreference, RoomType } from './room-types.js';
import { suggestRooms } from './suggestion.js';

export interface OccupantView {
  registrationId: string;
  name: string;
}

/** A room as a choice for someone: what it is called and how many it sleeps. */
export interface RoomChoiceView {
  id: string;
  label: string;
  /** The hotel's own name for the room, else null (pages then write the type and position). */
  customLabel: string | null;
  position: number;
  roomType: RoomType;
  capacity: number;
}

export interface OccupancyRoomView extends RoomChoiceView {
  nights: Array<{ night: string; booked: boolean; occupants: OccupantView[] }>;
}

/** A hotel and its rooms, without who sleeps in them. */
export interface HotelRoomsView {
  id: string;
  name: string;
  city: string;
  rooms: RoomChoiceView[];
}

export interface OccupancyHotelView extends HotelRoomsView {
  rooms: OccupancyRoomView[];
  /** Per night and type: rooms booked and rooms with someone in them. */
  totals: Array<{
    night: string;
    booked: Record<RoomType, number>;
    used: Record<RoomType, number>;
  }>;
}

export interface GuestStayView {
  registrationId: string;
  name: string;
  organisation: string;
  languages: string[];
  roomPreference: RoomPreference | null;
  shareWith: string | null;
  roomNeeds: string | null;
  checkIn: string;
  checkOut: string;
  nightsSource: NightsSource;
  nights: Array<{
    night: string;
    roomId: string | null;
    roomLabel: string | null;
    hotelId: string | null;
  }>;
  unassignedNights: string[];
}

export interface OccupancyView {
  eventId: string;
  /** Every night someone stays or a room is booked, in order. */
  nights: string[];
  hotels: OccupancyHotelView[];
  guests: GuestStayView[];
  /** Confirmed participants with at least one night without a room. */
  unassigned: Array<{ registrationId: string; name: string; nights: string[] }>;
}

/** One person's stay for the organisers, with every room they could be moved to. */
export interface PersonStayView {
  guest: GuestStayView;
  hotels: HotelRoomsView[];
}

export interface SuggestionResult {
  placed: number;
  unassigned: number;
}

interface RoomRow {
  room: HotelRoom;
  hotelId: string;
  /** roomLabel(room), written once per room rather than once per person and night. */
  label: string;
  bookedNights: Set<string>;
}

/** Who sleeps where, per night: the organisers' occupancy, assignments and suggestion. */
@Injectable()
export class RoomAssignments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccommodationAccess,
    private readonly hotels: Hotels,
  ) {}

  /**
   * With `hotelId`, `hotels` holds that hotel alone (its page): the guests, the nights and
   * who is without a room stay the whole event's. With `maxGridCells`, rooms come without
   * their nights once rooms x nights exceeds it (see gridFits): a page that will not show
   * them does not build them.
   */
  async occupancy(
    actor: Actor,
    eventId: string,
    options: { hotelId?: string; maxGridCells?: number } = {},
  ): Promise<OccupancyView> {
    const { hotelId, maxGridCells } = options;
    await this.access.organiser(actor, eventId);
    const settled = await reconcileNights(this.dataSource, eventId);
    const [guests, assignments, hotels, rooms, inventory] = await Promise.all([
      settled?.guests ?? loadGuests(this.dataSource, eventId),
      settled?.assignments ?? loadAssignments(this.dataSource, eventId),
      this.hotelsOf(eventId),
      this.rooms(eventId),
      this.dataSource
        .getRepository(RoomInventory)
        .createQueryBuilder('i')
        .innerJoin(Hotel, 'h', 'h.id = i.hotelId')
        .where('h.eventId = :eventId', { eventId })
        .getMany(),
    ]);
    const nightSet = new Set<string>();
    for (const g of guests) for (const night of g.nights) nightSet.add(night);
    for (const r of rooms) for (const night of r.bookedNights) nightSet.add(night);
    const nights = [...nightSet].sort();
    const roomById = new Map(rooms.map((r) => [r.room.id, r]));
    const roomsHeld = roomsByPerson(assignments);
    const guestViews = guests.map((g) => guestView(g, roomsHeld.get(g.registrationId), roomById));
    // Rooms with someone in them, per hotel, night and type: each occupied room-night once.
    const usedRooms = new Map<string, Map<string, Record<RoomType, number>>>();
    for (const [roomId, nightsIn] of nightsByRoom(assignments)) {
      const row = roomById.get(roomId);
      if (!row) continue;
      const ofHotel = entryOf(usedRooms, row.hotelId, newMap);
      for (const night of nightsIn) entryOf(ofHotel, night, noRooms)[row.room.roomType] += 1;
    }
    const shown = hotels.filter((h) => !hotelId || h.id === hotelId);
    const grids =
      maxGridCells === undefined ||
      gridFits(
        rooms.filter((r) => shown.some((h) => h.id === r.hotelId)).length,
        nights.length,
        maxGridCells,
      );
    const inRoom = grids ? occupantsByRoomNight(guests, assignments) : undefined;
    return {
      eventId,
      nights,
      hotels: shown.map((h) => {
        const own = rooms.filter((r) => r.hotelId === h.id);
        return {
          id: h.id,
          name: h.name,
          city: h.city,
          rooms: own.map(({ room, label, bookedNights }) => ({
            ...roomChoice(room, label),
            nights: grids
              ? nights.map((night) => ({
                  night,
                  booked: bookedNights.has(night),
                  occupants: inRoom?.get(room.id)?.get(night) ?? [],
                }))
              : [],
          })),
          totals: nights.map((night) => {
            const booked = { single: 0, twin: 0, double: 0 };
            for (const c of inventory) {
              if (c.hotelId === h.id && c.night === night) booked[c.roomType] = c.rooms;
            }
            const used = usedRooms.get(h.id)?.get(night) ?? { single: 0, twin: 0, double: 0 };
            return { night, booked, used };
          }),
        };
      }),
      guests: guestViews,
      unassigned: guestViews
        .filter((g) => g.unassignedNights.length > 0)
        .map((g) => ({
          registrationId: g.registrationId,
          name: g.name,
          nights: g.unassignedNights,
        })),
    };
  }

  /**
   * Puts a confirmed participant in a room for the nights given (every night of their
   * stay by default), moving them out of wherever they were those nights. All or nothing:
   * a night the room is full or not booked refuses the whole move (409, naming the night).
   */
  async assign(
    actor: Actor,
    eventId: string,
    registrationId: string,
    dto: AssignRoomDto,
  ): Promise<GuestStayView> {
    requireWritable(await this.access.organiser(actor, eventId));
    await reconcileNights(this.dataSource, eventId);
    const guest = await this.confirmedGuest(eventId, registrationId);
    const room = await this.hotels.findRoom(eventId, dto.roomId);
    const nights = dto.nights ? [...new Set(dto.nights)].sort() : guest.nights;
    const outside = nights.find((n) => !guest.nights.includes(n));
    if (outside) {
      throw badRequest(`nights: ${outside} is not one of this person's nights`, {
        field: 'nights',
        night: outside,
      });
    }
    await this.dataSource.transaction(async (m) => {
      for (const night of nights) {
        try {
          await m.query('SAVEPOINT assign_night');
          await m.query(
            `INSERT INTO room_assignments (registration_id, night, room_id, event_id, assigned_by)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (registration_id, night) DO UPDATE
               SET room_id = EXCLUDED.room_id, assigned_by = EXCLUDED.assigned_by, assigned_at = now()`,
            [registrationId, night, room.id, eventId, actor.accountId],
          );
        } catch (e) {
          const reason = pgConstraint(e);
          if (reason === 'room_full' || reason === 'room_not_booked') {
            throw conflict(
              reason === 'room_full'
                ? `${roomLabel(room)} is full on ${night}`
                : `${roomLabel(room)} is not booked on ${night}`,
              { reason, night, roomId: room.id },
            );
          }
          throw e;
        }
      }
    });
    return this.guest(eventId, registrationId);
  }

  /** Takes a person out of their room: every night, or one. */
  async unassign(
    actor: Actor,
    eventId: string,
    registrationId: string,
    night?: string,
  ): Promise<GuestStayView> {
    requireWritable(await this.access.organiser(actor, eventId));
    await this.confirmedGuest(eventId, registrationId, { anyStatus: true });
    await this.dataSource.query(
      `DELETE FROM room_assignments WHERE event_id = $1 AND registration_id = $2
         AND ($3::date IS NULL OR night = $3::date)`,
      [eventId, registrationId, night ?? null],
    );
    return this.guest(eventId, registrationId);
  }

  /**
   * Fills rooms for everyone who has none (see suggestRooms); people already placed stay
   * where they are. Each placement goes through the same database check as a manual one.
   */
  async suggest(actor: Actor, eventId: string): Promise<SuggestionResult> {
    requireWritable(await this.access.organiser(actor, eventId));
    await reconcileNights(this.dataSource, eventId);
    const [guests, assignments, rooms] = await Promise.all([
      loadGuests(this.dataSource, eventId),
      loadAssignments(this.dataSource, eventId),
      this.rooms(eventId),
    ]);
    const current = new Map<string, Map<string, string[]>>();
    for (const a of assignments) {
      const nights = current.get(a.roomId) ?? new Map<string, string[]>();
      nights.set(a.night, [...(nights.get(a.night) ?? []), a.registrationId]);
      current.set(a.roomId, nights);
    }
    const plan = suggestRooms(
      guests,
      rooms.map((r) => ({
        id: r.room.id,
        roomType: r.room.roomType,
        capacity: r.room.capacity,
        bookedNights: r.bookedNights,
      })),
      current,
    );
    const byId = new Map(guests.map((g) => [g.registrationId, g]));
    let placed = 0;
    await this.dataSource.transaction(async (m) => {
      for (const p of plan) {
        await m.query('SAVEPOINT suggest_person');
        try {
          await m.query(
            `INSERT INTO room_assignments (registration_id, night, room_id, event_id, assigned_by)
             SELECT $1, n, $2, $3, $4 FROM unnest($5::date[]) AS n`,
            [
              p.registrationId,
              p.roomId,
              eventId,
              actor.accountId,
              byId.get(p.registrationId)!.nights,
            ],
          );
          await m.query('RELEASE SAVEPOINT suggest_person');
          placed += 1;
        } catch (e) {
          // Someone else filled the room meanwhile (or assigned this person): skip them.
          const code = pgConstraint(e);
          if (
            code !== 'room_full' &&
            code !== 'room_not_booked' &&
            code !== 'room_assignments_pkey'
          ) {
            throw e;
          }
          await m.query('ROLLBACK TO SAVEPOINT suggest_person');
        }
      }
    });
    const after = await loadAssignments(this.dataSource, eventId);
    const held = new Set(after.map((a) => `${a.registrationId}|${a.night}`));
    const unassigned = guests.filter((g) =>
      g.nights.some((n) => !held.has(`${g.registrationId}|${n}`)),
    );
    return { placed, unassigned: unassigned.length };
  }

  /**
   * One confirmed person's stay and the rooms of every hotel, for the organisers' page of
   * that person. Their own nights are settled, as on their own pages (see reconcileNights):
   * the whole event's occupancy was read for one person (120 ms at 850 guests).
   */
  async personStay(actor: Actor, eventId: string, registrationId: string): Promise<PersonStayView> {
    await this.access.organiser(actor, eventId);
    await reconcileNights(this.dataSource, eventId, registrationId);
    const [[guest], assignments, hotels, rooms] = await Promise.all([
      loadConfirmedGuests(this.dataSource, eventId, registrationId),
      loadAssignments(this.dataSource, eventId, registrationId),
      this.hotelsOf(eventId),
      this.rooms(eventId),
    ]);
    if (!guest) throw notFound('Registration');
    return {
      guest: guestView(
        guest,
        roomsByPerson(assignments).get(guest.registrationId),
        new Map(rooms.map((r) => [r.room.id, r])),
      ),
      hotels: hotels.map((h) => ({
        id: h.id,
        name: h.name,
        city: h.city,
        rooms: rooms
          .filter((r) => r.hotelId === h.id)
          .map(({ room, label }) => roomChoice(room, label)),
      })),
    };
  }

  private hotelsOf(eventId: string): Promise<Hotel[]> {
    return this.dataSource
      .getRepository(Hotel)
      .find({ where: { eventId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private async guest(eventId: string, registrationId: string): Promise<GuestStayView> {
    const [guest] = await loadGuests(this.dataSource, eventId, registrationId);
    const assignments = await loadAssignments(this.dataSource, eventId, registrationId);
    const rooms = await this.rooms(eventId);
    return guestView(
      guest,
      roomsByPerson(assignments).get(guest.registrationId),
      new Map(rooms.map((r) => [r.room.id, r])),
    );
  }

  private async confirmedGuest(
    eventId: string,
    registrationId: string,
    { anyStatus = false } = {},
  ): Promise<Guest> {
    const [row] = (await this.dataSource.query(
      `SELECT status FROM registrations WHERE id = $1 AND event_id = $2`,
      [registrationId, eventId],
    )) as Array<{ status: string }>;
    if (!row) throw notFound('Registration');
    if (!anyStatus && row.status !== 'confirmed') {
      throw conflict(`A ${row.status} registration gets no room`, {
        reason: 'not_confirmed',
        status: row.status,
      });
    }
    const [guest] = await loadGuests(this.dataSource, eventId, registrationId);
    return guest;
  }

  /**
   * The rooms of the event's hotels. Each hotel's rooms are read by the hotel's index, in a
   * LATERAL per hotel (its ORDER BY keeps it one: PostgreSQL does not merge a sorted
   * subquery into the join); a plain join hashed the rooms of every past meeting's hotels.
   */
  private async rooms(eventId: string): Promise<RoomRow[]> {
    // Which nights each room is booked comes from the hotel's counts per type and night
    // (room n of a type is booked while n or more are), worked out here from those few
    // rows: an array per room, read from the database, was 2.5 MB to parse per view at
    // 1,200 rooms.
    const [rows, counts] = (await Promise.all([
      this.dataSource.query(
        `SELECT r.id, r.hotel_id, r.room_type, r.position, r.label, r.capacity
           FROM accommodation_hotels h
           CROSS JOIN LATERAL (SELECT * FROM accommodation_rooms WHERE hotel_id = h.id
                                ORDER BY position) r
          WHERE h.event_id = $1
          ORDER BY h.created_at, h.id, r.position`,
        [eventId],
      ),
      this.dataSource.query(
        `SELECT i.hotel_id, i.room_type, i.night::text, i.rooms
           FROM accommodation_hotels h JOIN accommodation_inventory i ON i.hotel_id = h.id
          WHERE h.event_id = $1
          ORDER BY i.night`,
        [eventId],
      ),
    ])) as [
      Array<{
        id: string;
        hotel_id: string;
        room_type: RoomType;
        position: number;
        label: string | null;
        capacity: number;
      }>,
      Array<{ hotel_id: string; room_type: RoomType; night: string; rooms: number }>,
    ];
    const countsOf = groupBy(counts, (c) => `${c.hotel_id}|${c.room_type}`);
    const hotelOrder = new Map<string, number>();
    for (const r of rows)
      if (!hotelOrder.has(r.hotel_id)) hotelOrder.set(r.hotel_id, hotelOrder.size);
    return rows
      .map((r) => ({
        room: Object.assign(new HotelRoom(), {
          id: r.id,
          hotelId: r.hotel_id,
          roomType: r.room_type,
          position: r.position,
          label: r.label,
          capacity: r.capacity,
        }),
        hotelId: r.hotel_id,
        label: roomLabel({ label: r.label, roomType: r.room_type, position: r.position }),
        bookedNights: new Set(
          (countsOf.get(`${r.hotel_id}|${r.room_type}`) ?? [])
            .filter((c) => c.rooms >= r.position)
            .map((c) => c.night),
        ),
      }))
      .sort(
        (a, b) =>
          hotelOrder.get(a.hotelId)! - hotelOrder.get(b.hotelId)! ||
          typeOrder(a.room.roomType) - typeOrder(b.room.roomType) ||
          a.room.position - b.room.position,
      );
  }
}

/** Whether hotels' rooms night by night (rooms x nights cells) fit within `maxCells`. */
export function gridFits(rooms: number, nights: number, maxCells: number): boolean {
  return rooms * nights <= maxCells;
}

function roomChoice(room: HotelRoom, label = roomLabel(room)): RoomChoiceView {
  return {
    id: room.id,
    label,
    customLabel: room.label,
    position: room.position,
    roomType: room.roomType,
    capacity: room.capacity,
  };
}

function guestView(
  g: Guest,
  held: Map<string, string> | undefined,
  rooms: Map<string, RoomRow>,
): GuestStayView {
  const nights = g.nights.map((night) => {
    const roomId = held?.get(night) ?? null;
    const room = roomId ? rooms.get(roomId) : undefined;
    return {
      night,
      roomId,
      roomLabel: room ? room.label : null,
      hotelId: room?.hotelId ?? null,
    };
  });
  return {
    registrationId: g.registrationId,
    name: g.name,
    organisation: g.organisation,
    languages: g.languages,
    roomPreference: g.roomPreference,
    shareWith: g.shareWith,
    roomNeeds: g.roomNeeds,
    checkIn: g.checkIn,
    checkOut: g.checkOut,
    nightsSource: g.source,
    nights,
    unassignedNights: nights.filter((n) => !n.roomId).map((n) => n.night),
  };
}

/*
 * The overview reads 1,000 people's 8,000 room-nights on every view. Keyed by the rows' own
 * strings, in nested maps, these lookups build no new key per night: the joined
 * "person|night" keys they replaced were 1.5 MB of short-lived strings a view.
 */

// Made once per missing entry, not as a closure per row.
const newMap = <K, V>() => new Map<K, V>();
const newSet = <T>() => new Set<T>();
const newList = <T>(): T[] => [];
const noRooms = (): Record<RoomType, number> => ({ single: 0, twin: 0, double: 0 });

/** Each person's room per night. */
function roomsByPerson(assignments: AssignmentRow[]): Map<string, Map<string, string>> {
  const byPerson = new Map<string, Map<string, string>>();
  for (const a of assignments) entryOf(byPerson, a.registrationId, newMap).set(a.night, a.roomId);
  return byPerson;
}

/** The nights each room has someone in. */
function nightsByRoom(assignments: AssignmentRow[]): Map<string, Set<string>> {
  const byRoom = new Map<string, Set<string>>();
  for (const a of assignments) entryOf(byRoom, a.roomId, newSet).add(a.night);
  return byRoom;
}

/** Who sleeps in each room each night, in Unicode's root order of their names. */
function occupantsByRoomNight(
  guests: Guest[],
  assignments: AssignmentRow[],
): Map<string, Map<string, OccupantView[]>> {
  const names = new Map(guests.map((g) => [g.registrationId, g.name]));
  // Names put in order once, not in each of the 16,800 cells of a large event's grids.
  const order = collator('und');
  const rank = new Map(
    [...names]
      .sort(([, x], [, y]) => order.compare(x, y))
      .map(([registrationId], i) => [registrationId, i]),
  );
  const sorted = [...assignments].sort(
    (x, y) => (rank.get(x.registrationId) ?? -1) - (rank.get(y.registrationId) ?? -1),
  );
  const byRoom = new Map<string, Map<string, OccupantView[]>>();
  for (const a of sorted) {
    entryOf(entryOf(byRoom, a.roomId, newMap), a.night, newList).push({
      registrationId: a.registrationId,
      name: names.get(a.registrationId) ?? '',
    });
  }
  return byRoom;
}
