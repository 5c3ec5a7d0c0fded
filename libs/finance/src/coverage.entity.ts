import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Payer } from './payers.js';

/** An event's rule of who pays what, and the per diem; one row per event, absent until set. */
@Entity('event_cost_coverage')
export class EventCostCoverage {
  @PrimaryColumn('uuid')
  eventId!: string;

  /** The event's accounting currency (ISO 4217): the finance view totals in it. */
  @Column('char', { length: 3 })
  currency!: string;

  @Column('text')
  travelPayer!: Payer;

  @Column('text')
  visaFeesPayer!: Payer;

  @Column('text')
  accommodationPayer!: Payer;

  @Column('text')
  mealsPayer!: Payer;

  @Column('text')
  perDiemPayer!: Payer;

  /** Per diem per day in minor units of perDiemCurrency; 0 when there is none. */
  @Column('integer')
  perDiemDailyMinor!: number;

  @Column('char', { length: 3 })
  perDiemCurrency!: string;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @Column('timestamptz')
  updatedAt!: Date;
}

/** One participant's exceptions to the event's coverage; a null column follows the event. */
@Entity('registration_cost_coverage')
export class RegistrationCostCoverage {
  @PrimaryColumn('uuid')
  registrationId!: string;

  @Column('uuid')
  eventId!: string;

  @Column('text', { nullable: true })
  travelPayer!: Payer | null;

  @Column('text', { nullable: true })
  visaFeesPayer!: Payer | null;

  @Column('text', { nullable: true })
  accommodationPayer!: Payer | null;

  @Column('text', { nullable: true })
  mealsPayer!: Payer | null;

  @Column('text', { nullable: true })
  perDiemPayer!: Payer | null;

  @Column('integer', { nullable: true })
  perDiemDailyMinor!: number | null;

  /** Per diem days when the organiser set them by hand (else counted from the dates). */
  @Column('integer', { nullable: true })
  perDiemDays!: number | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @Column('timestamptz')
  updatedAt!: Date;
}

/** The organiser's rate: `rate` units of the event's currency for one unit of `currency`. */
@Entity('event_currency_rates')
export class EventCurrencyRate {
  @PrimaryColumn('uuid')
  eventId!: string;

  @PrimaryColumn('char', { length: 3 })
  currency!: string;

  /** numeric(20,10) as PostgreSQL returns it: a decimal string, never a float. */
  @Column('numeric', { precision: 20, scale: 10 })
  rate!: string;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @Column('timestamptz')
  updatedAt!: Date;
}
