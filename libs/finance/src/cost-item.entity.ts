import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CostKind, CostStatus, Payer } from './payers.js';

const bigintNumber = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** One expected or actual cost of a participant's trip: a flight, a visa fee, a taxi. */
@Entity('cost_items')
export class CostItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  registrationId!: string;

  @Column('uuid')
  eventId!: string;

  @Column('text')
  kind!: CostKind;

  @Column('text', { nullable: true })
  description!: string | null;

  /** Minor units of `currency`; bigint in the database, a safe integer here. */
  @Column('bigint', { transformer: bigintNumber })
  amountMinor!: number;

  @Column('char', { length: 3 })
  currency!: string;

  /** Who bears it in the end (the coverage's payer unless changed for this line). */
  @Column('text')
  payer!: Payer;

  /** Who booked or paid it up front: a participant's advance is what the network reimburses. */
  @Column('text')
  advancedBy!: Payer;

  @Column('text')
  status!: CostStatus;

  @Column('timestamptz')
  statusChangedAt!: Date;

  @Column('uuid', { nullable: true })
  statusChangedBy!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @Column('timestamptz')
  createdAt!: Date;
}

/** The history of a cost line's status: who moved it, when; never updated. */
@Entity('cost_status_changes')
export class CostStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  costItemId!: string;

  @Column('uuid')
  registrationId!: string;

  @Column('uuid')
  eventId!: string;

  @Column('text', { nullable: true })
  fromStatus!: CostStatus | null;

  @Column('text')
  toStatus!: CostStatus;

  @Column('uuid', { nullable: true })
  changedBy!: string | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('timestamptz')
  changedAt!: Date;
}

/** A receipt attached to a cost line; the bytes live in the file store under storageKey. */
@Entity('cost_receipts')
export class CostReceipt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  costItemId!: string;

  @Column('uuid')
  registrationId!: string;

  @Column('uuid')
  eventId!: string;

  @Column('text')
  storageKey!: string;

  /** application/pdf, image/jpeg or image/png, from the file's first bytes. */
  @Column('text')
  contentType!: string;

  @Column('integer')
  sizeBytes!: number;

  @Column('text')
  fileName!: string;

  @Column('uuid', { nullable: true })
  uploadedBy!: string | null;

  @Column('timestamptz')
  uploadedAt!: Date;
}
