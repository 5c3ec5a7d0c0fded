import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  type Actor,
  badRequest,
  conflict,
  DomainError,
  forbidden,
  isAdmin,
  notFound,
  pgErrorCode,
  requireReference,
  toZonedIso,
  pgConstraint,
} from '#core';
import {
  EventAccess,
  eventVisibleTo,
  type LocalizedTexts,
  requireWritable,
  type StaffRole,
} from '#events';
import { randomUUID } from 'node:crypto';
import { type EventSummarySource, OutboxWake } from '#messaging';
import { CURRENT_CONSENT_VERSION } from './consent.js';
import { type Admission, type AdmissionFacts, admitNewcomer } from './registration-admission.js';
import { CreateRegistrationDto, UpdateRegistrationDto } from './dto/registration.dto.js';
import { RegistrationAccess } from './registration-access.service.js';
import { type Recipient, RegistrationLedger } from './registration-ledger.service.js';
import { LIVE_STATUSES, type Profession, Registration } from './registration.entity.js';
import { registrationClosedReason } from './registration-rules.js';
import {
  emergencyContactOf,
  type RegistrationView,
  toRegistrationView,
} from './registration.view.js';

const ALREADY_REGISTERED = 'This person already has a registration for this event';

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
    private readonly access: RegistrationAccess,
    private readonly ledger: RegistrationLedger,
    private readonly wake: OutboxWake,
  ) {}

  /**
   * Registers the actor (someone else: RegistrationConsent.registerOnBehalf). The seat decision is
   * taken while holding the event lock, so concurrent requests for the last seats
   * confirm exactly as many people as there are seats and waitlist the rest in the
   * order they got the lock.
   */
  async create(
    actor: Actor,
    eventId: string,
    dto: CreateRegistrationDto,
  ): Promise<RegistrationView> {
    const accountId = actor.accountId;
    const forSomeoneElse = dto.accountId !== undefined && dto.accountId !== actor.accountId;
    // The event's visibility, the actor's roles, the account and the organisation in one
    // round trip: a registration rush pays for every statement before the lock too.
    const [found] = (await this.dataSource.query(
      `SELECT a.id, a.email, a.name, a.locale, a.organisation_id, a.email_verified_at,
              e.status AS event_status, e.name AS event_name, e.slug AS event_slug,
              e.start_date::text AS event_start_date, e.end_date::text AS event_end_date,
              e.timezone AS event_timezone, e.venue_name AS event_venue_name,
              e.venue_city AS event_venue_city, e.languages AS event_languages, e.names AS event_names,
              ARRAY(SELECT s.role FROM event_staff s WHERE s.event_id = $2 AND s.account_id = $1) AS roles,
              EXISTS (SELECT 1 FROM organisations o WHERE o.id = coalesce($3::uuid, a.organisation_id)) AS organisation_known
         FROM (SELECT 1) one
         LEFT JOIN accounts a ON a.id = $1
         LEFT JOIN events e ON e.id = $2`,
      [accountId, eventId, dto.organisationId ?? null],
    )) as Array<
      Recipient & {
        organisation_id: string | null;
        email_verified_at: Date | null;
        event_status: string | null;
        event_name: string;
        event_slug: string;
        event_start_date: string;
        event_end_date: string;
        event_timezone: string;
        event_venue_name: string | null;
        event_venue_city: string | null;
        event_languages: string[];
        event_names: LocalizedTexts | null;
        roles: StaffRole[];
        organisation_known: boolean;
      }
    >;
    if (!found.event_status || !eventVisibleTo(found.event_status, found.roles, actor)) {
      throw notFound('Event');
    }
    const byOrganiser = isAdmin(actor) || found.roles.includes('organiser');
    if (forSomeoneElse && !byOrganiser) {
      throw forbidden('Only the organisers of this event can register someone else');
    }
    // Account ids are not an address book, and nobody is registered without their own
    // consent: organisers register people by email and the registration waits for them.
    if (forSomeoneElse) {
      throw badRequest(
        'Register someone else by email: POST /api/events/{id}/registrations/on-behalf; ' +
          'the registration waits for their consent',
        { field: 'accountId' },
      );
    }
    if (!found.id)
      throw badRequest('accountId does not name a known account', { field: 'accountId' });
    const account: Recipient = {
      id: found.id,
      email: found.email,
      name: found.name,
      locale: found.locale,
    };
    // Anyone can type any address at sign-up: only a proven one may hold a seat.
    if (!found.email_verified_at) throw emailNotVerified();
    const organisationId = dto.organisationId ?? found.organisation_id;
    if (!organisationId) {
      throw badRequest('organisationId is required: the account has no organisation', {
        field: 'organisationId',
      });
    }
    if (!found.organisation_known) {
      throw badRequest('organisationId does not name a known organisation', {
        field: 'organisationId',
      });
    }
    const professionOther = checkProfession(dto.profession, dto.professionOther);

    const summary: EventSummarySource = {
      id: eventId,
      name: found.event_name,
      slug: found.event_slug,
      startDate: found.event_start_date,
      endDate: found.event_end_date,
      timezone: found.event_timezone,
      venueName: found.event_venue_name,
      venueCity: found.event_venue_city,
      languages: found.event_languages,
      names: found.event_names ?? {},
    };
    const registrationId = randomUUID();
    let admission: Admission;
    try {
      admission = await admitNewcomer(
        this.dataSource.manager,
        {
          registration: {
            id: registrationId,
            eventId,
            accountId,
            organisationId,
            profession: dto.profession,
            professionOther,
            languages: dto.languages ?? [],
            dietary: dto.dietary || null,
            accessibility: dto.accessibility || null,
            phone: dto.phone ?? null,
            emergencyContactName: dto.emergencyContact?.name ?? null,
            emergencyContactPhone: dto.emergencyContact?.phone ?? null,
            emergencyContactRelation: dto.emergencyContact?.relation ?? null,
            consentVersion: dto.consent.version ?? CURRENT_CONSENT_VERSION,
            consentLocale: dto.consent.locale ?? account.locale,
            createdBy: actor.accountId,
          },
          auditId: randomUUID(),
          byOrganiser,
          messageFor: (to) =>
            this.ledger.messageFor(
              summary,
              { registration: { id: registrationId }, from: null, to, reason: null },
              account,
            ),
        },
        this.wake.poke,
      );
    } catch (e) {
      // The partial unique index is the last word when the same person races themselves
      // (a double submit): name the registration that won, as the guard would have.
      if (pgErrorCode(e) === '23505' && pgConstraint(e) === 'registrations_live_key') {
        const [live] = (await this.dataSource.query(
          `SELECT id, status FROM registrations WHERE event_id = $1 AND account_id = $2
              AND status IN ('awaiting_consent', 'pending', 'confirmed', 'waitlisted')`,
          [eventId, accountId],
        )) as Array<{ id: string; status: string }>;
        throw conflict(
          ALREADY_REGISTERED,
          live ? { registrationId: live.id, status: live.status } : undefined,
        );
      }
      throw e;
    }
    const { facts, registration } = admission;
    if (!facts) throw conflict('This event no longer exists');
    if (!registration) throw refusal(facts, byOrganiser);
    // The new arrival waits behind everyone who was waiting when it got the lock.
    return toRegistrationView(
      registration,
      facts.timezone,
      registration.status === 'waitlisted' ? facts.waitlisted + 1 : null,
    );
  }

  async get(actor: Actor, id: string): Promise<RegistrationView> {
    const { registration, event } = await this.access.load(actor, id);
    return toRegistrationView(
      registration,
      event.timezone,
      await this.access.waitlistPosition(registration),
    );
  }

  /** The owner or an organiser edits the details; the status only moves through actions. */
  async update(actor: Actor, id: string, dto: UpdateRegistrationDto): Promise<RegistrationView> {
    const { registration: current, event } = await this.access.load(actor, id);
    requireWritable(event);
    if (!LIVE_STATUSES.includes(current.status)) throw frozen(current.status);
    if (dto.organisationId) {
      await requireReference(
        this.dataSource,
        'organisations',
        dto.organisationId,
        'organisationId',
      );
    }
    const profession = dto.profession ?? current.profession;
    const professionOther = checkProfession(
      profession,
      dto.professionOther !== undefined
        ? dto.professionOther
        : (current.professionOther ?? undefined),
    );
    const changes: Partial<Registration> = { profession, professionOther };
    if (dto.organisationId) changes.organisationId = dto.organisationId;
    if (dto.languages !== undefined) changes.languages = dto.languages;
    if (dto.dietary !== undefined) changes.dietary = dto.dietary || null;
    if (dto.accessibility !== undefined) changes.accessibility = dto.accessibility || null;
    if (dto.phone !== undefined) changes.phone = dto.phone ?? null;
    if (dto.emergencyContact !== undefined) {
      changes.emergencyContactName = dto.emergencyContact.name;
      changes.emergencyContactPhone = dto.emergencyContact.phone;
      changes.emergencyContactRelation = dto.emergencyContact.relation ?? null;
    }
    const repository = this.dataSource.getRepository(Registration);
    // Only while still live: a cancellation that lands between the check above and here wins.
    const { affected } = await repository.update({ id, status: In([...LIVE_STATUSES]) }, changes);
    const saved = await repository.findOneByOrFail({ id });
    if (!affected) throw frozen(saved.status);
    return toRegistrationView(saved, event.timezone, await this.access.waitlistPosition(saved));
  }

  /** The actor's own registrations, most recent edition first. */
  async mine(actor: Actor) {
    const registrations = await this.dataSource
      .getRepository(Registration)
      .findBy({ accountId: actor.accountId });
    if (registrations.length === 0) return [];
    const events = (await this.dataSource.query(
      `SELECT id, slug, name, timezone, status, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(end_date, 'YYYY-MM-DD') AS end_date
         FROM events WHERE id = ANY($1::uuid[])`,
      [registrations.map((r) => r.eventId)],
    )) as Array<
      Record<'id' | 'slug' | 'name' | 'timezone' | 'status' | 'start_date' | 'end_date', string>
    >;
    // One query for every waitlist place, not one per registration.
    const positions = await this.access.waitlistPositions(registrations);
    const byId = new Map(events.map((e) => [e.id, e]));
    return registrations
      .map((r) => ({ r, e: byId.get(r.eventId)! }))
      .sort(
        (a, b) =>
          b.e.start_date.localeCompare(a.e.start_date) ||
          b.r.createdAt.getTime() - a.r.createdAt.getTime(),
      )
      .map(({ r, e }) => ({
        ...toRegistrationView(r, e.timezone, positions.get(r.id) ?? null),
        event: {
          id: e.id,
          slug: e.slug,
          name: e.name,
          startDate: e.start_date,
          endDate: e.end_date,
          timezone: e.timezone,
          status: e.status,
        },
      }));
  }

  /**
   * What a returning participant typed last time (their latest registration for
   * another edition), so the form starts filled in. Consent is never carried over.
   */
  async prefill(actor: Actor, eventId: string) {
    return this.prefillFor(actor, await this.events.requireVisible(actor, eventId));
  }

  /** The same for an event the caller has already read for this actor (the register page). */
  async prefillFor(actor: Actor, event: { id: string }) {
    const eventId = event.id;
    const [account] = (await this.dataSource.query(
      'SELECT organisation_id FROM accounts WHERE id = $1',
      [actor.accountId],
    )) as Array<{ organisation_id: string | null }>;
    const [previous] = (await this.dataSource.query(
      `SELECT r.id, r.event_id, e.name AS event_name FROM registrations r
         JOIN events e ON e.id = r.event_id
        WHERE r.account_id = $1 AND r.event_id <> $2
        ORDER BY e.start_date DESC, r.created_at DESC LIMIT 1`,
      [actor.accountId, eventId],
    )) as Array<{ id: string; event_id: string; event_name: string }>;
    const [current] = (await this.dataSource.query(
      `SELECT id, status FROM registrations
        WHERE account_id = $1 AND event_id = $2 AND status IN ('awaiting_consent', 'pending', 'confirmed', 'waitlisted')`,
      [actor.accountId, eventId],
    )) as Array<{ id: string; status: string }>;
    const r = previous
      ? await this.dataSource.getRepository(Registration).findOneByOrFail({ id: previous.id })
      : null;
    return {
      alreadyRegistered: current ? { registrationId: current.id, status: current.status } : null,
      from: previous
        ? {
            eventId: previous.event_id,
            eventName: previous.event_name,
            registrationId: previous.id,
          }
        : null,
      organisationId: r ? r.organisationId : (account?.organisation_id ?? null),
      profession: r?.profession ?? null,
      professionOther: r?.professionOther ?? null,
      languages: r?.languages ?? [],
      dietary: r?.dietary ?? null,
      accessibility: r?.accessibility ?? null,
      phone: r?.phone ?? null,
      emergencyContact: r
        ? emergencyContactOf(
            r.emergencyContactName,
            r.emergencyContactPhone,
            r.emergencyContactRelation,
          )
        : null,
    };
  }
}

