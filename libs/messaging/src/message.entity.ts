import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { TemplateName } from './template-names.js';

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
