import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const SESSION_KINDS = [
  'plenary',
  'workshop',
  'site_visit',
  'team_meeting',
  'family_workshop',
  'observation_day',
  'meal',
  'social',
  'break',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface ExternalFacilitator {
  name: string;
  organisation?: string | null;
  email?: string | null;
}

@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  eventId!: string;

  @Column('text')
  kind!: SessionKind;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  /** Title and description in each language written; the plain columns are the event's first. */
  @Column('jsonb')
  titles!: Partial<Record<'fr' | 'en' | 'es', string>>;

  @Column('jsonb')
  descriptions!: Partial<Record<'fr' | 'en' | 'es', string>>;

  @Column('text', { nullable: true })
  theme!: string | null;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('uuid', { nullable: true })
  roomId!: string | null;

  /** Working language (fr, en, es, ar, ...). */
  @Column('text', { nullable: true })
  language!: string | null;

  @Column('text', { array: true })
  interpretationLanguages!: string[];

  /** Seats for sign-ups; null means no limit. */
  @Column('integer', { nullable: true })
  capacity!: number | null;

  @Column('boolean')
  signupRequired!: boolean;

  @Column('text')
  status!: SessionStatus;

  @Column('jsonb')
  externalFacilitators!: ExternalFacilitator[];

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
