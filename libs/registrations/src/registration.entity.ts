import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const REGISTRATION_STATUSES = [
  'pending',
  'confirmed',
  'waitlisted',
  'cancelled',
  'rejected',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses that hold (or wait for) a place; at most one per person and event. */
export const LIVE_STATUSES: readonly RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];

export const PROFESSIONS = [
  'social_worker',
  'head_of_service',
  'psychologist',
  'legal_expert',
  'manager',
  'other',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

@Entity('registrations')
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  eventId!: string;

  @Column('uuid')
  accountId!: string;

  @Column('uuid')
  organisationId!: string;

  @Column('text')
  status!: RegistrationStatus;

  @Column('text')
  profession!: Profession;

  @Column('text', { nullable: true })
  professionOther!: string | null;

  @Column('text', { array: true })
  languages!: string[];

  @Column('text', { nullable: true })
  dietary!: string | null;

  @Column('text', { nullable: true })
  accessibility!: string | null;

  /** The participant's own mobile, reachable during the event; for logistics only. */
  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { nullable: true })
  emergencyContactName!: string | null;

  @Column('text', { nullable: true })
  emergencyContactPhone!: string | null;

  @Column('text', { nullable: true })
  emergencyContactRelation!: string | null;

  /** When the person agreed to the processing of their data: required to register. */
  @Column('timestamptz')
  consentDataProcessingAt!: Date;

  /** Which consent text was agreed to (CONSENT_VERSIONS); null for rows before versions. */
  @Column('text', { nullable: true })
  consentVersion!: string | null;

  /** The language the consent text was shown in. */
  @Column('text', { nullable: true })
  consentLocale!: string | null;

  /** Arrival order on the waitlist, per event; set when the registration is waitlisted. */
  @Column('integer', { nullable: true })
  waitlistSeq!: number | null;

  @Column('timestamptz')
  statusChangedAt!: Date;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
