import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  badRequest,
  conflict,
  notFound,
  pgConstraint,
  pgErrorCode,
  requireReference,
} from '#core';
import { Event, EventAccess } from '#events';
import { CURRENT_CONSENT_VERSION } from './consent.js';
import { RegisterOnBehalfDto } from './dto/registration.dto.js';
import { type Recipient, RegistrationLedger } from './registration-ledger.service.js';
import { RegistrationLifecycle } from './registration-lifecycle.js';
import { Registration } from './registration.entity.js';
import { canConsent, placementOnConsent, registrationClosedReason } from './registration-rules.js';
import { type RegistrationView, toRegistrationView } from './registration.view.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const ALREADY_REGISTERED_MESSAGE = 'This person already has a registration for this event';

export interface ConsentRequest {
  registration: RegistrationView;
  personName: string;
  organisationName: string;
  event: Pick<
    Event,
    'id' | 'slug' | 'name' | 'startDate' | 'endDate' | 'timezone' | 'venueName' | 'venueCity'
  >;
}

/**
 * Registering someone on their behalf, and their answer. The organiser's registration
 * is `awaiting_consent`: no consent time, no seat, counted nowhere, until the person
 * agrees from the link in their email (or signed in, from their registrations). Then
 * the seat is decided under the event lock like any registration the organisers
 * approved: confirmed while seats are free, else the waiting list.
 */
