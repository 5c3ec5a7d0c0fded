import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LetterLocale } from './visa-letter.wording.js';
import type { CoverageItem, CoveragePayer } from './visa-letter-sources.js';

export const LETTER_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;
export type LetterImageType = (typeof LETTER_IMAGE_TYPES)[number];

/** One event's invitation letter: letterhead, signatory, addressee wording, who pays. */
@Entity('event_letter_settings')
export class EventLetterSettings {
  @PrimaryColumn('uuid')
  eventId!: string;

  @Column('text', { nullable: true })
  orgName!: string | null;

  /** Several lines (street, city, country). */
  @Column('text', { nullable: true })
  orgAddress!: string | null;

  @Column('text', { nullable: true })
  orgPhone!: string | null;

  @Column('text', { nullable: true })
  orgEmail!: string | null;

  @Column('bytea', { nullable: true, select: false })
  logo!: Buffer | null;

  @Column('text', { nullable: true })
  logoType!: LetterImageType | null;

  @Column('text', { nullable: true })
  signatoryName!: string | null;

  @Column('text', { nullable: true })
  signatoryTitle!: string | null;

  @Column('bytea', { nullable: true, select: false })
  signature!: Buffer | null;

  @Column('text', { nullable: true })
  signatureType!: LetterImageType | null;

  /** How the letter names the consulate, per letter language ("Consulat général du Royaume du Maroc"). */
  @Column('jsonb', { default: {} })
  consulateWording!: Partial<Record<LetterLocale, string>>;

  /** The participant's language and the host country's, one after the other. */
  @Column('boolean', { default: false })
  bilingual!: boolean;

  /** Who pays what, for everyone (unless a finance source says otherwise per participant). */
  @Column('jsonb', { default: {} })
  coverage!: Partial<Record<CoverageItem, CoveragePayer>>;

  /** Where participants stay (unless an accommodation source knows each one's hotel). */
  @Column('text', { nullable: true })
  stayAddress!: string | null;

  @Column('uuid', { nullable: true })
  updatedBy!: string | null;

  @Column('timestamptz')
  updatedAt!: Date;
}
