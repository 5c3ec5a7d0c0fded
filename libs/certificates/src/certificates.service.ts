import { randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Zip, ZipPassThrough } from 'fflate';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  conflict,
  localDateOf,
  type Locale,
  startOfLocalDate,
} from '#core';
import { type Event, EventAccess, textIn } from '#events';
import { recipientLocale } from '#messaging';
import { RegistrationAccess } from '#registrations';
import { referencePrefix } from '#travel';
import { type AttendedSession, attendedSessions, totalMinutes } from './attendance.js';
import { type CertificateImages, renderCertificatePdf } from './certificate-pdf.js';
import { certificateText } from './certificate-text.js';

export interface CertificateFile {
  filename: string;
  pdf: Buffer;
}

export interface CertificatesZip {
  filename: string;
  /** The ZIP, written while each PDF is made (stored, not deflated: PDFs are compressed). */
  stream: Readable;
  count: number;
}

/** One person on the organisers' certificates page. */
export interface CertificateHolder {
  registrationId: string;
  name: string;
  sessions: number;
  minutes: number;
}

export interface CertificatesOverview {
  event: Event;
  ended: boolean;
  holders: CertificateHolder[];
}

interface Issued {
  reference: string;
  code: string;
  issuedAt: Date;
}

interface Person {
  registration_id: string;
  name: string;
  locale: string | null;
  organisation: string | null;
}

