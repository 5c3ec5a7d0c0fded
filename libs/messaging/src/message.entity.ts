import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { TemplateName } from './template-names.js';

/**
 * queued (waiting for the worker), sending (claimed), delayed (a transient failure: tried
 * again at nextAttemptAt, for up to the retry window), sent, failed (for good).
 */
export const MESSAGE_STATUSES = ['queued', 'sending', 'delayed', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** One email to one person: the outbox row, written in the transaction that causes it. */
@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  template!: TemplateName;

  /** fr | en | es, resolved when the row is written. */
  @Column('text')
  locale!: string;

  @Column('uuid', { nullable: true })
  eventId!: string | null;

  @Column('uuid', { nullable: true })
  recipientAccountId!: string | null;

  @Column('text')
  recipientEmail!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  /** Stops the same business fact (one promotion, one announcement x person) from writing two rows. */
  @Column('text', { nullable: true })
  dedupeKey!: string | null;

  @Column('text')
  status!: MessageStatus;

  @Column('integer')
  attempts!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('text', { nullable: true })
  providerMessageId!: string | null;

  @Column('timestamptz', { nullable: true })
  enqueuedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  /** While `sending`: the claim lease; after it a crashed worker's message may be taken over. */
  @Column('timestamptz', { nullable: true })
  lockedUntil!: Date | null;

  /** While `delayed`: when the worker tries again. */
  @Column('timestamptz', { nullable: true })
  nextAttemptAt!: Date | null;

  /** The first transient failure of the current run of retries; the retry window counts from it. */
  @Column('timestamptz', { nullable: true })
  retrySince!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
