import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, badRequest, conflict, type Locale, LOCALES, notFound } from '#core';
import { type Event, EventAccess } from '#events';
import { organisersContact } from '../organisers-contact.js';
import { Outbox, type OutboundMessage } from '../outbox.service.js';
import { type AnnouncementPayload, eventSummary } from '../payloads.js';
import { renderMessage, type RenderLinks } from '../templates/render.js';
import type { RenderedEmail } from '../templates/layout.js';
import type {
  AnnouncementAudience,
  AnnouncementResultView,
  CreateAnnouncementDto,
} from './announcement.dto.js';

const LIVE = ['pending', 'confirmed', 'waitlisted'];
const STATUSES: Record<AnnouncementAudience, string[]> = {
  confirmed: ['confirmed'],
  waitlisted: ['waitlisted'],
  all: LIVE,
  organisation: LIVE,
  country: LIVE,
};

interface Recipient {
  account_id: string;
  email: string;
  name: string;
  locale: string;
}

/** Who an announcement goes to: an audience, and the organisation or country it names. */
export interface AnnouncementTarget {
  audience: AnnouncementAudience;
  organisationId?: string;
  country?: string;
}

/** An audience before sending: how many people, which languages they read, who falls back. */
export interface AudienceSummary {
  recipients: number;
  /** The recipients' own languages (an unknown one counts as the event's first). */
  byReaderLocale: Record<Locale, number>;
  /** The languages they will receive, given what was written. */
  byLocale: Record<Locale, number>;
  /** People whose language has no text: they read `to` instead of `from`. */
  fallbacks: Array<{ from: Locale; to: Locale; recipients: number }>;
}

/** Every audience an event offers, counted, with the organisations and countries to choose. */
export interface AudienceChoices {
  audiences: Array<{ audience: 'confirmed' | 'waitlisted' | 'all' } & AudienceSummary>;
  organisations: Array<{ id: string; name: string; country: string; recipients: number }>;
  countries: Array<{ country: string; recipients: number }>;
}

/** Delivery counts of one announcement (or of every one, in the list). */
export interface AnnouncementProgress {
  announcementId: string;
  /** The first message's creation: when it was sent. */
  createdAt: string;
  audience: string | null;
  /** The subject in each language it went out in. */
  subjects: Partial<Record<Locale, string>>;
  total: number;
  queued: number;
  /** Among queued: after a failed attempt, waiting for the next one. */
  delayed: number;
  sending: number;
  sent: number;
  failed: number;
  byLocale: Partial<Record<Locale, number>>;
}

interface ProgressRow {
  announcement_id: string;
  created_at: Date;
  audience: string | null;
  subjects: Record<string, string>;
  by_locale: Record<string, number>;
  total: number;
  queued: number;
  delayed: number;
  sending: number;
  sent: number;
  failed: number;
}

const PROGRESS_SELECT = `
  SELECT m.payload->>'announcementId' AS announcement_id, min(m.created_at) AS created_at,
         min(m.payload->>'audience') AS audience,
         jsonb_object_agg(m.locale, m.payload->>'subject') AS subjects,
         count(*)::int AS total,
         (count(*) FILTER (WHERE m.status IN ('queued', 'delayed')))::int AS queued,
         (count(*) FILTER (WHERE m.status = 'delayed' OR (m.status = 'queued' AND m.attempts > 0)))::int AS delayed,
         (count(*) FILTER (WHERE m.status = 'sending'))::int AS sending,
         (count(*) FILTER (WHERE m.status = 'sent'))::int AS sent,
         (count(*) FILTER (WHERE m.status = 'failed'))::int AS failed
    FROM messages m
   WHERE m.event_id = $1 AND m.template = 'announcement'`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The language a person reads an announcement in: theirs when the organisers wrote
 * it, else the event's first language that was written, else any that was.
 */
export function pickLocale(wanted: string, written: Locale[], eventLanguages: string[]): Locale {
  if (written.includes(wanted as Locale)) return wanted as Locale;
  const fromEvent = eventLanguages.find((l) => written.includes(l as Locale));
  return (fromEvent as Locale | undefined) ?? written[0];
}

