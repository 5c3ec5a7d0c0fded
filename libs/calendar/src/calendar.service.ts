import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaService, SessionsService, type SessionView, toSessionView } from '#agenda';
import { APP_CONFIG, type Actor, type AppConfig, notFound } from '#core';
import { EventAccess, slugify } from '#events';
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
  venueName: string | null;
  venueCity: string | null;
  eventSlug: string;
}

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

  /** The event's published agenda, cancelled sessions marked so, for whoever may see the event. */
  async eventCalendar(actor: Actor | undefined, eventId: string): Promise<CalendarFile> {
    const event = await this.access.requireVisible(actor, eventId);
    const agenda = await this.agendas.agenda(actor, eventId, {});
    const sessions = agenda.days.flatMap((d) =>
      d.sessions.map((s) => ({ ...s, timezone: event.timezone })),
    );
    const locale = await this.localeOf(actor, event.languages);
    return {
      filename: `${event.slug}.ics`,
      content: await this.build(sessions, locale, {
        name: event.name,
        refreshSeconds: REFRESH_SECONDS,
      }),
    };
  }

  /** One session; a draft is a 404 for anyone but the event's staff, as in the agenda. */
  async sessionCalendar(actor: Actor | undefined, sessionId: string): Promise<CalendarFile> {
    const { session, event } = await this.sessions.requireSession(actor, sessionId);
    const locale = await this.localeOf(actor, event.languages);
    const view = { ...toSessionView(session, event.timezone), timezone: event.timezone };
    return {
      filename: `${slugify(session.title)}.ics`,
      content: await this.build([view], locale, { name: session.title }),
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
    const { sessions } = await this.agendas.myAgenda({ accountId, platformRole: 'member' }, {});
    return {
      filename: 'convene-agenda.ics',
      content: await this.build(sessions, locale, {
        name: MY_CALENDAR[locale],
        refreshSeconds: REFRESH_SECONDS,
      }),
    };
  }

  private async build(
    sessions: Placed[],
    locale: CalendarLocale,
    options: CalendarFileOptions,
  ): Promise<string> {
    const extras = await this.extras(sessions.map((s) => s.id));
    const items = sessions.flatMap((s) => {
      const extra = extras.get(s.id);
      return extra ? [sessionCalendarItem(this.entry(s, extra), locale)] : [];
    });
    return buildCalendarFile(items, options);
  }

  private entry(s: Placed, extra: Extras): SessionCalendarEntry {
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
      eventName: extra.eventName,
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
      venue_name: string | null;
      venue_city: string | null;
      event_slug: string;
    }> = await this.dataSource.query(
      `SELECT s.id, s.updated_at, e.name AS event_name, e.venue_name, e.venue_city, e.slug AS event_slug,
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
