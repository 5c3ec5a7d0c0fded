import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  conflict,
  dateTimeFormat,
  displayNames,
  INTL_TAGS,
  type Locale,
  notFound,
} from '#core';
import { type Event, EventAccess } from '#events';
import { isLocale, messages } from '#i18n';
import { placeName } from '#ics';
import { RegistrationAccess } from '#registrations';
import { BadgeCodes } from './badge-codes.service.js';
import { type BadgeFace, renderBadgeSheets } from './badge-pdf.js';

export interface BadgeFile {
  filename: string;
  pdf: Buffer;
}

interface BadgeRow {
  id: string;
  name: string;
  organisation: string;
  country: string | null;
  profession: keyof ReturnType<typeof messages>['checkin']['badge']['professions'];
  profession_other: string | null;
  roles: Array<'organiser' | 'facilitator' | 'host'>;
}

const countryName = (code: string | null, locale: Locale) => {
  if (!code) return '';
  try {
    return displayNames(INTL_TAGS[locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** "25–30 October 2027": the event's dates, short, the way the language writes them. */
function shortDates(start: string, end: string, locale: Locale): string {
  const fmt = dateTimeFormat(INTL_TAGS[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return fmt.formatRange(new Date(`${start}T12:00:00Z`), new Date(`${end}T12:00:00Z`));
}

/**
 * Badges: a participant's own (and organisers'), and the organisers' A4 sheets for a
 * whole event. Only confirmed registrations have a badge; its QR code carries the
 * verification URL holding the check-in code, and nothing personal.
 */
@Injectable()
export class Badges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registrations: RegistrationAccess,
    private readonly events: EventAccess,
    private readonly codes: BadgeCodes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** GET /registrations/:id/badge.pdf: the holder and the event's organisers (others 404). */
  async forRegistration(actor: Actor, registrationId: string, locale?: Locale): Promise<BadgeFile> {
    const { registration, event } = await this.registrations.load(actor, registrationId);
    if (registration.status !== 'confirmed') {
      throw conflict('Only a confirmed registration has a badge', {
        reason: 'badge_unavailable',
        status: registration.status,
      });
    }
    const rows = await this.rows(event.id, [registration.id]);
    const pdf = await this.render(event, rows, locale ?? (await this.localeOf(actor)));
    return { filename: `badge-${event.slug}-${registration.id.slice(0, 8)}.pdf`, pdf };
  }

  /** GET /events/:id/badges.pdf: every confirmed registration, or those of `ids` (organisers). */
  async forEvent(
    actor: Actor,
    eventId: string,
    ids?: string[],
    locale?: Locale,
  ): Promise<BadgeFile> {
    const standing = await this.events.standing(actor, eventId);
    // The event's staff learn they may not (403); anyone else learns nothing (404).
    if (!standing.isStaff) throw notFound('Event');
    const event = await this.events.requireOrganiser(actor, eventId);
    const rows = await this.rows(event.id, ids);
    const pdf = await this.render(event, rows, locale ?? (await this.localeOf(actor)));
    return { filename: `badges-${event.slug}.pdf`, pdf };
  }

  private async localeOf(actor: Actor): Promise<Locale> {
    const [row] = (await this.dataSource.query(`SELECT locale FROM accounts WHERE id = $1`, [
      actor.accountId,
    ])) as Array<{ locale: string }>;
    return isLocale(row?.locale) ? row.locale : 'en';
  }

  /** Confirmed registrations of the event, by name (ids of other events are ignored). */
  private async rows(eventId: string, ids?: string[]): Promise<BadgeRow[]> {
    return (await this.dataSource.query(
      `SELECT r.id, a.name, o.name AS organisation, o.country, r.profession, r.profession_other,
              ARRAY(SELECT s.role FROM event_staff s
                     WHERE s.event_id = r.event_id AND s.account_id = r.account_id
                     ORDER BY s.role) AS roles
         FROM registrations r JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id
        WHERE r.event_id = $1 AND r.status = 'confirmed'
          AND ($2::uuid[] IS NULL OR r.id = ANY($2::uuid[]))
        ORDER BY lower(a.name), r.id`,
      [eventId, ids ?? null],
    )) as BadgeRow[];
  }

  private async render(event: Event, rows: BadgeRow[], locale: Locale): Promise<Buffer> {
    const t = messages(locale).checkin.badge;
    const codes = await this.codes.ensure(
      event.id,
      rows.map((r) => r.id),
    );
    const faces: BadgeFace[] = rows.map((r) => {
      const code = codes.get(r.id)!;
      const staffRole = (['organiser', 'facilitator', 'host'] as const).find((role) =>
        r.roles.includes(role),
      );
      return {
        name: r.name,
        organisation: r.organisation,
        country: countryName(r.country, locale),
        role:
          r.profession === 'other' && r.profession_other
            ? r.profession_other
            : t.professions[r.profession],
        staffRole: staffRole ? t.roles[staffRole] : null,
        qrText: `${this.config.publicUrl}/verify/${code}`,
        code,
      };
    });
    const city = event.venueCity ? placeName(event.venueCity, event.timezone, locale) : null;
    return renderBadgeSheets(faces, {
      title: faces.length === 1 ? t.one(faces[0].name) : `${t.title} — ${event.name}`,
      eventName: event.name,
      eventLine: [shortDates(event.startDate, event.endDate, locale), city]
        .filter(Boolean)
        .join(' · '),
      cutHint: t.cut,
      lang: locale,
    });
  }
}
