import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const REGISTRATION_STATUSES = [
  'awaiting_consent',
  'pending',
  'confirmed',
  'waitlisted',
  'cancelled',
  'rejected',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses that hold (or wait for) a place. */
export const LIVE_STATUSES: readonly RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];

/**
 * Live, or `awaiting_consent`: an organiser registered the person, who has not yet agreed
 * to the processing of their data. Such a registration holds no seat and is counted and
 * shown nowhere but the organisers' list until they agree; still, at most one open
 * registration per person and event.
 */
export const OPEN_STATUSES: readonly RegistrationStatus[] = ['awaiting_consent', ...LIVE_STATUSES];

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

  /**
   * When the person agreed to the processing of their data: required to register. Null
   * only while `awaiting_consent` (registered by an organiser), or cancelled before that.
   */
  @Column('timestamptz', { nullable: true })
  consentDataProcessingAt!: Date | null;

  /** Which consent text was agreed to (CONSENT_VERSIONS); null for rows before versions. */
  @Column('text', { nullable: true })
  consentVersion!: string | null;

  /** The language the consent text was shown in. */
  @Column('text', { nullable: true })
  consentLocale!: string | null;

  /** SHA-256 of the token in the consent email; cleared once the person answered. */
  @Column('text', { nullable: true, select: false })
  consentTokenHash!: string | null;

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
