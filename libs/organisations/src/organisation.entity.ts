import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const ORGANISATION_KINDS = [
  'ngo',
  'public_service',
  'foundation',
  'network',
  'family_house',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('char', { length: 2 })
  country!: string;

  @Column('text', { nullable: true })
  city!: string | null;

  @Column('text')
  kind!: OrganisationKind;

  @Column('text', { nullable: true })
  website!: string | null;

  @Column('text', { nullable: true })
  contactEmail!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
