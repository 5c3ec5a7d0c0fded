import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, badRequest, conflict, notFound, pgConstraint } from '#core';
import { type Event, requireWritable } from '#events';
import type {
  CreateHotelDto,
  PutInventoryDto,
  RenameRoomDto,
  UpdateHotelDto,
} from './dto/hotel.dto.js';
import { Hotel } from './hotel.entity.js';
import { HotelRoom } from './hotel-room.entity.js';
import { addDays } from './nights.js';
import { AccommodationAccess } from './organiser-access.js';
import { RoomInventory } from './room-inventory.entity.js';
import { ROOM_CAPACITY, ROOM_TYPES, type RoomType } from './room-types.js';

export interface HotelView {
  id: string;
  eventId: string;
  name: string;
  address: string;
  city: string;
  phone: string | null;
  email: string | null;
  contactName: string | null;
  /** Rooms booked per night and type, nights in order. */
  inventory: Array<{ night: string; rooms: Record<RoomType, number> }>;
  rooms: RoomView[];
}

export interface RoomView {
  id: string;
  hotelId: string;
  roomType: RoomType;
  position: number;
  /** What the hotel's list prints: the hotel's name for it, else "Twin 3". */
  label: string;
  customLabel: string | null;
  capacity: number;
}

const TYPE_WORD: Record<RoomType, string> = { single: 'Single', twin: 'Twin', double: 'Double' };

export function roomLabel(room: Pick<HotelRoom, 'label' | 'roomType' | 'position'>): string {
  return room.label ?? `${TYPE_WORD[room.roomType]} ${room.position}`;
}

