import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { LocalizedTexts } from './event-texts.js';

export const EVENT_KINDS = ['meeting', 'immersion'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_STATUSES = ['draft', 'published', 'closed', 'archived'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

@Entity('events')
export class Event {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  slug!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  /** The name in each of the event's languages; `name` holds the one in its first language. */
  @Column('jsonb', { default: () => "'{}'::jsonb" })
  names!: LocalizedTexts;

  /** The description in each language; `description` holds the one in its first language. */
  @Column('jsonb', { default: () => "'{}'::jsonb" })
  descriptions!: LocalizedTexts;

  /** Practical information (getting there, what to bring) in each language. */
  @Column('jsonb', { default: () => "'{}'::jsonb" })
  practicalInfo!: LocalizedTexts;

  @Column('text')
  kind!: EventKind;

  /** IANA zone; every wall-clock time of the event is read and shown in it. */
  @Column('text')
  timezone!: string;

  /** Calendar dates in the event's zone (YYYY-MM-DD), inclusive. */
  @Column('date')
  startDate!: string;

  @Column('date')
  endDate!: string;

  @Column('text', { nullable: true })
  venueName!: string | null;

  @Column('text', { nullable: true })
  venueCity!: string | null;

  @Column('char', { length: 2, nullable: true })
  venueCountry!: string | null;

  @Column('integer')
  capacity!: number;

  @Column('boolean')
  requiresApproval!: boolean;

  @Column('timestamptz', { nullable: true })
  registrationOpensAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  registrationClosesAt!: Date | null;

  @Column('text', { array: true })
  languages!: string[];

  @Column('uuid', { nullable: true })
  hostOrganisationId!: string | null;

  @Column('text')
  status!: EventStatus;

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  /** The creator's key for the request that created it: the same request twice is one event. */
  @Column('uuid', { nullable: true })
  creationKey!: string | null;

  /** The organisers' address: the Reply-To of the event's emails and their signature. */
  @Column('text', { nullable: true })
  contactEmail!: string | null;

  /** Set once phones, needs and emergency contacts of its registrations are erased. */
  @Column('timestamptz', { nullable: true })
  personalDataErasedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
