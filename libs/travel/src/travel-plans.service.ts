import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, badRequest, conflict, localDateOf, toZonedIso, instantField } from '#core';
import { requireWritable } from '#events';
import { LIVE_STATUSES, type LoadedRegistration, RegistrationAccess } from '#registrations';
import { Arrivals } from './arrivals.service.js';
import type { ArrivalDto, DepartureDto, PutTravelPlanDto } from './dto/travel-plan.dto.js';
import { maskPassportNumber, passportWarnings } from './passport.js';
import { PassportCipher } from './passport-cipher.js';
import { lockPlan } from './plan-rows.js';
import { TravelPlan } from './travel-plan.entity.js';
import { legView, type TravelPlanView } from './travel-plan.view.js';
import { defaultVisaStatus } from './visa-rules.js';
import { VisaRulesService } from './visa-rules.service.js';
import { VisaStatuses } from './visa-statuses.service.js';

interface LegValues {
  flight: string;
  airport: string;
  at: Date;
  timezone: string | null;
}

/** GET and PUT /registrations/:id/travel: the owner and the event's organisers. */
@Injectable()
export class TravelPlans {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RegistrationAccess,
    private readonly cipher: PassportCipher,
    private readonly rules: VisaRulesService,
    private readonly visas: VisaStatuses,
    private readonly arrivals: Arrivals,
  ) {}

  async get(actor: Actor, registrationId: string): Promise<TravelPlanView> {
    return this.viewOf(await this.access.load(actor, registrationId));
  }

  async put(
    actor: Actor,
    registrationId: string,
    dto: PutTravelPlanDto,
    now = new Date(),
  ): Promise<TravelPlanView> {
    const loaded = await this.access.load(actor, registrationId);
    const { registration, event } = loaded;
    requireWritable(event);
    if (!LIVE_STATUSES.includes(registration.status)) {
      throw conflict(`A ${registration.status} registration has no travel to plan`, {
        status: registration.status,
      });
    }
    if (event.personalDataErasedAt) {
      throw conflict("This event is over and its participants' personal data has been erased");
    }
    const expiresOn = dto.passport?.expiresOn;
    if (expiresOn && expiresOn < localDateOf(now, event.timezone)) {
      throw badRequest(`passport.expiresOn (${expiresOn}) is in the past`, {
        field: 'passport.expiresOn',
      });
    }
    const arrival = dto.arrival && legValues('arrival', dto.arrival, event.timezone);
    const departure = dto.departure && legValues('departure', dto.departure, event.timezone);

    await this.dataSource.transaction(async (m) => {
      const plan = await lockPlan(m, registrationId, event.id);
      const previousNationality = plan.passportNationality;
      if (dto.passport === null) {
        Object.assign(plan, {
          passportNationality: null,
          passportNumberEncrypted: null,
          passportExpiresOn: null,
        });
      } else if (dto.passport) {
        plan.passportNationality = dto.passport.nationality;
        if (dto.passport.number !== undefined) {
          plan.passportNumberEncrypted = this.cipher.seal(dto.passport.number);
        }
        if (dto.passport.expiresOn !== undefined) plan.passportExpiresOn = dto.passport.expiresOn;
      }
      if (arrival !== undefined) setLeg(plan, 'arrival', arrival);
      if (departure !== undefined) setLeg(plan, 'departure', departure);
      if (plan.arrivalAt && plan.departureAt && plan.departureAt <= plan.arrivalAt) {
        throw badRequest('departure.at must be after arrival.at', { field: 'departure.at' });
      }
      await m.getRepository(TravelPlan).update(
        { registrationId },
        {
          passportNationality: plan.passportNationality,
          passportNumberEncrypted: plan.passportNumberEncrypted,
          passportExpiresOn: plan.passportExpiresOn,
          arrivalFlight: plan.arrivalFlight,
          arrivalAirport: plan.arrivalAirport,
          arrivalAt: plan.arrivalAt,
          arrivalTimezone: plan.arrivalTimezone,
          departureFlight: plan.departureFlight,
          departureAirport: plan.departureAirport,
          departureAt: plan.departureAt,
          departureTimezone: plan.departureTimezone,
        },
      );

      // The event's visa rules decide where a new passport starts; people move it after.
      const nationality = plan.passportNationality;
      if (!nationality) return;
      const required = await this.rules.requiredFor(event.id, m);
      if (plan.visaStatus === null) {
        await this.visas.apply(m, event, plan, {
          to: defaultVisaStatus(nationality, required),
          by: actor.accountId,
          note: "From the event's visa rules",
        });
      } else if (
        nationality !== previousNationality &&
        plan.visaStatus === 'not_required' &&
        required.includes(nationality)
      ) {
        await this.visas.apply(m, event, plan, {
          to: 'letter_requested',
          by: actor.accountId,
          note: `A ${nationality} passport needs a visa for this event`,
        });
      }
    });
    return this.viewOf(loaded);
  }

  /** The plan of a registration whose access the caller has already checked (`access.load`). */
  async viewOf({ registration, event, isOwner }: LoadedRegistration): Promise<TravelPlanView> {
    const zone = event.timezone;
    const plan = await this.dataSource
      .getRepository(TravelPlan)
      .findOneBy({ registrationId: registration.id });
    const required = plan?.passportNationality ? await this.rules.requiredFor(event.id) : [];
    const number = plan?.passportNumberEncrypted
      ? this.cipher.open(plan.passportNumberEncrypted)
      : null;
    const hasPassport = !!(plan?.passportNationality || number || plan?.passportExpiresOn);
    return {
      registrationId: registration.id,
      eventId: event.id,
      passport: hasPassport
        ? {
            nationality: plan!.passportNationality,
            number: number && (isOwner ? number : maskPassportNumber(number)),
            numberMasked: !!number && !isOwner,
            expiresOn: plan!.passportExpiresOn,
          }
        : null,
      visa: {
        required: plan?.passportNationality ? required.includes(plan.passportNationality) : null,
        status: plan?.visaStatus ?? null,
        statusChangedAt: plan?.visaStatusChangedAt
          ? toZonedIso(plan.visaStatusChangedAt, zone)
          : null,
        letterIssuedAt: plan?.letterIssuedAt ? toZonedIso(plan.letterIssuedAt, zone) : null,
        history: plan ? await this.visas.history(registration.id, zone) : [],
      },
      arrival: plan
        ? legView(
            plan.arrivalFlight,
            plan.arrivalAirport,
            plan.arrivalAt,
            plan.arrivalTimezone,
            zone,
          )
        : null,
      departure: plan
        ? legView(
            plan.departureFlight,
            plan.departureAirport,
            plan.departureAt,
            plan.departureTimezone,
            zone,
          )
        : null,
      pickupGroup:
        plan?.arrivalAt && registration.status === 'confirmed'
          ? await this.arrivals.groupOf(event.id, registration.id, plan.arrivalAirport, zone)
          : null,
      warnings: passportWarnings(plan?.passportExpiresOn ?? null, event.endDate),
      updatedAt: plan ? toZonedIso(plan.updatedAt, zone) : null,
    };
  }
}

/** Wall-clock input is read in the airport's zone when given, else the event's. */
function legValues(
  leg: 'arrival' | 'departure',
  dto: ArrivalDto | DepartureDto,
  eventZone: string,
): LegValues {
  const at = instantField(`${leg}.at`, dto.at, dto.airportTimezone ?? eventZone);
  return {
    flight: dto.flightNumber,
    airport: dto.airport,
    at,
    timezone: dto.airportTimezone ?? null,
  };
}

function setLeg(plan: TravelPlan, leg: 'arrival' | 'departure', v: LegValues | null): void {
  if (leg === 'arrival') {
    plan.arrivalFlight = v?.flight ?? null;
    plan.arrivalAirport = v?.airport ?? null;
    plan.arrivalAt = v?.at ?? null;
    plan.arrivalTimezone = v?.timezone ?? null;
  } else {
    plan.departureFlight = v?.flight ?? null;
    plan.departureAirport = v?.airport ?? null;
    plan.departureAt = v?.at ?? null;
    plan.departureTimezone = v?.timezone ?? null;
  }
}
