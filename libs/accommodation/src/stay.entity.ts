import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RoomPreference } from './room-types.js';

/** A participant's wishes for their room, and the organiser's dates when they override. */
@Entity('accommodation_stays')
export class Stay {
  @PrimaryColumn('uuid')
  registrationId!: string;

  @Column('uuid')
  eventId!: string;

  @Column('text', { nullable: true })
  roomPreference!: RoomPreference | null;

  /** Who they would share with: a name or an email, as typed. */
  @Column('text', { nullable: true })
  shareWith!: string | null;

  /** Accessibility needs for the room (step-free, ground floor, ...). */
  @Column('text', { nullable: true })
  roomNeeds!: string | null;

  /** The participant agreed that the hotel may read roomNeeds on its rooming list. */
  @Column('boolean', { default: false })
  shareNeedsWithHotel!: boolean;

  @Column('date', { nullable: true })
  checkInOverride!: string | null;

  @Column('date', { nullable: true })
  checkOutOverride!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
