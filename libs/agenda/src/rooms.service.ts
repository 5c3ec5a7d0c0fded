import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Actor, conflict, notFound, pgErrorCode } from '#core';
import { EventAccess, requireWritable } from '#events';
import { CreateRoomDto, UpdateRoomDto } from './dto/room.dto.js';
import { Room } from './room.entity.js';

export interface RoomView {
  id: string;
  eventId: string;
  name: string;
  capacity: number | null;
  floor: string | null;
  notes: string | null;
  equipment: string[];
}

const toRoomView = (r: Room): RoomView => ({
  id: r.id,
  eventId: r.eventId,
  name: r.name,
  capacity: r.capacity,
  floor: r.floor,
  notes: r.notes,
  equipment: r.equipment,
});

@Injectable()
export class RoomsService {
  constructor(
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    private readonly access: EventAccess,
  ) {}

  async list(actor: Actor | undefined, eventId: string): Promise<RoomView[]> {
    await this.access.requireVisible(actor, eventId);
    const rows = await this.rooms.find({ where: { eventId }, order: { name: 'ASC' } });
    return rows.map(toRoomView);
  }

  async get(actor: Actor | undefined, eventId: string, id: string): Promise<RoomView> {
    await this.access.requireVisible(actor, eventId);
    return toRoomView(await this.find(eventId, id));
  }

  async create(actor: Actor, eventId: string, dto: CreateRoomDto): Promise<RoomView> {
    requireWritable(await this.access.requireAgendaEditor(actor, eventId));
    const room = this.rooms.create({
      eventId,
      name: dto.name,
      capacity: dto.capacity ?? null,
      floor: dto.floor ?? null,
      notes: dto.notes ?? null,
      equipment: dto.equipment ?? [],
    });
    await this.save(room);
    return toRoomView(room);
  }

  async update(actor: Actor, eventId: string, id: string, dto: UpdateRoomDto): Promise<RoomView> {
    requireWritable(await this.access.requireAgendaEditor(actor, eventId));
    const room = await this.find(eventId, id);
    if (dto.name !== undefined) room.name = dto.name;
    if (dto.capacity !== undefined) room.capacity = dto.capacity ?? null;
    if (dto.floor !== undefined) room.floor = dto.floor;
    if (dto.notes !== undefined) room.notes = dto.notes;
    if (dto.equipment !== undefined) room.equipment = dto.equipment;
    await this.save(room);
    return toRoomView(room);
  }

  async remove(actor: Actor, eventId: string, id: string): Promise<void> {
    requireWritable(await this.access.requireAgendaEditor(actor, eventId));
    await this.find(eventId, id);
    try {
      await this.rooms.delete({ id, eventId });
    } catch (e) {
      if (pgErrorCode(e) === '23503')
        throw conflict('Sessions still use this room; move or delete them first');
      throw e;
    }
  }

  private async find(eventId: string, id: string): Promise<Room> {
    const room = await this.rooms.findOneBy({ id, eventId });
    if (!room) throw notFound('Room');
    return room;
  }

  private async save(room: Room): Promise<void> {
    try {
      await this.rooms.save(room);
    } catch (e) {
      if (pgErrorCode(e) === '23505')
        throw conflict('This event already has a room with this name', { field: 'name' });
      throw e;
    }
  }
}
