import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoomType } from './room-types.js';

/** How many rooms of a type the hotel holds for the network on one night. */
@Entity('accommodation_inventory')
export class RoomInventory {
  @PrimaryColumn('uuid')
  hotelId!: string;

  @PrimaryColumn('text')
  roomType!: RoomType;

  @PrimaryColumn('date')
  night!: string;

  @Column('integer')
  rooms!: number;
}
