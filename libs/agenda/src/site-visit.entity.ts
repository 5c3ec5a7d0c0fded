import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The travel side of a site_visit session. */
@Entity('site_visits')
export class SiteVisit {
  @PrimaryColumn('uuid')
  sessionId!: string;

  @Column('uuid')
  hostOrganisationId!: string;

  @Column('text')
  address!: string;

  @Column('text')
  meetingPoint!: string;

  @Column('timestamptz')
  departureAt!: Date;

  @Column('timestamptz')
  returnAt!: Date;

  /** bus, minibus, walk, ... */
  @Column('text')
  transportMode!: string;

  @Column('integer')
  seats!: number;

  /** Visitors the host can receive; the session capacity is min(hostLimit, seats). */
  @Column('integer', { nullable: true })
  hostLimit!: number | null;

  @Column('text', { nullable: true })
  hostContactName!: string | null;

  @Column('text', { nullable: true })
  hostContactPhone!: string | null;

  @Column('text', { nullable: true })
  hostContactEmail!: string | null;

  /** Rules a visitor accepts when signing up (no photos of beneficiaries, ...). */
  @Column('text', { array: true })
  rules!: string[];
}
