import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('rooms')
export class Room {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  eventId!: string;

  @Column('text')
  name!: string;

  /** Seats; null when the room has no stated limit. */
  @Column('integer', { nullable: true })
  capacity!: number | null;

  @Column('text', { nullable: true })
  floor!: string | null;

  @Column('text', { nullable: true })
  notes!: string | null;

  /** For example projector, interpretation_booth, flipchart. */
  @Column('text', { array: true })
  equipment!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