/** The day after the last day of the event, at midnight in its zone: from then on it has ended. */
export function eventEndsAt(event: Pick<Event, 'endDate' | 'timezone'>): Date {
  const next = new Date(`${event.endDate}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return startOfLocalDate(next.toISOString().slice(0, 10), event.timezone);
}

export function hasEnded(event: Pick<Event, 'endDate' | 'timezone'>, now: Date): boolean {
  return now.getTime() >= eventEndsAt(event).getTime();
}

/** "Nguyễn Thị Hằng" -> "Nguyen-Thi-Hang"; a name with no Latin letters -> "participant". */
export function asciiName(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return ascii || 'participant';
}

/**
 * Certificates of attendance: once the event has ended, for every confirmed registration
 * with at least one attended training session (see attendance.ts). The participant
 * downloads their own, the event's organisers anyone's and all of them as one ZIP;
 * anyone else learns nothing (404). The reference and the verification code are given the
 * first time a certificate is made and kept: a second download prints the same ones.
 */
@Injectable()
export class Certificates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RegistrationAccess,
    private readonly events: EventAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** GET /registrations/:id/certificate.pdf. */
  async certificate(
    actor: Actor,
    registrationId: string,
    now = new Date(),
  ): Promise<CertificateFile> {
    const { registration, event } = await this.access.load(actor, registrationId);
    this.requireEnded(event, now);
    if (registration.status !== 'confirmed') {
      throw conflict(`There is no certificate for a registration that is ${registration.status}`, {
        reason: 'registration_not_confirmed',
        status: registration.status,
      });
    }
    const attended = (await attendedSessions(this.dataSource, event.id, [registrationId])).get(
      registrationId,
    );
    if (!attended?.length) {
      throw conflict('No attended session is recorded for this registration', {
        reason: 'no_attendance',
      });
    }
    const [person] = await this.people(event.id, [registrationId]);
    const issued = (await this.issue(event, [registrationId])).get(registrationId)!;
    const extras = await this.extras(event);
    const { locale, pdf } = await this.render(event, person, attended, issued, extras);
    return { filename: this.filename(locale, issued.reference, person.name), pdf };
  }

  /** What the organisers' page shows: has it ended, who gets a certificate and for how long. */
  async overview(actor: Actor, eventId: string, now = new Date()): Promise<CertificatesOverview> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const attendance = await attendedSessions(this.dataSource, event.id);
    const people = await this.people(event.id, [...attendance.keys()]);
    const holders = people
      .map((p) => {
        const sessions = attendance.get(p.registration_id)!;
        return {
          registrationId: p.registration_id,
          name: p.name,
          sessions: sessions.length,
          minutes: totalMinutes(sessions),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return { event, ended: hasEnded(event, now), holders };
  }

  /**
   * Does this confirmed registration of the event hold a certificate (one attended session
   * or more)? What the overview's list would say of one person, without listing everyone.
   */
  async holds(actor: Actor, eventId: string, registrationId: string): Promise<boolean> {
    const event = await this.events.requireOrganiser(actor, eventId);
    return (await attendedSessions(this.dataSource, event.id, [registrationId])).has(
      registrationId,
    );
  }

  /** Which of these registrations (of any events) have a certificate to download now. */
  async availableFor(registrationIds: string[], now = new Date()): Promise<Set<string>> {
    if (registrationIds.length === 0) return new Set();
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.event_id, e.end_date::text AS end_date, e.timezone
         FROM registrations r JOIN events e ON e.id = r.event_id
        WHERE r.id = ANY($1::uuid[]) AND r.status = 'confirmed'`,
      [registrationIds],
    )) as Array<{ id: string; event_id: string; end_date: string; timezone: string }>;
    const ended = rows.filter((r) => hasEnded({ endDate: r.end_date, timezone: r.timezone }, now));
    const out = new Set<string>();
    for (const eventId of new Set(ended.map((r) => r.event_id))) {
      const ids = ended.filter((r) => r.event_id === eventId).map((r) => r.id);
      for (const id of (await attendedSessions(this.dataSource, eventId, ids)).keys()) out.add(id);
    }
    return out;
  }

  /**
   * GET /events/:id/certificates.zip: every certificate of the event, one PDF each, named
   * by reference and ASCII name (unique: the reference is). The PDFs are made one after
   * the other while the ZIP is sent.
   */
  async zip(actor: Actor, eventId: string, now = new Date()): Promise<CertificatesZip> {
    const event = await this.events.requireOrganiser(actor, eventId);
    this.requireEnded(event, now);
    const attendance = await attendedSessions(this.dataSource, event.id);
    const ids = [...attendance.keys()];
    const people = await this.people(event.id, ids);
    const issued = await this.issue(event, ids);
    const extras = await this.extras(event);
    const out = new PassThrough();
    const zip = new Zip((err, chunk, final) => {
      if (err) {
        out.destroy(err);
        return;
      }
      out.write(Buffer.from(chunk));
      if (final) out.end();
    });
    const write = async () => {
      const sorted = [...people].sort((a, b) =>
        issued
          .get(a.registration_id)!
          .reference.localeCompare(issued.get(b.registration_id)!.reference),
      );
      for (const person of sorted) {
        if (out.destroyed) return;
        const mine = issued.get(person.registration_id)!;
        const { pdf } = await this.render(
          event,
          person,
          attendance.get(person.registration_id)!,
          mine,
          extras,
        );
        const entry = new ZipPassThrough(`${mine.reference}-${asciiName(person.name)}.pdf`);
        entry.mtime = mine.issuedAt;
        zip.add(entry);
        entry.push(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.length), true);
      }
      zip.end();
    };
    write().catch((e: unknown) => out.destroy(e as Error));
    return {
      filename: `certificates-${referencePrefix(event.venueCity ?? event.name)}${event.startDate.slice(2, 4)}.zip`,
      stream: out,
      count: people.length,
    };
  }

  private requireEnded(event: Event, now: Date): void {
    if (!hasEnded(event, now)) {
      throw conflict('Certificates are available once the event has ended', {
        reason: 'event_not_ended',
        endsAt: eventEndsAt(event).toISOString(),
      });
    }
  }

  private filename(locale: Locale, reference: string, name: string): string {
    const word = { fr: 'attestation', en: 'certificate', es: 'certificado' }[locale];
    return `${word}-${reference}-${asciiName(name)}.pdf`;
  }

  /**
   * These registrations of the event, with their names. Scoped by the event (the ids are all
   * its own): by the id list alone the planner scans every event's registrations.
   */
  private async people(eventId: string, registrationIds: string[]): Promise<Person[]> {
    if (registrationIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT r.id AS registration_id, a.name, a.locale, o.name AS organisation
         FROM registrations r JOIN accounts a ON a.id = r.account_id
         LEFT JOIN organisations o ON o.id = r.organisation_id
        WHERE r.event_id = $1 AND r.id = ANY($2::uuid[])`,
      [eventId, registrationIds],
    )) as Person[];
  }

  /**
   * The certificates' references and codes, given to those without one (under a per-event
   * lock, numbered after the highest given: a deleted row never frees a number).
   */
  private async issue(event: Event, registrationIds: string[]): Promise<Map<string, Issued>> {
    if (registrationIds.length === 0) return new Map();
    // Scoped by the event (certificates_event_number_key; a certificate carries its
    // registration's event): by the id list alone the planner scans every event's certificates.
    const read = async (m: EntityManager) =>
      (await m.query(
        `SELECT registration_id, reference, code, issued_at FROM certificates
          WHERE event_id = $1 AND registration_id = ANY($2::uuid[])`,
        [event.id, registrationIds],
      )) as Array<{ registration_id: string; reference: string; code: string; issued_at: Date }>;
    let rows = await read(this.dataSource.manager);
    if (rows.length < registrationIds.length) {
      rows = await this.dataSource.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('certificate-number:' || $1))`, [
          event.id,
        ]);
        const known = new Set((await read(m)).map((r) => r.registration_id));
        const missing = registrationIds.filter((id) => !known.has(id)).sort();
        const [{ n }] = (await m.query(
          `SELECT coalesce(max(number), 0)::int AS n FROM certificates WHERE event_id = $1`,
          [event.id],
        )) as Array<{ n: number }>;
        const prefix = `${referencePrefix(event.venueCity ?? event.name)}${event.startDate.slice(2, 4)}-C`;
        const numbers = missing.map((_, i) => n + i + 1);
        await m.query(
          `INSERT INTO certificates (registration_id, event_id, number, reference, code)
           SELECT u.id, $1, u.number, u.reference, u.code
             FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[]) AS u(id, number, reference, code)`,
          [
            event.id,
            missing,
            numbers,
            numbers.map((x) => `${prefix}${String(x).padStart(4, '0')}`),
            missing.map(() => randomBytes(16).toString('base64url')),
          ],
        );
        return read(m);
      });
    }
    return new Map(
      rows.map((r) => [
        r.registration_id,
        { reference: r.reference, code: r.code, issuedAt: new Date(r.issued_at) },
      ]),
    );
  }

  /** Letterhead, signatory and images: the letter settings when the organisers set them. */
  private async extras(event: Event) {
    const [settings] = (await this.dataSource.query(
      `SELECT org_name, org_address, org_phone, org_email, logo, signatory_name,
              signatory_title, signature
         FROM event_letter_settings WHERE event_id = $1`,
      [event.id],
    )) as Array<{
      org_name: string | null;
      org_address: string | null;
      org_phone: string | null;
      org_email: string | null;
      logo: Buffer | null;
      signatory_name: string | null;
      signatory_title: string | null;
      signature: Buffer | null;
    }>;
    const [organiser] = (await this.dataSource.query(
      `SELECT a.name, o.name AS organisation
         FROM event_staff s JOIN accounts a ON a.id = s.account_id
         LEFT JOIN organisations o ON o.id = a.organisation_id
        WHERE s.event_id = $1 AND s.role = 'organiser' AND a.erased_at IS NULL
        ORDER BY s.created_at, s.account_id LIMIT 1`,
      [event.id],
    )) as Array<{ name: string; organisation: string | null }>;
    const signed = settings?.signatory_name ?? null;
    return {
      letterhead: settings?.org_name
        ? {
            name: settings.org_name,
            lines: [
              settings.org_address,
              [settings.org_phone, settings.org_email].filter(Boolean).join(' · '),
            ].filter((l): l is string => !!l),
          }
        : null,
      signerName: signed ?? organiser?.name ?? null,
      signerLines: (signed
        ? [settings?.signatory_title ?? null, settings?.org_name ?? null]
        : [organiser?.organisation ?? null]
      ).filter((l): l is string => !!l),
      images: {
        logo: settings?.logo ?? null,
        signature: signed ? (settings?.signature ?? null) : null,
      } satisfies CertificateImages,
    };
  }

  private async render(
    event: Event,
    person: Person,
    sessions: AttendedSession[],
    issued: Issued,
    extras: Awaited<ReturnType<Certificates['extras']>>,
  ): Promise<{ locale: Locale; pdf: Buffer }> {
    const locale = recipientLocale(person.locale, event.languages);
    const text = certificateText({
      locale,
      reference: issued.reference,
      verifyUrl: `${this.config.publicUrl}/verify/${issued.code}`,
      issuedOn: localDateOf(issued.issuedAt, event.timezone),
      eventName: textIn(event.names, locale, event.languages, event.name) ?? event.name,
      eventLanguages: event.languages,
      eventStartDate: event.startDate,
      eventEndDate: event.endDate,
      venueCity: event.venueCity,
      timezone: event.timezone,
      participantName: person.name,
      organisationName: person.organisation,
      sessions,
      letterhead: extras.letterhead,
      signerName: extras.signerName,
      signerLines: extras.signerLines,
    });
    return { locale, pdf: await renderCertificatePdf(text, extras.images) };
  }
}