/** Hotels of an event, what they hold per night, and their rooms (organisers only). */
@Injectable()
export class Hotels {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccommodationAccess,
  ) {}

  async list(actor: Actor, eventId: string): Promise<HotelView[]> {
    await this.access.organiser(actor, eventId);
    const hotels = await this.dataSource
      .getRepository(Hotel)
      .find({ where: { eventId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return Promise.all(hotels.map((h) => this.view(h)));
  }

  async get(actor: Actor, eventId: string, hotelId: string): Promise<HotelView> {
    await this.access.organiser(actor, eventId);
    return this.view(await this.find(eventId, hotelId));
  }

  async create(actor: Actor, eventId: string, dto: CreateHotelDto): Promise<HotelView> {
    requireWritable(await this.access.organiser(actor, eventId));
    const hotel = await this.dataSource.getRepository(Hotel).save({
      eventId,
      name: dto.name,
      address: dto.address,
      city: dto.city,
      phone: dto.phone || null,
      email: dto.email || null,
      contactName: dto.contactName || null,
    });
    return this.view(hotel);
  }

  async update(
    actor: Actor,
    eventId: string,
    hotelId: string,
    dto: UpdateHotelDto,
  ): Promise<HotelView> {
    requireWritable(await this.access.organiser(actor, eventId));
    const hotel = await this.find(eventId, hotelId);
    for (const key of ['name', 'address', 'city'] as const) {
      if (dto[key] !== undefined) hotel[key] = dto[key]!;
    }
    for (const key of ['phone', 'email', 'contactName'] as const) {
      if (dto[key] !== undefined) hotel[key] = dto[key] || null;
    }
    await this.dataSource.getRepository(Hotel).save(hotel);
    return this.view(hotel);
  }

  /** Only a hotel nobody sleeps in yet: moving people out is a decision, not a side effect. */
  async remove(actor: Actor, eventId: string, hotelId: string): Promise<void> {
    requireWritable(await this.access.organiser(actor, eventId));
    await this.find(eventId, hotelId);
    const [used] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM room_assignments a JOIN accommodation_rooms r ON r.id = a.room_id
        WHERE r.hotel_id = $1`,
      [hotelId],
    )) as Array<{ n: number }>;
    if (used.n > 0) {
      throw conflict('People are assigned to rooms in this hotel; move them first', {
        reason: 'hotel_in_use',
        assignments: used.n,
      });
    }
    await this.dataSource.getRepository(Hotel).delete({ id: hotelId });
  }

  /**
   * Sets rooms booked per type and night, and makes sure the hotel has a room for every
   * position booked on some night. Lowering a night under the rooms in use is refused
   * by the database (409 rooms_in_use).
   */
  async putInventory(
    actor: Actor,
    eventId: string,
    hotelId: string,
    dto: PutInventoryDto,
  ): Promise<HotelView> {
    const event = await this.access.organiser(actor, eventId);
    requireWritable(event);
    const hotel = await this.find(eventId, hotelId);
    for (const [i, cell] of dto.cells.entries()) {
      if (!withinEvent(event, cell.night)) {
        throw badRequest(`cells[${i}].night must be within two weeks of the event`, {
          field: `cells.${i}.night`,
        });
      }
    }
    try {
      await this.dataSource.transaction(async (m) => {
        for (const cell of dto.cells) {
          await m.query(
            `INSERT INTO accommodation_inventory (hotel_id, room_type, night, rooms)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (hotel_id, room_type, night) DO UPDATE SET rooms = EXCLUDED.rooms`,
            [hotelId, cell.roomType, cell.night, cell.rooms],
          );
        }
        await ensureRooms(m, hotelId);
      });
    } catch (e) {
      if (pgConstraint(e) === 'rooms_in_use') {
        throw conflict('More rooms are in use that night than the new number', {
          reason: 'rooms_in_use',
        });
      }
      throw e;
    }
    return this.view(hotel);
  }

  async renameRoom(
    actor: Actor,
    eventId: string,
    roomId: string,
    dto: RenameRoomDto,
  ): Promise<RoomView> {
    requireWritable(await this.access.organiser(actor, eventId));
    const room = await this.findRoom(eventId, roomId);
    room.label = dto.label || null;
    await this.dataSource.getRepository(HotelRoom).save(room);
    return roomView(room);
  }

  async find(eventId: string, hotelId: string): Promise<Hotel> {
    const hotel = await this.dataSource.getRepository(Hotel).findOneBy({ id: hotelId, eventId });
    if (!hotel) throw notFound('Hotel');
    return hotel;
  }

  async findRoom(eventId: string, roomId: string): Promise<HotelRoom> {
    const [row] = (await this.dataSource.query(
      `SELECT r.id FROM accommodation_rooms r JOIN accommodation_hotels h ON h.id = r.hotel_id
        WHERE r.id = $1 AND h.event_id = $2`,
      [roomId, eventId],
    )) as Array<{ id: string }>;
    if (!row) throw notFound('Room');
    return this.dataSource.getRepository(HotelRoom).findOneByOrFail({ id: roomId });
  }

  private async view(hotel: Hotel): Promise<HotelView> {
    const [cells, rooms] = await Promise.all([
      this.dataSource
        .getRepository(RoomInventory)
        .find({ where: { hotelId: hotel.id }, order: { night: 'ASC' } }),
      this.dataSource
        .getRepository(HotelRoom)
        .find({ where: { hotelId: hotel.id }, order: { roomType: 'ASC', position: 'ASC' } }),
    ]);
    const nights = new Map<string, Record<RoomType, number>>();
    for (const c of cells) {
      const row = nights.get(c.night) ?? { single: 0, twin: 0, double: 0 };
      row[c.roomType] = c.rooms;
      nights.set(c.night, row);
    }
    return {
      id: hotel.id,
      eventId: hotel.eventId,
      name: hotel.name,
      address: hotel.address,
      city: hotel.city,
      phone: hotel.phone,
      email: hotel.email,
      contactName: hotel.contactName,
      inventory: [...nights.entries()].map(([night, r]) => ({ night, rooms: r })),
      rooms: rooms
        .sort((a, b) => typeOrder(a.roomType) - typeOrder(b.roomType) || a.position - b.position)
        .map(roomView),
    };
  }
}

export function roomView(room: HotelRoom): RoomView {
  return {
    id: room.id,
    hotelId: room.hotelId,
    roomType: room.roomType,
    position: room.position,
    label: roomLabel(room),
    customLabel: room.label,
    capacity: room.capacity,
  };
}

export const typeOrder = (t: RoomType) => ROOM_TYPES.indexOf(t);

function withinEvent(event: Event, night: string): boolean {
  return night >= addDays(event.startDate, -14) && night <= addDays(event.endDate, 14);
}

/** One room per position booked on any night, each type's capacity from ROOM_CAPACITY. */
async function ensureRooms(m: EntityManager, hotelId: string): Promise<void> {
  await m.query(
    `INSERT INTO accommodation_rooms (hotel_id, room_type, position, capacity)
     SELECT $1, t.room_type, p, CASE t.room_type WHEN 'single' THEN $2::int ELSE $3::int END
       FROM (SELECT room_type, max(rooms) AS n FROM accommodation_inventory
              WHERE hotel_id = $1 GROUP BY room_type) t,
            generate_series(1, t.n) AS p
     ON CONFLICT (hotel_id, room_type, position) DO NOTHING`,
    [hotelId, ROOM_CAPACITY.single, ROOM_CAPACITY.twin],
  );
}
