import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Locale } from '#core';

@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Always stored lower-case; uniqueness is on lower(email) as well. */
  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text')
  locale!: Locale;

  @Column('uuid', { nullable: true })
  organisationId!: string | null;

  @Column('text')
  platformRole!: 'admin' | 'member';

  @Column('text', { nullable: true, select: false })
  passwordHash!: string | null;

  /** Null until the person proved the address (a link we emailed); registering needs it. */
  @Column('timestamptz', { nullable: true })
  emailVerifiedAt!: Date | null;

  /** Bearer tokens carry it; bumped to end every session (see endEverySession). */
  @Column('integer', { default: 0 })
  tokenVersion!: number;

  /** Set when the person asked to be forgotten: the row stays for others' history, anonymous. */
  @Column('timestamptz', { nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
