import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const STAFF_ROLES = ['organiser', 'facilitator', 'host'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

@Entity('event_staff')
export class EventStaff {
  @PrimaryColumn('uuid')
  eventId!: string;

  @PrimaryColumn('uuid')
  accountId!: string;

  @PrimaryColumn('text')
  role!: StaffRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
