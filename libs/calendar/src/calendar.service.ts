import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaService, readerOf, SessionsService, type SessionView, toSessionView } from '#agenda';
import { APP_CONFIG, type Actor, type AppConfig, notFound } from '#core';
import { EventAccess, eventTextsIn, type LocalizedTexts, slugify, textIn } from '#events';
import {
  asCalendarLocale,
  buildCalendarFile,
  type CalendarFileOptions,
  type CalendarLocale,
  type SessionCalendarEntry,
  sessionCalendarItem,
  sessionPageUrl,
} from '#ics';
import { recipientLocale } from '#messaging';
import { CalendarFeeds } from './calendar-feeds.service.js';

/** A calendar file ready to send. */
export interface CalendarFile {
  filename: string;
  content: string;
}

/** Calendar apps subscribed to a feed are asked to fetch it again after an hour. */
const REFRESH_SECONDS = 3600;

const MY_CALENDAR: Record<CalendarLocale, string> = {
  fr: 'Mon agenda Convene',
  en: 'My Convene agenda',
  es: 'Mi agenda de Convene',
};

type Placed = SessionView & { timezone: string };

interface Extras {
  sequence: number;
  updatedAt: Date;
  eventName: string;
  /** The event's name in each language, and its languages: the name in the reader's. */
  names: LocalizedTexts;
  languages: string[];
  venueName: string | null;
  venueCity: string | null;
  eventSlug: string;
}

/** A calendar language a client asked for (?lang), if it is one we write in. */
const asked = (lang: string | undefined): CalendarLocale | undefined =>
  lang === 'fr' || lang === 'en' || lang === 'es' ? lang : undefined;

