import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  conflict,
  DomainError,
  forbidden,
  localDateOf,
  notFound,
  RateLimiter,
} from '#core';
import { type Event, EventAccess, textIn } from '#events';
import { recipientLocale } from '#messaging';
import { RegistrationAccess } from '#registrations';
import { letterDetailsMissingMessage, missingLetterDetails } from './letter-details.js';
import { hostLanguageOf, LetterSettingsService } from './letter-settings.service.js';
import { PassportCipher } from './passport-cipher.js';
import { TravelPlan } from './travel-plan.entity.js';
import { renderVisaLetterPdf } from './visa-letter-pdf.js';
import { LETTER_DATA_SOURCE, type LetterDataSource } from './visa-letter-sources.js';
import { type LetterFacts, type LetterLocale, visaLetterText } from './visa-letter.wording.js';
import { LETTER_ISSUED_STATUSES } from './visa-rules.js';
import { VisaStatuses } from './visa-statuses.service.js';
import { HIGHEST_LETTER_NUMBER_SQL } from './letter-number.js';

/** One letter of a bulk submit: issued (false when it already was), or the refusal `issue` would throw. */
export interface LetterBatchOutcome {
  id: string;
  /** Null when the id is not one of the event's registrations. */
  name: string | null;
  issued?: boolean;
  refusal?: DomainError;
}

export interface VisaLetterFile {
  filename: string;
  pdf: Buffer;
}

/**
 * GET /registrations/:id/visa-letter.pdf. Organisers issue the letter by opening it
 * (letter_requested -> letter_issued, once, under the plan's row lock); from then on its
 * holder can download it too. It is the one place organisers see the full passport number.
 */
