import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person's calendar subscription: a secret URL, stored as the SHA-256 of its token. */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  accountId!: string;

  /** Hex SHA-256 of the token; the token itself is shown once and never stored. */
  @Column('text')
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Last time a calendar app fetched the feed. */
  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;
}