/** Organisers writing to their participants: one outbox row per person, in their language. */
@Injectable()
export class AnnouncementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
    private readonly outbox: Outbox,
  ) {}

  async announce(
    actor: Actor,
    eventId: string,
    dto: CreateAnnouncementDto,
    /**
     * The form's own id for this announcement: sending it twice (a double click, a
     * reload) writes nothing the second time, as every email's dedupe key carries it.
     */
    idempotencyId?: string,
  ): Promise<AnnouncementResultView> {
    const event = await this.access.requireOrganiser(actor, eventId);
    const written = this.writtenLocales(dto);
    if (idempotencyId !== undefined && !UUID.test(idempotencyId)) {
      throw badRequest('announcementId must be a UUID', {
        fields: [{ field: 'announcementId', problems: ['announcementId must be a UUID'] }],
      });
    }
    const announcementId = idempotencyId?.toLowerCase() ?? randomUUID();

    return this.dataSource.transaction(async (manager) => {
      if (idempotencyId !== undefined)
        await this.sameAsSent(manager, event.id, announcementId, dto);
      const recipients = await this.recipients(manager, event, dto, dto.essential === true);
      refuseUnconfirmedFallback(summarise(recipients, written, event.languages), dto);
      const summary = eventSummary(event);
      const byLocale: Record<string, number> = {};
      const messages: OutboundMessage[] = recipients.map((r) => {
        const locale = pickLocale(r.locale, written, event.languages);
        byLocale[locale] = (byLocale[locale] ?? 0) + 1;
        const payload: AnnouncementPayload & { announcementId: string; audience: string } = {
          ...summary,
          announcementId,
          audience: dto.audience,
          ...(dto.essential ? { essential: true } : {}),
          recipientName: r.name,
          subject: dto.subject[locale]!,
          body: dto.body[locale]!,
        };
        return {
          template: 'announcement',
          recipientEmail: r.email,
          recipientAccountId: r.account_id,
          locale,
          eventId: event.id,
          payload: { ...payload },
          // The event is part of the key: an id reused on another event cannot block its emails.
          dedupeKey: `announcement:${event.id}:${announcementId}:${r.account_id}`,
        };
      });
      for (let i = 0; i < messages.length; i += 500) {
        await this.outbox.enqueue(manager, messages.slice(i, i + 500));
      }
      return { announcementId, recipients: messages.length, byLocale };
    });
  }

  /**
   * Before sending: how many people the audience holds, which languages they read, and,
   * given the languages written so far, who will read which language instead of theirs.
   */
  async audience(
    actor: Actor,
    eventId: string,
    target: AnnouncementTarget,
    written: Locale[] = [],
  ): Promise<AudienceSummary> {
    const event = await this.access.requireOrganiser(actor, eventId);
    const recipients = await this.recipients(this.dataSource.manager, event, target);
    return summarise(recipients, written, event.languages);
  }

  /** The audiences an organiser may pick, each counted, with organisations and countries. */
  async audienceChoices(actor: Actor, eventId: string): Promise<AudienceChoices> {
    const event = await this.access.requireOrganiser(actor, eventId);
    const rows: Array<
      Recipient & {
        status: string;
        organisation_id: string;
        organisation_name: string;
        country: string;
      }
    > = await this.dataSource.query(
      `SELECT DISTINCT ON (a.id, r.status) a.id AS account_id, a.email, a.name, a.locale, r.status,
                o.id AS organisation_id, o.name AS organisation_name, o.country
           FROM registrations r
           JOIN accounts a ON a.id = r.account_id
           JOIN organisations o ON o.id = r.organisation_id
          WHERE r.event_id = $1 AND r.status = ANY($2::text[])
          ORDER BY a.id, r.status`,
      [event.id, LIVE],
    );
    const distinct = (list: typeof rows) => [
      ...new Map(list.map((r) => [r.account_id, r])).values(),
    ];
    const audiences = (['confirmed', 'waitlisted', 'all'] as const).map((audience) => ({
      audience,
      ...summarise(
        distinct(rows.filter((r) => STATUSES[audience].includes(r.status))),
        [],
        event.languages,
      ),
    }));
    const live = distinct(rows);
    const organisations = new Map<string, AudienceChoices['organisations'][number]>();
    const countries = new Map<string, number>();
    for (const r of live) {
      const o = organisations.get(r.organisation_id) ?? {
        id: r.organisation_id,
        name: r.organisation_name,
        country: r.country,
        recipients: 0,
      };
      o.recipients += 1;
      organisations.set(r.organisation_id, o);
      countries.set(r.country, (countries.get(r.country) ?? 0) + 1);
    }
    return {
      audiences,
      organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name)),
      countries: [...countries].map(([country, recipients]) => ({ country, recipients })),
    };
  }

  /**
   * The email each written language will read as (the recipient's name left as given),
   * checked like a send: a subject without a body, or nothing written, is refused.
   */
  async preview(
    actor: Actor,
    eventId: string,
    dto: Pick<CreateAnnouncementDto, 'subject' | 'body'>,
    recipientName: Partial<Record<Locale, string>>,
    links: RenderLinks = {},
  ): Promise<Array<{ locale: Locale } & RenderedEmail>> {
    const event = await this.access.requireOrganiser(actor, eventId);
    const written = this.writtenLocales(dto as CreateAnnouncementDto);
    // Signed as it will be sent: by the organisers, with their contact.
    const contact = await organisersContact(this.dataSource, event.id);
    return written.map((locale) => ({
      locale,
      ...renderMessage(
        'announcement',
        locale,
        {
          ...eventSummary(event),
          recipientName: recipientName[locale] ?? '',
          subject: dto.subject[locale],
          body: dto.body[locale],
        },
        { organisersContact: contact, ...links },
      ),
    }));
  }

  /** Every announcement of the event, newest first, with its delivery counts. */
  async list(actor: Actor, eventId: string): Promise<AnnouncementProgress[]> {
    await this.access.requireOrganiser(actor, eventId);
    const rows: ProgressRow[] = await this.dataSource.query(
      `${PROGRESS_SELECT} GROUP BY 1 ORDER BY 2 DESC LIMIT 200`,
      [eventId],
    );
    return rows.map(toProgress);
  }

  /** One announcement's delivery: queued, delayed, sending, sent and failed emails. */
  async progress(
    actor: Actor,
    eventId: string,
    announcementId: string,
  ): Promise<AnnouncementProgress> {
    await this.access.requireOrganiser(actor, eventId);
    if (!UUID.test(announcementId)) throw notFound('Announcement');
    const rows: ProgressRow[] = await this.dataSource.query(
      `${PROGRESS_SELECT} AND m.payload->>'announcementId' = $2 GROUP BY 1`,
      [eventId, announcementId.toLowerCase()],
    );
    if (!rows[0]) throw notFound('Announcement');
    const byLocale: Array<{ locale: string; n: number }> = await this.dataSource.query(
      `SELECT m.locale, count(*)::int AS n FROM messages m
        WHERE m.event_id = $1 AND m.template = 'announcement' AND m.payload->>'announcementId' = $2
        GROUP BY 1`,
      [eventId, announcementId.toLowerCase()],
    );
    return {
      ...toProgress(rows[0]),
      byLocale: Object.fromEntries(byLocale.map((r) => [r.locale, r.n])),
    };
  }

  /** Every failed email of one announcement back to the outbox; the worker sends each once. */
  async retryFailed(
    actor: Actor,
    eventId: string,
    announcementId: string,
  ): Promise<{ requeued: number }> {
    await this.progress(actor, eventId, announcementId);
    const [, requeued]: [unknown[], number] = await this.dataSource.query(
      `UPDATE messages SET status = 'queued', enqueued_at = NULL, locked_until = NULL,
              next_attempt_at = NULL, retry_since = NULL, updated_at = now()
        WHERE event_id = $1 AND template = 'announcement' AND payload->>'announcementId' = $2
          AND status = 'failed'`,
      [eventId, announcementId.toLowerCase()],
    );
    return { requeued };
  }

  /**
   * An id already sent names that announcement: sending it again with the same words and
   * audience is the same announcement (nothing new is written); other words are refused,
   * so a form reopened with the browser's Back button cannot silently send nothing.
   */
  private async sameAsSent(
    manager: EntityManager,
    eventId: string,
    announcementId: string,
    dto: CreateAnnouncementDto,
  ): Promise<void> {
    const sent: Array<{ locale: Locale; subject: string; body: string; audience: string }> =
      await manager.query(
        `SELECT DISTINCT locale, payload->>'subject' AS subject, payload->>'body' AS body,
                payload->>'audience' AS audience
           FROM messages
          WHERE event_id = $1 AND template = 'announcement' AND payload->>'announcementId' = $2`,
        [eventId, announcementId],
      );
    const differs = sent.some(
      (m) =>
        m.subject !== dto.subject[m.locale] ||
        m.body !== dto.body[m.locale] ||
        (m.audience !== null && m.audience !== dto.audience),
    );
    if (differs) {
      throw conflict('This announcement was already sent with other words or to other people', {
        field: 'announcementId',
      });
    }
  }

  /**
   * The people an audience holds, one row per person even with two live registrations;
   * an optional announcement leaves out those who stopped
   * this event's optional announcements (List-Unsubscribe), an essential one does not.
   */
  private recipients(
    manager: EntityManager,
    event: Event,
    target: AnnouncementTarget,
    essential = false,
  ): Promise<Recipient[]> {
    const params: unknown[] = [event.id, STATUSES[target.audience]];
    let filter = '';
    if (target.audience === 'organisation') {
      params.push(target.organisationId);
      filter = `AND r.organisation_id = $${params.length}`;
    } else if (target.audience === 'country') {
      params.push(target.country);
      filter = `AND o.country = $${params.length}`;
    }
    return manager.query(
      `SELECT DISTINCT ON (a.id) a.id AS account_id, a.email, a.name, a.locale
         FROM registrations r
         JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id
        WHERE r.event_id = $1 AND r.status = ANY($2::text[]) ${filter}
          ${
            essential
              ? ''
              : `AND NOT EXISTS (SELECT 1 FROM announcement_opt_outs x
                                  WHERE x.event_id = r.event_id AND x.email = lower(a.email))`
          }
        ORDER BY a.id`,
      params,
    );
  }

  private writtenLocales(dto: CreateAnnouncementDto): Locale[] {
    const fieldError = (field: string, message: string) =>
      badRequest(message, { fields: [{ field, problems: [message] }] });
    const written = LOCALES.filter((l) => dto.subject[l] || dto.body[l]);
    if (written.length === 0) {
      throw fieldError('subject', 'subject and body must be written in at least one of fr, en, es');
    }
    for (const l of written) {
      if (!dto.subject[l])
        throw fieldError(`subject.${l}`, `subject.${l} is required when body.${l} is given`);
      if (!dto.body[l])
        throw fieldError(`body.${l}`, `body.${l} is required when subject.${l} is given`);
    }
    return written;
  }
}