@Injectable()
export class RegistrationConsent {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
    private readonly ledger: RegistrationLedger,
    private readonly lifecycle: RegistrationLifecycle,
  ) {}

  /**
   * Creates the person's account when the email is new (no password: they sign in by
   * emailed link), and the registration waiting for their consent. A second submit
   * of the same form meets the one-open-registration rule and creates nothing.
   */
  async registerOnBehalf(
    actor: Actor,
    eventId: string,
    dto: RegisterOnBehalfDto,
  ): Promise<{ registration: RegistrationView; accountCreated: boolean }> {
    await this.events.requireOrganiser(actor, eventId);
    return this.placeOnBehalf(actor, eventId, dto);
  }

  /**
   * registerOnBehalf without its organiser check, for callers that decided who may under
   * their own rule (an organisation's managers nominating its visitors to an immersion).
   * `onlyMembersOf`: the person must already belong to that organisation, or be new to
   * the platform (their account is then created in it); anyone else is a 400 on email.
   */
  async placeOnBehalf(
    actor: Actor,
    eventId: string,
    dto: RegisterOnBehalfDto,
    onlyMembersOf?: string,
  ): Promise<{ registration: RegistrationView; accountCreated: boolean }> {
    if (dto.organisationId) {
      await requireReference(
        this.dataSource,
        'organisations',
        dto.organisationId,
        'organisationId',
      );
    }
    if (dto.profession === 'other' && !dto.professionOther) {
      throw badRequest('professionOther is required when profession is other', {
        field: 'professionOther',
      });
    }
    const token = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const event = await this.ledger.lockEvent(manager, eventId);
      if (!event) throw notFound('Event');
      const closed = registrationClosedReason(event, new Date(), { ignoreWindow: true });
      if (closed) throw conflict(closed, { status: event.status });

      const inserted = (await manager.query(
        `INSERT INTO accounts (email, name, locale, organisation_id)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
        [dto.email, dto.name, dto.locale, dto.organisationId ?? null],
      )) as Array<{ id: string }>;
      const [account] = (await manager.query(
        `SELECT id, email, name, locale, organisation_id FROM accounts
          WHERE lower(email) = lower($1) AND erased_at IS NULL`,
        [dto.email],
      )) as Array<Recipient & { organisation_id: string | null }>;
      if (!account) throw badRequest('This email cannot be registered', { field: 'email' });
      if (onlyMembersOf && account.organisation_id !== onlyMembersOf) {
        throw badRequest('This person is not a member of the organisation', { field: 'email' });
      }
      const organisationId = dto.organisationId ?? account.organisation_id;
      if (!organisationId) {
        throw badRequest('organisationId is required: the account has no organisation', {
          field: 'organisationId',
        });
      }

      const facts = await this.ledger.seatFacts(manager, eventId, account.id);
      if (facts.live) {
        throw conflict(ALREADY_REGISTERED_MESSAGE, {
          field: 'email',
          registrationId: facts.live.id,
          status: facts.live.status,
        });
      }
      const registration = manager.create(Registration, {
        eventId,
        accountId: account.id,
        organisationId,
        status: 'awaiting_consent',
        profession: dto.profession,
        professionOther: dto.profession === 'other' ? (dto.professionOther ?? null) : null,
        languages: dto.languages ?? [],
        dietary: dto.dietary || null,
        accessibility: dto.accessibility || null,
        phone: dto.phone ?? null,
        emergencyContactName: dto.emergencyContact?.name ?? null,
        emergencyContactPhone: dto.emergencyContact?.phone ?? null,
        emergencyContactRelation: dto.emergencyContact?.relation ?? null,
        consentDataProcessingAt: null,
        consentTokenHash: hashToken(token),
        waitlistSeq: null,
        statusChangedAt: new Date(),
        createdBy: actor.accountId,
      });
      try {
        await manager.save(registration);
      } catch (e) {
        if (pgErrorCode(e) === '23505' && pgConstraint(e) === 'registrations_live_key') {
          throw conflict(ALREADY_REGISTERED_MESSAGE, { field: 'email' });
        }
        throw e;
      }
      await this.ledger.record(manager, event, [
        {
          registration,
          from: null,
          to: 'awaiting_consent',
          by: actor.accountId,
          reason: 'Registered by an organiser',
          recipient: account,
          consentToken: token,
        },
      ]);
      return {
        registration: toRegistrationView(registration, event.timezone),
        accountCreated: inserted.length > 0,
      };
    });
  }

  /**
   * The consent email again (lost, or sent to a full mailbox), with a new link: the old
   * one stops working. Organisers only, and only while the person has not answered.
   */
  async resend(actor: Actor, id: string): Promise<RegistrationView> {
    const found = await this.dataSource.getRepository(Registration).findOneBy({ id });
    if (!found) throw notFound('Registration');
    await this.events.requireOrganiser(actor, found.eventId);
    const token = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const event = (await this.ledger.lockEvent(manager, found.eventId))!;
      const registration = await manager
        .getRepository(Registration)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!registration) throw notFound('Registration');
      if (!canConsent(registration.status)) {
        throw conflict(`This registration was already answered: it is ${registration.status}`, {
          status: registration.status,
        });
      }
      await manager.update(Registration, { id }, { consentTokenHash: hashToken(token) });
      await this.ledger.record(manager, event, [
        {
          registration,
          from: 'awaiting_consent',
          to: 'awaiting_consent',
          by: actor.accountId,
          reason: 'Consent email sent again',
          consentToken: token,
        },
      ]);
      return toRegistrationView(registration, event.timezone);
    });
  }

  /**
   * What the consent page shows: to the person holding the emailed token, or signed in
   * as the registered person. Anyone else (a wrong or spent token) gets a 404.
   */
  async request(
    actor: Actor | undefined,
    id: string,
    token: string | undefined,
  ): Promise<ConsentRequest> {
    const registration = await this.authorised(actor, id, token);
    const [row] = (await this.dataSource.query(
      `SELECT a.name AS person_name, o.name AS organisation_name
         FROM accounts a, organisations o WHERE a.id = $1 AND o.id = $2`,
      [registration.accountId, registration.organisationId],
    )) as Array<{ person_name: string; organisation_name: string }>;
    const event = await this.dataSource
      .getRepository(Event)
      .findOneByOrFail({ id: registration.eventId });
    return {
      registration: toRegistrationView(registration, event.timezone),
      personName: row?.person_name ?? '',
      organisationName: row?.organisation_name ?? '',
      event: {
        id: event.id,
        slug: event.slug,
        name: event.name,
        startDate: event.startDate,
        endDate: event.endDate,
        timezone: event.timezone,
        venueName: event.venueName,
        venueCity: event.venueCity,
      },
    };
  }

  /**
   * The person's answer. Agreeing gives a seat (or the waiting list) as of now; declining
   * cancels. A second answer (a double submit, the link opened again) changes nothing and
   * is refused with the status the registration already has; the link still shows it.
   */
  async answer(
    actor: Actor | undefined,
    id: string,
    token: string | undefined,
    agree: boolean,
    /** The language the person read the consent text in. */
    locale: string,
  ): Promise<RegistrationView> {
    const loaded = await this.authorised(actor, id, token);
    return this.dataSource.transaction(async (manager) => {
      const event = (await this.ledger.lockEvent(manager, loaded.eventId))!;
      const registration = await manager
        .getRepository(Registration)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!registration) throw notFound('Registration');
      if (!canConsent(registration.status)) {
        throw conflict(`This registration was already answered: it is ${registration.status}`, {
          status: registration.status,
        });
      }
      const by = loaded.accountId;
      if (agree) {
        const confirmed = await this.ledger.countConfirmed(manager, event.id);
        const to = placementOnConsent(event, confirmed);
        const waitlistSeq =
          to === 'waitlisted' ? await this.ledger.nextWaitlistSeq(manager, event.id) : null;
        await manager.update(
          Registration,
          { id },
          {
            status: to,
            consentDataProcessingAt: () => 'clock_timestamp()',
            consentVersion: CURRENT_CONSENT_VERSION,
            consentLocale: locale,
            statusChangedAt: () => 'clock_timestamp()',
            ...(waitlistSeq ? { waitlistSeq } : {}),
          },
        );
        await this.ledger.record(manager, event, [
          { registration, from: 'awaiting_consent', to, by, reason: 'The person gave consent' },
        ]);
        // The emailed link proves the address, as a magic link does.
        if (token) {
          await manager.query(
            `UPDATE accounts SET email_verified_at = now()
              WHERE id = $1 AND email_verified_at IS NULL`,
            [registration.accountId],
          );
        }
      } else {
        await manager.update(
          Registration,
          { id },
          {
            status: 'cancelled',
            statusChangedAt: () => 'clock_timestamp()',
          },
        );
        await this.ledger.record(manager, event, [
          {
            registration,
            from: 'awaiting_consent',
            to: 'cancelled',
            by,
            reason: 'The person declined',
          },
        ]);
        await this.lifecycle.ended(manager, {
          registrationId: id,
          eventId: event.id,
          accountId: registration.accountId,
          status: 'cancelled',
        });
      }
      const saved = await manager.findOneByOrFail(Registration, { id });
      return toRegistrationView(saved, event.timezone);
    });
  }

  /** The registration, if this actor or this token may answer for it; else 404. */
  private async authorised(
    actor: Actor | undefined,
    id: string,
    token: string | undefined,
  ): Promise<Registration> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Registration');
    const registration = await this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('r')
      .addSelect('r.consentTokenHash')
      .where('r.id = :id', { id })
      .getOne();
    if (!registration) throw notFound('Registration');
    const owner = actor !== undefined && actor.accountId === registration.accountId;
    const tokenOk =
      typeof token === 'string' &&
      token.length > 0 &&
      token.length < 200 &&
      registration.consentTokenHash !== null &&
      sameHash(hashToken(token), registration.consentTokenHash);
    if (!owner && !tokenOk) throw notFound('Registration');
    return registration;
  }
}
