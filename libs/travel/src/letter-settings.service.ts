import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, badRequest, toZonedIso } from '#core';
import { openPdfImage } from '#documents';
import { EventAccess, requireWritable } from '#events';
import { LETTER_IMAGE_MAX_BYTES, type PutLetterSettingsDto } from './letter-settings.dto.js';
import type { LetterImageType } from './letter-settings.entity.js';
import type { LetterLocale } from './visa-letter.wording.js';
import {
  COVERAGE_ITEMS,
  type CoverageItem,
  type CoveragePayer,
  type LetterCoverage,
  type LetterDataSource,
  type LetterStay,
} from './visa-letter-sources.js';

export interface LetterImageInfo {
  contentType: LetterImageType;
  bytes: number;
}

/** GET /events/:id/letter-settings (images described, not sent). */
export interface LetterSettingsView {
  eventId: string;
  orgName: string | null;
  orgAddress: string | null;
  orgPhone: string | null;
  orgEmail: string | null;
  logo: LetterImageInfo | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  signature: LetterImageInfo | null;
  consulateWording: Partial<Record<LetterLocale, string>>;
  bilingual: boolean;
  /** The host country's language, added after the participant's when bilingual. */
  hostLanguage: LetterLocale;
  coverage: Partial<Record<CoverageItem, CoveragePayer>>;
  stayAddress: string | null;
  updatedAt: string | null;
}

/** What the letter renderer needs, images included. */
export interface LetterSettingsData {
  orgName: string | null;
  orgAddress: string | null;
  orgPhone: string | null;
  orgEmail: string | null;
  logo: Buffer | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  signature: Buffer | null;
  consulateWording: Partial<Record<LetterLocale, string>>;
  bilingual: boolean;
  coverage: Partial<Record<CoverageItem, CoveragePayer>>;
  stayAddress: string | null;
}

/** An image upload as it came, from JSON (base64) or from a form (bytes). */
export interface LetterImageUpload {
  contentType: string;
  bytes: Buffer;
}

const FRENCH = new Set(
  'MA DZ TN FR BE CH LU MC SN CI BF ML NE TG BJ GN CM CD CG GA TD CF MG DJ KM RW BI HT MR'.split(
    ' ',
  ),
);
const SPANISH = new Set(
  'ES MX AR CO PE CL EC BO PY UY VE CU DO GT HN SV NI CR PA PR GQ'.split(' '),
);

/** The language the host country's administration reads: French for Morocco. */
export function hostLanguageOf(country: string | null): LetterLocale {
  if (country && FRENCH.has(country)) return 'fr';
  if (country && SPANISH.has(country)) return 'es';
  return 'en';
}

/**
 * A PNG or JPEG by its bytes (not by what the client says), small enough, and one the
 * PDF library can draw; anything else is a 400 naming the field.
 */
export function checkLetterImage(field: string, upload: LetterImageUpload): LetterImageType {
  if (upload.bytes.length === 0) {
    throw badRequest(`${field} is empty`, { field, code: 'image_empty' });
  }
  if (upload.bytes.length > LETTER_IMAGE_MAX_BYTES) {
    throw badRequest(`${field} must be at most ${LETTER_IMAGE_MAX_BYTES / 1024} KB`, {
      field,
      code: 'image_too_large',
      maxBytes: LETTER_IMAGE_MAX_BYTES,
    });
  }
  const b = upload.bytes;
  const type: LetterImageType | null =
    b.length > 8 &&
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      ? 'image/png'
      : b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff
        ? 'image/jpeg'
        : null;
  if (!type) {
    throw badRequest(`${field} must be a PNG or JPEG image`, { field, code: 'image_type' });
  }
  try {
    openPdfImage(b);
  } catch {
    throw badRequest(`${field} is not a readable PNG or JPEG image`, {
      field,
      code: 'image_unreadable',
    });
  }
  return type;
}

/** Empty is none; a browser's textarea sends CRLF line ends, stored as LF. */
const blank = (v: string | null | undefined) =>
  v && v.trim() ? v.replace(/\r\n?/g, '\n').trim() : null;

/**
 * One event's letter settings: letterhead, signatory, consulate wording, bilingual, and
 * the event-wide statement of who pays and where people stay. Organisers only.
 */
