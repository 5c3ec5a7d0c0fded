import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, DomainError, notFound } from '#core';
import { type FeedbackExport, feedbackForExport } from '#feedback';
import { type JournalExport, journalForExport } from '#learning';
import { renderMessage } from '#messaging';
import { RegistrationsService } from '#registrations';
import { TravelPlans, type TravelPlanView } from '#travel';

/** The version of the export's shape, so a program reading it knows what it holds. */
export const PERSONAL_DATA_FORMAT = 'convene-personal-data/1';

export interface PersonalDataExportView {
  format: typeof PERSONAL_DATA_FORMAT;
  exportedAt: string;
  account: {
    id: string;
    email: string;
    name: string;
    locale: string;
    platformRole: string;
    hasPassword: boolean;
    organisation: { id: string; name: string; country: string } | null;
    createdAt: string;
    updatedAt: string;
  };
  registrations: Array<
    Omit<Awaited<ReturnType<RegistrationsService['mine']>>[number], 'event'> & {
      event: Awaited<ReturnType<RegistrationsService['mine']>>[number]['event'] & {
        venueCity: string | null;
      };
      organisationName: string | null;
      statusHistory: Array<{ from: string | null; to: string; at: string; reason: string | null }>;
      /** The holder's own plan: the passport number in full (it is theirs). */
      travel:
        | (Omit<TravelPlanView, 'visa'> & {
            visa: Omit<TravelPlanView['visa'], 'history'> & {
              history: Array<{ from: string | null; to: string; at: string; note: string | null }>;
            };
          })
        | null;
    }
  >;
  consents: Array<{
    registrationId: string;
    eventName: string;
    purpose: 'data_processing';
    givenAt: string;
    /** The version of the consent text agreed to, and its language (when recorded). */
    version: string | null;
    locale: string | null;
  }>;
  sessionSignups: Array<{
    sessionTitle: string;
    eventName: string;
    status: string;
    startsAt: string;
    endsAt: string;
    rulesAcceptedAt: string | null;
    createdAt: string;
  }>;
  staffRoles: Array<{ eventName: string; role: string; since: string }>;
  calendarSubscription: { exists: boolean; createdAt: string | null; lastUsedAt: string | null };
  /** Emails Convene sent or will send to the person: what, when, and how it went. */
  messages: Array<{
    id: string;
    subject: string;
    template: string;
    locale: string;
    eventName: string | null;
    status: string;
    createdAt: string;
    sentAt: string | null;
  }>;
  /** Immersion journals: the person's own entries, and the answers they wrote as a host. */
  learningJournal: {
    entries: JournalExport[];
    answersWritten: Array<{ eventName: string; day: string; body: string; answeredAt: string }>;
  };
  /** Feedback: named answers in full; anonymous forms only as "answered on". */
  feedback: FeedbackExport;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * "What do you hold about me?" (GDPR articles 15 and 20): everything Convene keeps about
 * the signed-in person, and only about them, in one machine-readable document. Other
 * people appear by event and session names only (no organiser names, no co-participants).
 */
@Injectable()
export class PersonalDataExport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registrations: RegistrationsService,
    private readonly travel: TravelPlans,
  ) {}

  async export(actor: Actor, now = new Date()): Promise<PersonalDataExportView> {
    const q = <T>(sql: string, params: unknown[]) =>
      this.dataSource.query(sql, params) as Promise<T[]>;
    const [account] = await q<{
      id: string;
      email: string;
      name: string;
      locale: string;
      platform_role: string;
      has_password: boolean;
      organisation_id: string | null;
      organisation_name: string | null;
      organisation_country: string | null;
      created_at: Date;
      updated_at: Date;
    }>(
      `SELECT a.id, a.email, a.name, a.locale, a.platform_role, a.password_hash IS NOT NULL AS has_password,
              a.organisation_id, o.name AS organisation_name, o.country AS organisation_country,
              a.created_at, a.updated_at
         FROM accounts a LEFT JOIN organisations o ON o.id = a.organisation_id
        WHERE a.id = $1 AND a.erased_at IS NULL`,
      [actor.accountId],
    );
    if (!account) throw notFound('Account');

    const mine = await this.registrations.mine(actor);
    const ids = mine.map((r) => r.id);
    const organisations = await q<{ id: string; name: string }>(
      `SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])`,
      [mine.map((r) => r.organisationId)],
    );
    const orgName = new Map(organisations.map((o) => [o.id, o.name]));
    const history = await q<{
      registration_id: string;
      from_status: string | null;
      to_status: string;
      changed_at: Date;
      reason: string | null;
    }>(
      `SELECT registration_id, from_status, to_status, changed_at, reason
         FROM registration_status_changes WHERE registration_id = ANY($1::uuid[])
        ORDER BY changed_at, id`,
      [ids],
    );
    const venues = await q<{ id: string; venue_city: string | null }>(
      `SELECT id, venue_city FROM events WHERE id = ANY($1::uuid[])`,
      [mine.map((r) => r.event.id)],
    );
    const cityOf = new Map(venues.map((v) => [v.id, v.venue_city]));
    const registrations = [];
    for (const r of mine) {
      const plan = await this.ownPlan(actor, r.id);
      registrations.push({
        ...r,
        event: { ...r.event, venueCity: cityOf.get(r.event.id) ?? null },
        organisationName: orgName.get(r.organisationId) ?? null,
        statusHistory: history
          .filter((h) => h.registration_id === r.id)
          .map((h) => ({
            from: h.from_status,
            to: h.to_status,
            at: h.changed_at.toISOString(),
            reason: h.reason,
          })),
        travel: plan,
      });
    }

    const signups = await q<{
      title: string;
      event_name: string;
      status: string;
      starts_at: Date;
      ends_at: Date;
      rules_accepted_at: Date | null;
      created_at: Date;
    }>(
      `SELECT s.title, e.name AS event_name, g.status, g.starts_at, g.ends_at, g.rules_accepted_at, g.created_at
         FROM signups g JOIN sessions s ON s.id = g.session_id JOIN events e ON e.id = g.event_id
        WHERE g.account_id = $1 ORDER BY g.starts_at, g.id`,
      [actor.accountId],
    );
    const staff = await q<{ event_name: string; role: string; created_at: Date }>(
      `SELECT e.name AS event_name, s.role, s.created_at
         FROM event_staff s JOIN events e ON e.id = s.event_id
        WHERE s.account_id = $1 ORDER BY s.created_at`,
      [actor.accountId],
    );
    const [feed] = await q<{ created_at: Date; last_used_at: Date | null }>(
      `SELECT created_at, last_used_at FROM calendar_feeds WHERE account_id = $1`,
      [actor.accountId],
    );
    const messages = await q<{
      id: string;
      template: string;
      locale: string;
      payload: Record<string, unknown>;
      event_name: string | null;
      status: string;
      created_at: Date;
      sent_at: Date | null;
    }>(
      `SELECT m.id, m.template, m.locale, m.payload, e.name AS event_name, m.status, m.created_at, m.sent_at
         FROM messages m LEFT JOIN events e ON e.id = m.event_id
        WHERE m.recipient_account_id = $1 ORDER BY m.created_at DESC, m.id LIMIT 1000`,
      [actor.accountId],
    );

    return {
      format: PERSONAL_DATA_FORMAT,
      exportedAt: now.toISOString(),
      account: {
        id: account.id,
        email: account.email,
        name: account.name,
        locale: account.locale,
        platformRole: account.platform_role,
        hasPassword: account.has_password,
        organisation: account.organisation_id
          ? {
              id: account.organisation_id,
              name: account.organisation_name ?? '',
              country: account.organisation_country ?? '',
            }
          : null,
        createdAt: account.created_at.toISOString(),
        updatedAt: account.updated_at.toISOString(),
      },
      registrations,
      // Only consents given: a registration an organiser made may still await the answer.
      consents: mine.flatMap((r) =>
        r.consent.at
          ? [
              {
                registrationId: r.id,
                eventName: r.event.name,
                purpose: 'data_processing' as const,
                givenAt: r.consent.at,
                version: r.consent.version ?? null,
                locale: r.consent.locale ?? null,
              },
            ]
          : [],
      ),
      sessionSignups: signups.map((s) => ({
        sessionTitle: s.title,
        eventName: s.event_name,
        status: s.status,
        startsAt: s.starts_at.toISOString(),
        endsAt: s.ends_at.toISOString(),
        rulesAcceptedAt: iso(s.rules_accepted_at),
        createdAt: s.created_at.toISOString(),
      })),
      staffRoles: staff.map((s) => ({
        eventName: s.event_name,
        role: s.role,
        since: s.created_at.toISOString(),
      })),
      calendarSubscription: {
        exists: !!feed,
        createdAt: iso(feed?.created_at ?? null),
        lastUsedAt: iso(feed?.last_used_at ?? null),
      },
      messages: messages.map((m) => ({
        id: m.id,
        // The subject as it was written to them; never the body (a login link is a key).
        subject: subjectOf(m.template, m.locale, m.payload),
        template: m.template,
        locale: m.locale,
        eventName: m.event_name,
        status: m.status,
        createdAt: m.created_at.toISOString(),
        sentAt: iso(m.sent_at),
      })),
      learningJournal: await journalForExport(this.dataSource, actor.accountId),
      feedback: await feedbackForExport(this.dataSource, actor.accountId),
    };
  }

  /** The plan as its holder sees it, without the names of the organisers who moved the visa. */
  private async ownPlan(actor: Actor, registrationId: string) {
    let plan: TravelPlanView;
    try {
      plan = await this.travel.get(actor, registrationId);
    } catch (e) {
      // An event the person can no longer open keeps no plan to show.
      if (e instanceof DomainError && e.code === 'not_found') return null;
      throw e;
    }
    return {
      ...plan,
      visa: {
        ...plan.visa,
        history: plan.visa.history.map((h) => ({ from: h.from, to: h.to, at: h.at, note: h.note })),
      },
    };
  }
}

function subjectOf(template: string, locale: string, payload: Record<string, unknown>): string {
  try {
    return renderMessage(template, locale, payload).subject;
  } catch {
    return template;
  }
}
