import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { VisaStatus } from './visa-rules.js';

/** One registration's journey: passport, visa progress and the two flights around the event. */
@Entity('travel_plans')
export class TravelPlan {
  @PrimaryColumn('uuid')
  registrationId!: string;

  @Column('uuid')
  eventId!: string;

  /** ISO 3166-1 alpha-2 of the passport. */
  @Column('char', { length: 2, nullable: true })
  passportNationality!: string | null;

  /** FieldCipher text (AES-256-GCM); decrypt through PassportCipher, never log. */
  @Column('text', { nullable: true })
  passportNumberEncrypted!: string | null;

  @Column('date', { nullable: true })
  passportExpiresOn!: string | null;

  /** Asked only for the invitation letter; FieldCipher text of YYYY-MM-DD, like the number. */
  @Column('text', { nullable: true })
  birthDateEncrypted!: string | null;

  /** Asked only for the invitation letter; FieldCipher text of YYYY-MM-DD. */
  @Column('text', { nullable: true })
  passportIssuedOnEncrypted!: string | null;

  /** The consulate serving the participant, that the letter is addressed to (ISO country). */
  @Column('char', { length: 2, nullable: true })
  consulateCountry!: string | null;

  @Column('text', { nullable: true })
  consulateCity!: string | null;

  /** Null until the nationality is known and the event's visa rules can decide. */
  @Column('text', { nullable: true })
  visaStatus!: VisaStatus | null;

  @Column('timestamptz', { nullable: true })
  visaStatusChangedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  letterIssuedAt!: Date | null;

  /** The organiser who issued the invitation letter: the letter carries their signature. */
  @Column('uuid', { nullable: true })
  letterIssuedBy!: string | null;

  /** The letter's human reference (TNG27-0042), given when it is first issued. */
  @Column('text', { nullable: true })
  letterReference!: string | null;

  /** 128 random bits (base64url) behind /verify/<code>; never shown in lists. */
  @Column('text', { nullable: true })
  letterCode!: string | null;

  @Column('text', { nullable: true })
  arrivalFlight!: string | null;

  @Column('char', { length: 3, nullable: true })
  arrivalAirport!: string | null;

  @Column('timestamptz', { nullable: true })
  arrivalAt!: Date | null;

  /** The airport's IANA zone when the client gave it; the leg is shown in it. */
  @Column('text', { nullable: true })
  arrivalTimezone!: string | null;

  @Column('text', { nullable: true })
  departureFlight!: string | null;

  @Column('char', { length: 3, nullable: true })
  departureAirport!: string | null;

  @Column('timestamptz', { nullable: true })
  departureAt!: Date | null;

  @Column('text', { nullable: true })
  departureTimezone!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
