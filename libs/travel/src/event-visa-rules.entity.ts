import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which passports need a visa to enter the event's country, as the organisers said. */
@Entity('event_visa_rules')
export class EventVisaRules {
  @PrimaryColumn('uuid')
  eventId!: string;

  /** ISO 3166-1 alpha-2 codes, sorted. */
  @Column('text', { array: true })
  visaRequiredFor!: string[];

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @Column('timestamptz')
  updatedAt!: Date;
}
