import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, badRequest, conflict, localDateOf } from '#core';
import { requireWritable } from '#events';
import { LIVE_STATUSES, type LoadedRegistration, RegistrationAccess } from '#registrations';
import type { VisaLetterRequestDto } from './letter-settings.dto.js';
import { PassportCipher } from './passport-cipher.js';
import { lockPlan } from './plan-rows.js';
import { TravelPlan } from './travel-plan.entity.js';
import { canMoveVisa, type VisaStatus } from './visa-rules.js';
import { VisaStatuses } from './visa-statuses.service.js';

/** GET /registrations/:id/visa-letter-request: the letter's own details (owner, organisers). */
export interface VisaLetterRequestView {
  registrationId: string;
  birthDate: string | null;
  passportIssuedOn: string | null;
  consulate: { country: string; city: string } | null;
  visaStatus: VisaStatus | null;
  /** Everything the letter needs is on file (with the passport). */
  complete: boolean;
}

/**
 * What only the invitation letter needs, asked when it is requested and never on
 * registration: date of birth and passport issue date (encrypted like the passport number,
 * erased with it) and the consulate serving the participant. Saving them asks for the
 * letter (letter_requested) when the plan was not there yet.
 */
@Injectable()
export class VisaLetterRequests {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RegistrationAccess,
    private readonly cipher: PassportCipher,
    private readonly visas: VisaStatuses,
  ) {}

  async get(actor: Actor, registrationId: string): Promise<VisaLetterRequestView> {
    return this.viewOf(await this.access.load(actor, registrationId));
  }

  /** The request of a registration whose access the caller has already checked. */
  async viewOf({
    registration,
  }: Pick<LoadedRegistration, 'registration'>): Promise<VisaLetterRequestView> {
    const plan = await this.dataSource
      .getRepository(TravelPlan)
      .findOneBy({ registrationId: registration.id });
    return this.view(registration.id, plan);
  }

  async put(
    actor: Actor,
    registrationId: string,
    dto: VisaLetterRequestDto,
    now = new Date(),
  ): Promise<VisaLetterRequestView> {
    const { registration, event, isOrganiser } = await this.access.load(actor, registrationId);
    requireWritable(event);
    if (!LIVE_STATUSES.includes(registration.status)) {
      throw conflict(`A ${registration.status} registration cannot ask for a letter`, {
        status: registration.status,
      });
    }
    if (event.personalDataErasedAt) {
      throw conflict("This event is over and its participants' personal data has been erased");
    }
    const today = localDateOf(now, event.timezone);
    if (dto.birthDate >= today || dto.birthDate < '1900-01-01') {
      throw badRequest(`birthDate (${dto.birthDate}) must be a date in the past`, {
        field: 'birthDate',
        code: 'birth_date_out_of_range',
      });
    }
    if (dto.passportIssuedOn > today) {
      throw badRequest(`passportIssuedOn (${dto.passportIssuedOn}) is in the future`, {
        field: 'passportIssuedOn',
        code: 'issued_in_future',
      });
    }
    if (dto.passportIssuedOn <= dto.birthDate) {
      throw badRequest('passportIssuedOn must be after birthDate', {
        field: 'passportIssuedOn',
        code: 'issued_before_birth',
      });
    }
    const plan = await this.dataSource.transaction(async (m) => {
      const plan = await lockPlan(m, registrationId, event.id);
      if (plan.passportExpiresOn && dto.passportIssuedOn >= plan.passportExpiresOn) {
        throw badRequest('passportIssuedOn must be before the passport expiry date', {
          field: 'passportIssuedOn',
          code: 'issued_after_expiry',
        });
      }
      plan.birthDateEncrypted = this.cipher.seal(dto.birthDate);
      plan.passportIssuedOnEncrypted = this.cipher.seal(dto.passportIssuedOn);
      plan.consulateCountry = dto.consulateCountry;
      plan.consulateCity = dto.consulateCity;
      await m.getRepository(TravelPlan).update(
        { registrationId },
        {
          birthDateEncrypted: plan.birthDateEncrypted,
          passportIssuedOnEncrypted: plan.passportIssuedOnEncrypted,
          consulateCountry: plan.consulateCountry,
          consulateCity: plan.consulateCity,
        },
      );
      const by = isOrganiser ? 'organiser' : 'participant';
      if (
        (plan.visaStatus === null || plan.visaStatus === 'not_required') &&
        canMoveVisa(plan.visaStatus, 'letter_requested', by)
      ) {
        await this.visas.apply(m, event, plan, {
          to: 'letter_requested',
          by: actor.accountId,
          note: 'Letter details given',
        });
      }
      return plan;
    });
    return this.view(registrationId, plan);
  }

  private view(registrationId: string, plan: TravelPlan | null): VisaLetterRequestView {
    const birthDate = plan?.birthDateEncrypted ? this.cipher.open(plan.birthDateEncrypted) : null;
    const passportIssuedOn = plan?.passportIssuedOnEncrypted
      ? this.cipher.open(plan.passportIssuedOnEncrypted)
      : null;
    const consulate =
      plan?.consulateCountry && plan.consulateCity
        ? { country: plan.consulateCountry, city: plan.consulateCity }
        : null;
    return {
      registrationId,
      birthDate,
      passportIssuedOn,
      consulate,
      visaStatus: plan?.visaStatus ?? null,
      complete: !!(
        birthDate &&
        passportIssuedOn &&
        consulate &&
        plan?.passportNationality &&
        plan.passportNumberEncrypted &&
        plan.passportExpiresOn
      ),
    };
  }
}
