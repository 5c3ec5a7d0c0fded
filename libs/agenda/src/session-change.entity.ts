import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SessionChangeKind = 'time' | 'room' | 'status';

/** What changed in a published session; the calendar feed turns these into updated invites. */
@Entity('session_changes')
export class SessionChange {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  sessionId!: string;

  @Column('uuid')
  eventId!: string;

  @Column('text', { array: true })
  changes!: SessionChangeKind[];

  @Column('jsonb')
  before!: Record<string, unknown>;

  @Column('jsonb')
  after!: Record<string, unknown>;

  @Column('uuid', { nullable: true })
  changedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