/**
 * Calendar files of sessions: an event's published agenda, one session, and a person's
 * own agenda (by login, or by the secret feed URL calendar apps subscribe to). Who may
 * see what is the agenda's rule: this service reads through AgendaService and
 * SessionsService, then adds what calendars need (SEQUENCE, last revision, venue).
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: EventAccess,
    private readonly sessions: SessionsService,
    private readonly agendas: AgendaService,
    private readonly feeds: CalendarFeeds,
  ) {}

  /**
   * The event's published agenda, cancelled sessions marked so, for whoever may see the
   * event; titles in `lang` when given, else the reader's (signed in) or the event's first.
   */
  async eventCalendar(
    actor: Actor | undefined,
    eventId: string,
    lang?: string,
  ): Promise<CalendarFile> {
    const event = await this.access.requireVisible(actor, eventId);
    const locale = asked(lang) ?? (await this.localeOf(actor, event.languages));
    const agenda = await this.agendas.agenda(actor, eventId, {}, locale);
    const sessions = agenda.days.flatMap((d) =>
      d.sessions.map((s) => ({ ...s, timezone: event.timezone })),
    );
    return {
      filename: `${event.slug}.ics`,
      content: await this.build(sessions, locale, {
        name: eventTextsIn(event, locale).name,
        refreshSeconds: REFRESH_SECONDS,
      }),
    };
  }

  /** One session; a draft is a 404 for anyone but the event's staff, as in the agenda. */
  async sessionCalendar(
    actor: Actor | undefined,
    sessionId: string,
    lang?: string,
  ): Promise<CalendarFile> {
    const { session, event } = await this.sessions.requireSession(actor, sessionId);
    const locale = asked(lang) ?? (await this.localeOf(actor, event.languages));
    const view = {
      ...toSessionView(session, event.timezone, readerOf(event, locale)),
      timezone: event.timezone,
    };
    return {
      filename: `${slugify(session.title)}.ics`,
      content: await this.build([view], locale, { name: view.title }),
    };
  }

  /** The caller's confirmed sessions and the plenaries of their events, as GET /me/agenda. */
  async myCalendar(actor: Actor): Promise<CalendarFile> {
    return this.personal(actor.accountId, await this.localeOf(actor, []));
  }

  /** The same, for a calendar app holding the secret URL; an unknown or revoked token is a 404. */
  async feedCalendar(token: string): Promise<CalendarFile> {
    const owner = await this.feeds.accountOf(token);
    if (!owner) throw notFound('Calendar');
    return this.personal(owner.accountId, asCalendarLocale(owner.locale));
  }

  private async personal(accountId: string, locale: CalendarLocale): Promise<CalendarFile> {
    // The person's own agenda: only their id matters to it, whoever asks (login or feed).
    const reader: Actor = { accountId, platformRole: 'member' };
    // A calendar shows no seats, and a phone asks for the feed many times a day.
    const { sessions: held } = await this.agendas.myAgenda(reader, {}, locale, {
      seatCounts: false,
    });
    // Cancelled under the person: kept, marked CANCELLED (see cancelledOf).
    const sessions: Placed[] = [...held, ...(await this.cancelledOf(reader, held, locale))];
    return {
      filename: 'convene-agenda.ics',
      content: await this.build(sessions, locale, {
        name: MY_CALENDAR[locale],
        refreshSeconds: REFRESH_SECONDS,
      }),
    };
  }

  /**
   * Sessions cancelled while the person held a seat: the agenda drops them (their sign-ups
   * ended with the session), but a calendar keeps the entry, marked CANCELLED, so a
   * subscribed app shows it struck out instead of silently losing it.
   */
  private async cancelledOf(
    reader: Actor,
    held: Placed[],
    locale: CalendarLocale,
  ): Promise<Placed[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT s.id FROM signups g JOIN sessions s ON s.id = g.session_id
        WHERE g.account_id = $1 AND g.status = 'cancelled' AND g.confirmed_at IS NOT NULL
          AND s.status = 'cancelled' AND s.published_at IS NOT NULL
          -- given up with the session itself (same transaction), not left before
          AND EXISTS (SELECT 1 FROM session_changes c
                       WHERE c.session_id = s.id AND c.after->>'status' = 'cancelled'
                         AND c.created_at = g.cancelled_at)`,
      [reader.accountId],
    );
    const known = new Set(held.map((s) => s.id));
    const found: Placed[] = [];
    for (const { id } of rows) {
      if (known.has(id)) continue;
      try {
        const { session, event } = await this.sessions.requireSession(reader, id);
        found.push({
          ...toSessionView(session, event.timezone, readerOf(event, locale)),
          timezone: event.timezone,
        });
      } catch {
        // No longer visible (its event archived away from the person): left out.
      }
    }
    return found;
  }

  private async build(
    sessions: Placed[],
    locale: CalendarLocale,
    options: CalendarFileOptions,
  ): Promise<string> {
    const extras = await this.extras(sessions.map((s) => s.id));
    const items = sessions.flatMap((s) => {
      const extra = extras.get(s.id);
      return extra ? [sessionCalendarItem(this.entry(s, extra, locale), locale)] : [];
    });
    return buildCalendarFile(items, options);
  }

  private entry(s: Placed, extra: Extras, locale: CalendarLocale): SessionCalendarEntry {
    const visit = s.siteVisit;
    return {
      id: s.id,
      kind: s.kind,
      title: s.title,
      description: s.description,
      status: s.status,
      // Views carry instants with their offset: parsing them needs no zone rules.
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
      timezone: s.timezone,
      sequence: extra.sequence,
      stamp: extra.updatedAt,
      roomName: s.room?.name ?? null,
      eventName: textIn(extra.names, locale, extra.languages, extra.eventName) ?? extra.eventName,
      venueName: extra.venueName,
      venueCity: extra.venueCity,
      siteVisit: visit
        ? {
            meetingPoint: visit.meetingPoint,
            departureAt: new Date(visit.departureAt),
            returnAt: new Date(visit.returnAt),
            address: visit.address,
            hostOrganisationName: visit.hostOrganisationName,
            transport: visit.transportMode,
          }
        : null,
      url: sessionPageUrl(this.config.publicUrl, extra.eventSlug, s.id),
    };
  }

  /**
   * What calendars need beyond the session view. SEQUENCE is the number of recorded
   * changes, as in the emailed invites (SessionNotifier), so both agree on the version.
   */
  private async extras(ids: string[]): Promise<Map<string, Extras>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{
      id: string;
      sequence: number;
      updated_at: Date;
      event_name: string;
      names: LocalizedTexts | null;
      languages: string[];
      venue_name: string | null;
      venue_city: string | null;
      event_slug: string;
    }> = await this.dataSource.query(
      `SELECT s.id, s.updated_at, e.name AS event_name, e.names, e.languages, e.venue_name, e.venue_city, e.slug AS event_slug,
              (SELECT count(*)::int FROM session_changes c WHERE c.session_id = s.id) AS sequence
         FROM sessions s JOIN events e ON e.id = s.event_id
        WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          sequence: r.sequence,
          updatedAt: r.updated_at,
          eventName: r.event_name,
          names: r.names ?? {},
          languages: r.languages,
          venueName: r.venue_name,
          venueCity: r.venue_city,
          eventSlug: r.event_slug,
        },
      ]),
    );
  }

  /** The reader's language when logged in, else the event's first one we write in. */
  private async localeOf(
    actor: Actor | undefined,
    eventLanguages: string[],
  ): Promise<CalendarLocale> {
    if (!actor) return recipientLocale(null, eventLanguages);
    const [row]: Array<{ locale: string | null }> = await this.dataSource.query(
      `SELECT locale FROM accounts WHERE id = $1`,
      [actor.accountId],
    );
    return recipientLocale(row?.locale, eventLanguages);
  }
}
