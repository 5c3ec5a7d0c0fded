import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RoomType } from './room-types.js';

/**
 * One room of a type, numbered within its type (position 1..n). A hotel booked for k
 * rooms of a type on a night lends rooms 1..k that night; the label ("Twin 3", or the
 * hotel's own "Room 12") is what the rooming list prints.
 */
@Entity('accommodation_rooms')
export class HotelRoom {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  hotelId!: string;

  @Column('text')
  roomType!: RoomType;

  @Column('integer')
  position!: number;

  /** The hotel's own name for it; null prints the type and position. */
  @Column('text', { nullable: true })
  label!: string | null;

  @Column('integer')
  capacity!: number;
}
