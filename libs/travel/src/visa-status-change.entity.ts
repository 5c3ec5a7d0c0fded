import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { VisaStatus } from './visa-rules.js';

/** The visa audit trail: one row per status change, never updated, kept after erasure. */
@Entity('visa_status_changes')
export class VisaStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  registrationId!: string;

  @Column('uuid')
  eventId!: string;

  /** Null for the first status, set from the event's visa rules. */
  @Column('text', { nullable: true })
  fromStatus!: VisaStatus | null;

  @Column('text')
  toStatus!: VisaStatus;

  @Column('uuid', { nullable: true })
  changedBy!: string | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('timestamptz')
  changedAt!: Date;
}
