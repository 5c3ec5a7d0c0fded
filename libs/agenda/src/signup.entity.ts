import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

@Entity('signups')
export class Signup {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Arrival order; the waitlist is served by it. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column('uuid')
  sessionId!: string;

  @Column('uuid')
  eventId!: string;

  @Column('uuid')
  registrationId!: string;

  @Column('uuid')
  accountId!: string;

  @Column('text')
  status!: SignupStatus;

  /** A copy of the session's range, kept in step, for the no-overlap exclusion constraint. */
  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('timestamptz', { nullable: true })
  rulesAcceptedAt!: Date | null;

  @Column('uuid', { nullable: true })
  addedBy!: string | null;

  @Column('boolean', { nullable: true })
  attended!: boolean | null;

  @Column('timestamptz', { nullable: true })
  attendanceMarkedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  confirmedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
