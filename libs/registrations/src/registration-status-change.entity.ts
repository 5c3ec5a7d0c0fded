import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RegistrationStatus } from './registration.entity.js';

/** The audit trail: one row per status change, never updated. */
@Entity('registration_status_changes')
export class RegistrationStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  registrationId!: string;

  @Column('uuid')
  eventId!: string;

  /** Null when the registration was created. */
  @Column('text', { nullable: true })
  fromStatus!: RegistrationStatus | null;

  @Column('text')
  toStatus!: RegistrationStatus;

  /** Null when the system decided (a waitlist promotion). */
  @Column('uuid', { nullable: true })
  changedBy!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('timestamptz')
  changedAt!: Date;
}
