import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedTexts } from '#events';

/** The network's year of gatherings ("Family support 2027"): its immersions and meetings. */
@Entity('programmes')
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  slug!: string;

  @Column('integer')
  year!: number;

  /** The name in each language (fr/en/es); read with textIn like an event's name. */
  @Column('jsonb')
  names!: LocalizedTexts;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One immersion: people of the visiting organisation spend days inside the host's house. */
@Entity('exchanges')
export class Exchange {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  eventId!: string;

  @Column('uuid')
  visitingOrganisationId!: string;

  @Column('uuid')
  hostOrganisationId!: string;

  /** The visit the other way (host visits visitor); the pair name each other. */
  @Column('uuid', { nullable: true })
  returnExchangeId!: string | null;

  @Column('boolean')
  returnNotNeeded!: boolean;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Someone who speaks for an organisation: may nominate its visitors. */
@Entity('organisation_managers')
export class OrganisationManager {
  @PrimaryColumn('uuid')
  accountId!: string;

  @PrimaryColumn('uuid')
  organisationId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