@Injectable()
export class LetterSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
  ) {}

  async get(actor: Actor, eventId: string): Promise<LetterSettingsView> {
    const event = await this.events.requireOrganiser(actor, eventId);
    return this.view(eventId, event.venueCountry, event.timezone);
  }

  /**
   * Replaces the texts; images are kept when `logo`/`signature` are left out (undefined),
   * removed when null, replaced when given. `uploads` carries form uploads as bytes.
   */
  async put(
    actor: Actor,
    eventId: string,
    dto: PutLetterSettingsDto,
    uploads: { logo?: LetterImageUpload | null; signature?: LetterImageUpload | null } = {},
  ): Promise<LetterSettingsView> {
    const event = await this.events.requireOrganiser(actor, eventId);
    requireWritable(event);
    const image = (field: 'logo' | 'signature') => {
      const upload =
        uploads[field] !== undefined
          ? uploads[field]
          : dto[field] === null
            ? null
            : dto[field]
              ? {
                  contentType: dto[field].contentType,
                  bytes: Buffer.from(dto[field].data, 'base64'),
                }
              : undefined;
      if (upload === undefined || upload === null) return upload;
      const type = checkLetterImage(field, upload);
      return { type, bytes: upload.bytes };
    };
    const logo = image('logo');
    const signature = image('signature');
    const wording: Partial<Record<LetterLocale, string>> = {};
    for (const locale of ['fr', 'en', 'es'] as const) {
      const text = blank(dto.consulateWording?.[locale]);
      if (text) wording[locale] = text;
    }
    const coverage: Partial<Record<CoverageItem, CoveragePayer>> = {};
    for (const item of COVERAGE_ITEMS) {
      const payer = dto.coverage?.[item];
      if (payer) coverage[item] = payer;
    }
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO event_letter_settings (event_id, org_name, org_address, org_phone, org_email,
           signatory_name, signatory_title, consulate_wording, bilingual, coverage, stay_address,
           updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
         ON CONFLICT (event_id) DO UPDATE SET org_name = EXCLUDED.org_name,
           org_address = EXCLUDED.org_address, org_phone = EXCLUDED.org_phone,
           org_email = EXCLUDED.org_email, signatory_name = EXCLUDED.signatory_name,
           signatory_title = EXCLUDED.signatory_title, consulate_wording = EXCLUDED.consulate_wording,
           bilingual = EXCLUDED.bilingual, coverage = EXCLUDED.coverage,
           stay_address = EXCLUDED.stay_address, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [
          eventId,
          blank(dto.orgName),
          blank(dto.orgAddress),
          blank(dto.orgPhone),
          blank(dto.orgEmail),
          blank(dto.signatoryName),
          blank(dto.signatoryTitle),
          JSON.stringify(wording),
          dto.bilingual ?? false,
          JSON.stringify(coverage),
          blank(dto.stayAddress),
          actor.accountId,
        ],
      );
      if (logo !== undefined) {
        await m.query(
          `UPDATE event_letter_settings SET logo = $2, logo_type = $3 WHERE event_id = $1`,
          [eventId, logo?.bytes ?? null, logo?.type ?? null],
        );
      }
      if (signature !== undefined) {
        await m.query(
          `UPDATE event_letter_settings SET signature = $2, signature_type = $3 WHERE event_id = $1`,
          [eventId, signature?.bytes ?? null, signature?.type ?? null],
        );
      }
    });
    return this.view(eventId, event.venueCountry, event.timezone);
  }

  /** The settings the letter is drawn with (null: none saved; the letter uses its defaults). */
  async forLetter(m: EntityManager, eventId: string): Promise<LetterSettingsData | null> {
    const [row] = (await m.query(
      `SELECT org_name, org_address, org_phone, org_email, logo, signatory_name, signatory_title,
              signature, consulate_wording, bilingual, coverage, stay_address
         FROM event_letter_settings WHERE event_id = $1`,
      [eventId],
    )) as Array<{
      org_name: string | null;
      org_address: string | null;
      org_phone: string | null;
      org_email: string | null;
      logo: Buffer | null;
      signatory_name: string | null;
      signatory_title: string | null;
      signature: Buffer | null;
      consulate_wording: Partial<Record<LetterLocale, string>>;
      bilingual: boolean;
      coverage: Partial<Record<CoverageItem, CoveragePayer>>;
      stay_address: string | null;
    }>;
    if (!row) return null;
    return {
      orgName: row.org_name,
      orgAddress: row.org_address,
      orgPhone: row.org_phone,
      orgEmail: row.org_email,
      logo: row.logo,
      signatoryName: row.signatory_name,
      signatoryTitle: row.signatory_title,
      signature: row.signature,
      consulateWording: row.consulate_wording ?? {},
      bilingual: row.bilingual,
      coverage: row.coverage ?? {},
      stayAddress: row.stay_address,
    };
  }

  /** The image bytes, for the console's preview (organisers only). */
  async image(
    actor: Actor,
    eventId: string,
    which: 'logo' | 'signature',
  ): Promise<{ contentType: LetterImageType; bytes: Buffer } | null> {
    await this.events.requireOrganiser(actor, eventId);
    const column = which === 'logo' ? 'logo' : 'signature';
    const [row] = (await this.dataSource.query(
      `SELECT ${column} AS bytes, ${column}_type AS type FROM event_letter_settings WHERE event_id = $1`,
      [eventId],
    )) as Array<{ bytes: Buffer | null; type: LetterImageType | null }>;
    return row?.bytes && row.type ? { contentType: row.type, bytes: row.bytes } : null;
  }

  private async view(
    eventId: string,
    country: string | null,
    zone: string,
  ): Promise<LetterSettingsView> {
    const [row] = (await this.dataSource.query(
      `SELECT org_name, org_address, org_phone, org_email, logo_type, octet_length(logo) AS logo_bytes,
              signatory_name, signatory_title, signature_type,
              octet_length(signature) AS signature_bytes, consulate_wording, bilingual, coverage,
              stay_address, updated_at
         FROM event_letter_settings WHERE event_id = $1`,
      [eventId],
    )) as Array<{
      org_name: string | null;
      org_address: string | null;
      org_phone: string | null;
      org_email: string | null;
      logo_type: LetterImageType | null;
      logo_bytes: number | null;
      signatory_name: string | null;
      signatory_title: string | null;
      signature_type: LetterImageType | null;
      signature_bytes: number | null;
      consulate_wording: Partial<Record<LetterLocale, string>>;
      bilingual: boolean;
      coverage: Partial<Record<CoverageItem, CoveragePayer>>;
      stay_address: string | null;
      updated_at: Date;
    }>;
    return {
      eventId,
      orgName: row?.org_name ?? null,
      orgAddress: row?.org_address ?? null,
      orgPhone: row?.org_phone ?? null,
      orgEmail: row?.org_email ?? null,
      logo: row?.logo_type ? { contentType: row.logo_type, bytes: Number(row.logo_bytes) } : null,
      signatoryName: row?.signatory_name ?? null,
      signatoryTitle: row?.signatory_title ?? null,
      signature: row?.signature_type
        ? { contentType: row.signature_type, bytes: Number(row.signature_bytes) }
        : null,
      consulateWording: row?.consulate_wording ?? {},
      bilingual: row?.bilingual ?? false,
      hostLanguage: hostLanguageOf(country),
      coverage: row?.coverage ?? {},
      stayAddress: row?.stay_address ?? null,
      updatedAt: row ? toZonedIso(row.updated_at, zone) : null,
    };
  }
}

/**
 * The default source of who pays and where people stay: the event's letter settings,
 * the same for every participant. Replaced by a per-participant provider of
 * LETTER_DATA_SOURCE (finance coverage, accommodation) when one is registered.
 */
@Injectable()
export class SettingsLetterData implements LetterDataSource {
  constructor(private readonly settings: LetterSettingsService) {}

  async coverage(m: EntityManager, eventId: string): Promise<LetterCoverage | null> {
    const s = await this.settings.forLetter(m, eventId);
    return s && Object.keys(s.coverage).length > 0 ? { items: s.coverage } : null;
  }

  async stay(m: EntityManager, eventId: string): Promise<LetterStay | null> {
    const s = await this.settings.forLetter(m, eventId);
    if (!s?.stayAddress) return null;
    const [name, ...rest] = s.stayAddress.split(/,\s*|\n/);
    return { name: name.trim(), address: rest.join(', ').trim() };
  }
}