const zeroLocales = (): Record<Locale, number> => ({ fr: 0, en: 0, es: 0 });

/**
 * Recipients who read a language nobody wrote in get another one: only when the organiser
 * said so (`allowFallback: true`), else 409 `announcement_language_missing` with the
 * missing languages and how many people read each.
 */
function refuseUnconfirmedFallback(
  summary: AudienceSummary,
  dto: Pick<CreateAnnouncementDto, 'allowFallback'>,
): void {
  if (summary.fallbacks.length === 0 || dto.allowFallback === true) return;
  const missing = new Map<Locale, number>();
  for (const f of summary.fallbacks) missing.set(f.from, (missing.get(f.from) ?? 0) + f.recipients);
  const languages = [...missing].map(([language, recipients]) => ({ language, recipients }));
  throw conflict(
    `Some recipients read a language this announcement is not written in (${languages
      .map((l) => `${l.language}: ${l.recipients}`)
      .join(', ')}); write it in that language or send allowFallback: true`,
    { code: 'announcement_language_missing', languages, fallbacks: summary.fallbacks },
  );
}

function summarise(
  recipients: Recipient[],
  written: Locale[],
  eventLanguages: string[],
): AudienceSummary {
  const byReaderLocale = zeroLocales();
  const byLocale = zeroLocales();
  const fallbacks = new Map<string, { from: Locale; to: Locale; recipients: number }>();
  const firstLanguage = (eventLanguages.find((l) => (LOCALES as readonly string[]).includes(l)) ??
    'en') as Locale;
  for (const r of recipients) {
    const reads = (LOCALES as readonly string[]).includes(r.locale)
      ? (r.locale as Locale)
      : firstLanguage;
    byReaderLocale[reads] += 1;
    if (written.length === 0) continue;
    const gets = pickLocale(reads, written, eventLanguages);
    byLocale[gets] += 1;
    if (gets !== reads) {
      const f = fallbacks.get(`${reads}>${gets}`) ?? { from: reads, to: gets, recipients: 0 };
      f.recipients += 1;
      fallbacks.set(`${reads}>${gets}`, f);
    }
  }
  return {
    recipients: recipients.length,
    byReaderLocale,
    byLocale,
    fallbacks: [...fallbacks.values()],
  };
}

function toProgress(r: ProgressRow): AnnouncementProgress {
  return {
    announcementId: r.announcement_id,
    createdAt: r.created_at.toISOString(),
    audience: r.audience,
    subjects: r.subjects as Partial<Record<Locale, string>>,
    total: r.total,
    queued: r.queued,
    delayed: r.delayed,
    sending: r.sending,
    sent: r.sent,
    failed: r.failed,
    byLocale: {},
  };
}