/** professionOther is required for "other" and meaningless otherwise. */
function checkProfession(profession: Profession, other: string | undefined): string | null {
  if (profession !== 'other') return null;
  if (!other) {
    throw badRequest('professionOther is required when profession is other', {
      field: 'professionOther',
    });
  }
  return other;
}

/** 403 with a stable reason a client can act on ("confirm your address first"). */
export function emailNotVerified(): DomainError {
  return new DomainError(
    'forbidden',
    'Confirm your email address before registering: open the link we emailed you, or ask for a new one',
    { reason: 'email_not_verified' },
  );
}

function frozen(status: string) {
  return conflict(`A ${status} registration can no longer be changed`, { status });
}

/** Why the admission's guard refused, in the words of the rules it applied. */
function refusal(facts: AdmissionFacts, byOrganiser: boolean): DomainError {
  const closed = registrationClosedReason(facts, new Date());
  if (!closed && facts.live) {
    return conflict(ALREADY_REGISTERED, {
      registrationId: facts.live.id,
      status: facts.live.status,
    });
  }
  if (!closed && facts.rejected && !byOrganiser) {
    return conflict(
      'The organisers declined your registration for this event; please contact them',
    );
  }
  return conflict(closed ?? 'Registration is closed for this event', {
    status: facts.status,
    registrationOpensAt: facts.registrationOpensAt
      ? toZonedIso(facts.registrationOpensAt, facts.timezone)
      : null,
    registrationClosesAt: facts.registrationClosesAt
      ? toZonedIso(facts.registrationClosesAt, facts.timezone)
      : null,
  });
}