@Injectable()
export class VisaLetters {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RegistrationAccess,
    private readonly cipher: PassportCipher,
    private readonly visas: VisaStatuses,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
    private readonly settings: LetterSettingsService,
    @Inject(LETTER_DATA_SOURCE) private readonly sources: LetterDataSource,
    private readonly events: EventAccess,
  ) {}

  /**
   * GET /verify/<code>: what a consulate may learn of a letter: valid or revoked (its
   * registration cancelled or rejected, or the letter withdrawn), for whom (name and the
   * last four passport characters only), for which event and dates. Unknown: 404.
   */
  async verify(code: string, client: string): Promise<LetterVerification> {
    // Unguessable codes, and 30 lookups a minute per client: no walking the space.
    await this.limiter.hit(`verify:${client}`, 30, 60);
    if (!/^[A-Za-z0-9_-]{22}$/.test(code)) throw notFound('Document');
    const [row] = (await this.dataSource.query(
      `SELECT p.letter_reference, p.visa_status, p.passport_number_encrypted, r.status,
              a.name, e.name AS event_name, e.start_date::text AS start_date,
              e.end_date::text AS end_date, e.venue_city
         FROM travel_plans p JOIN registrations r ON r.id = p.registration_id
         JOIN accounts a ON a.id = r.account_id JOIN events e ON e.id = p.event_id
        WHERE p.letter_code = $1`,
      [code],
    )) as Array<{
      letter_reference: string;
      visa_status: string | null;
      passport_number_encrypted: string | null;
      status: string;
      name: string;
      event_name: string;
      start_date: string;
      end_date: string;
      venue_city: string | null;
    }>;
    if (!row) throw notFound('Document');
    const issued = LETTER_ISSUED_STATUSES.includes(row.visa_status as never);
    const passport = row.passport_number_encrypted
      ? this.cipher.open(row.passport_number_encrypted)
      : null;
    return {
      kind: 'invitation_letter',
      status: row.status === 'confirmed' && issued ? 'valid' : 'revoked',
      reference: row.letter_reference,
      holder: { name: row.name, passportLastFour: passport ? passport.slice(-4) : null },
      event: {
        name: row.event_name,
        startDate: row.start_date,
        endDate: row.end_date,
        city: row.venue_city,
      },
    };
  }

  /**
   * The letter's human reference and verification code, given once (the plan is locked):
   * "TNG27-0042" from the venue's city, the event's year and a number per event.
   */
  private async identify(m: EntityManager, event: Event, plan: TravelPlan): Promise<void> {
    if (plan.letterReference && plan.letterCode) return;
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('letter-reference:' || $1))`, [event.id]);
    const [{ n }] = (await m.query(HIGHEST_LETTER_NUMBER_SQL, [event.id])) as Array<{
      n: number;
    }>;
    plan.letterReference =
      plan.letterReference ??
      `${referencePrefix(event.venueCity ?? event.name)}${event.startDate.slice(2, 4)}-${String(n + 1).padStart(4, '0')}`;
    plan.letterCode = plan.letterCode ?? randomBytes(16).toString('base64url');
    await m.query(
      `UPDATE travel_plans SET letter_reference = $2, letter_code = $3 WHERE registration_id = $1`,
      [plan.registrationId, plan.letterReference, plan.letterCode],
    );
  }

  async letter(actor: Actor, registrationId: string, now = new Date()): Promise<VisaLetterFile> {
    return this.open(actor, registrationId, now, true);
  }

  /**
   * The letter as a file, never issuing it (a GET must not change anything): organisers
   * and its holder, once issued.
   */
  async download(actor: Actor, registrationId: string, now = new Date()): Promise<VisaLetterFile> {
    return this.open(actor, registrationId, now, false);
  }

  /**
   * Issues the letter without rendering it (the console's "issue letters" button):
   * letter_requested -> letter_issued, recorded and emailed, as opening it does. Organisers
   * only; `issued` is false when it already was (a second click changes nothing).
   * `eventId` keeps a page of one event from issuing another event's letter.
   * `withoutDetails`: the organiser confirmed issuing before the letter details are given.
   */
  async issue(
    actor: Actor,
    registrationId: string,
    eventId?: string,
    options: { withoutDetails?: boolean } = {},
  ): Promise<{ registrationId: string; issued: boolean }> {
    const { registration, event, isOrganiser } = await this.access.load(actor, registrationId);
    if (eventId !== undefined && registration.eventId !== eventId) throw notFound('Registration');
    if (!isOrganiser) throw forbidden('Only the organisers of this event can issue a letter');
    const issued = await this.issueChecked(actor, event, registrationId, registration.status, {
      withoutDetails: options.withoutDetails === true,
    });
    return { registrationId, issued };
  }

  /**
   * The visa board's bulk form: the organiser and the batch's registrations are read once,
   * then each letter is issued in its own transaction as `issue` does. An id that is not one
   * of this event's registrations comes back without a name and refused as not found; each
   * refusal is the DomainError `issue` would have thrown.
   */
  async issueBatch(
    actor: Actor,
    eventId: string,
    ids: string[],
    options: { withoutDetails: boolean },
  ): Promise<LetterBatchOutcome[]> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const found = await this.access.batchOf(eventId, ids);
    const outcomes: LetterBatchOutcome[] = [];
    for (const id of ids) {
      const row = found.get(id);
      if (!row) {
        outcomes.push({ id, name: null, refusal: notFound('Registration') });
        continue;
      }
      try {
        outcomes.push({
          id,
          name: row.name,
          issued: await this.issueChecked(actor, event, id, row.status, options),
        });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        outcomes.push({ id, name: row.name, refusal: e });
      }
    }
    return outcomes;
  }

  /** The letter of a registration the caller has checked is this organiser's: false if issued already. */
  private async issueChecked(
    actor: Actor,
    event: Event,
    registrationId: string,
    registrationStatus: string,
    options: { withoutDetails: boolean },
  ): Promise<boolean> {
    this.requireConfirmed(registrationStatus);
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockedPlanWithPassport(m, registrationId);
      if (plan.visaStatus !== 'letter_requested') return false;
      this.requireLetterDetails(plan, options.withoutDetails);
      await this.visas.apply(m, event, plan, {
        to: 'letter_issued',
        by: actor.accountId,
        note: 'Invitation letter issued',
      });
      await this.identify(m, event, plan);
      return true;
    });
  }

  /** 409 naming the missing letter details, unless the organiser confirmed going without. */
  private requireLetterDetails(plan: TravelPlan, withoutDetails: boolean): void {
    const missing = missingLetterDetails(plan);
    if (missing.length === 0 || withoutDetails) return;
    throw conflict(letterDetailsMissingMessage(missing), {
      reason: 'letter_details_missing',
      missing,
    });
  }

  private requireConfirmed(status: string): void {
    if (status !== 'confirmed') {
      throw conflict('An invitation letter is only issued for a confirmed registration', {
        status,
      });
    }
  }

  /** The plan, locked, once a letter was asked for and the passport is complete. */
  private async lockedPlanWithPassport(m: EntityManager, registrationId: string) {
    const plan = await m
      .getRepository(TravelPlan)
      .findOne({ where: { registrationId }, lock: { mode: 'pessimistic_write' } });
    const status = plan?.visaStatus ?? null;
    if (!plan || status === null || status === 'not_required') {
      throw conflict(
        'No invitation letter was asked for: set the visa status to letter_requested first',
        { visaStatus: status },
      );
    }
    const missing = [
      ['passport.nationality', plan.passportNationality],
      ['passport.number', plan.passportNumberEncrypted],
      ['passport.expiresOn', plan.passportExpiresOn],
    ]
      .filter(([, value]) => !value)
      .map(([field]) => field as string);
    if (missing.length > 0) {
      throw conflict(`The letter needs the passport details first: ${missing.join(', ')}`, {
        fields: missing,
      });
    }
    return plan;
  }

  private async open(
    actor: Actor,
    registrationId: string,
    now: Date,
    issue: boolean,
  ): Promise<VisaLetterFile> {
    const { registration, event, isOrganiser } = await this.access.load(actor, registrationId);
    this.requireConfirmed(registration.status);
    return this.dataSource.transaction(async (m) => {
      const plan = await this.lockedPlanWithPassport(m, registrationId);
      const status = plan.visaStatus!;
      if (status === 'letter_requested') {
        if (!isOrganiser) {
          throw conflict('The organisers have not issued your invitation letter yet', {
            visaStatus: status,
          });
        }
        if (!issue) {
          throw conflict('The invitation letter has not been issued', {
            visaStatus: status,
          });
        }
        await this.visas.apply(m, event, plan, {
          to: 'letter_issued',
          by: actor.accountId,
          note: 'Invitation letter issued',
        });
      } else if (!LETTER_ISSUED_STATUSES.includes(status)) {
        throw conflict('The invitation letter has not been issued', {
          visaStatus: status,
        });
      }
      await this.identify(m, event, plan);
      const pdf = await this.render(m, event, plan, isOrganiser ? actor.accountId : null, now);
      return { filename: `invitation-letter-${event.slug}-${registrationId.slice(0, 8)}.pdf`, pdf };
    });
  }

  private async render(
    m: EntityManager,
    event: Event,
    plan: TravelPlan,
    organiserId: string | null,
    now: Date,
  ): Promise<Buffer> {
    const [person] = (await m.query(
      `SELECT a.name, a.locale, o.name AS organisation_name, o.country AS organisation_country,
              r.profession, r.profession_other
         FROM registrations r JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id
        WHERE r.id = $1`,
      [plan.registrationId],
    )) as Array<{
      name: string;
      locale: string;
      organisation_name: string;
      organisation_country: string;
      profession: string | null;
      profession_other: string | null;
    }>;
    const settings = await this.settings.forLetter(m, event.id);
    const signer = await this.signer(m, event.id, plan.letterIssuedBy ?? organiserId);
    const locale = recipientLocale(person.locale, event.languages) as LetterLocale;
    const host = hostLanguageOf(event.venueCountry);
    const locales = settings?.bilingual && host !== locale ? [locale, host] : [locale];
    const [coverage, stay] = await Promise.all([
      this.sources.coverage(m, event.id, plan.registrationId),
      this.sources.stay(m, event.id, plan.registrationId),
    ]);
    const signerName = settings?.signatoryName ?? signer?.name ?? null;
    const facts: Omit<LetterFacts, 'locale' | 'signerName'> = {
      reference: plan.letterReference!,
      verifyUrl: `${this.config.publicUrl}/verify/${plan.letterCode}`,
      issuedOn: localDateOf(plan.letterIssuedAt ?? now, event.timezone),
      // In the letter's language when the organisers wrote it (else the event's own name).
      eventName: textIn(event.names, locale, event.languages, event.name) ?? event.name,
      eventStartDate: event.startDate,
      eventEndDate: event.endDate,
      venueName: event.venueName,
      venueCity: event.venueCity,
      venueCountry: event.venueCountry,
      participantName: person.name,
      organisationName: person.organisation_name,
      organisationCountry: person.organisation_country,
      nationality: plan.passportNationality!,
      passportNumber: this.cipher.open(plan.passportNumberEncrypted!),
      passportExpiresOn: plan.passportExpiresOn!,
      signerOrganisation: settings?.signatoryName
        ? settings.orgName
        : (signer?.organisation ?? null),
      signerTitle: settings?.signatoryName ? settings.signatoryTitle : null,
      birthDate: plan.birthDateEncrypted ? this.cipher.open(plan.birthDateEncrypted) : null,
      passportIssuedOn: plan.passportIssuedOnEncrypted
        ? this.cipher.open(plan.passportIssuedOnEncrypted)
        : null,
      consulate:
        plan.consulateCountry && plan.consulateCity
          ? { country: plan.consulateCountry, city: plan.consulateCity }
          : null,
      profession: person.profession,
      professionOther: person.profession_other,
      letterhead: settings?.orgName
        ? {
            name: settings.orgName,
            address: settings.orgAddress,
            phone: settings.orgPhone,
            email: settings.orgEmail,
          }
        : null,
      consulateWording: settings?.consulateWording ?? {},
      coverage,
      stay,
      bilingual: locales.length > 1,
    };
    const texts = locales.map((l) =>
      visaLetterText({ ...facts, locale: l, signerName: signerName ?? organisersSignature(l) }),
    );
    return renderVisaLetterPdf(
      texts,
      {
        title: `${texts[0].title} — ${person.name}`,
        subject: event.name,
        author: signerName ?? 'Convene',
        lang: locale,
      },
      { logo: settings?.logo ?? null, signature: settings?.signature ?? null },
    );
  }

  /** Who signs: the organiser who issued the letter, else the one opening it, else the first. */
  private async signer(m: EntityManager, eventId: string, accountId: string | null) {
    const rows = (await m.query(
      `SELECT a.name, o.name AS organisation
         FROM accounts a LEFT JOIN organisations o ON o.id = a.organisation_id
        WHERE a.erased_at IS NULL AND (a.id = $2 OR a.id = (
          SELECT s.account_id FROM event_staff s WHERE s.event_id = $1 AND s.role = 'organiser'
           ORDER BY s.created_at, s.account_id LIMIT 1))
        ORDER BY (a.id = $2) DESC LIMIT 1`,
      [eventId, accountId],
    )) as Array<{ name: string; organisation: string | null }>;
    return rows[0];
  }
}

export interface LetterVerification {
  kind: 'invitation_letter';
  status: 'valid' | 'revoked';
  reference: string;
  holder: { name: string; passportLastFour: string | null };
  event: { name: string; startDate: string; endDate: string; city: string | null };
}

/** "Tanger" -> "TNG": the first letter and the next two consonants, unaccented. */
export function referencePrefix(place: string): string {
  const letters = place
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
  if (!letters) return 'EVT';
  const consonants = letters.slice(1).replace(/[AEIOUY]/g, '');
  return (letters[0] + consonants + letters.slice(1) + 'XX').slice(0, 3);
}

function organisersSignature(locale: LetterLocale): string {
  return { fr: "L'équipe d'organisation", en: 'The organisers', es: 'La organización' }[locale];
}
