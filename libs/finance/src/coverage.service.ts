import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, badRequest, conflict, notFound, toZonedIso } from '#core';
import { EventAccess, requireWritable } from '#events';
import { Registration, RegistrationAccess } from '#registrations';
import { effectiveCoverage, type EffectiveCoverage } from './coverage.js';
import { EventCostCoverage, RegistrationCostCoverage } from './coverage.entity.js';
import type { PutCoverageDto, PutCoverageOverrideDto } from './dto/coverage.dto.js';

export interface EventCoverageView extends EffectiveCoverage {
  updatedAt: string | null;
}

/**
 * Who pays what: the event's rule (organisers set it) and each participant's exceptions.
 * `forRegistration` is the read other libs use (the visa letter's "who pays"); it checks
 * nothing, so callers must have checked access to the registration first.
 */
@Injectable()
export class CostCoverageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
    private readonly registrations: RegistrationAccess,
  ) {}

  /** The effective coverage of one registration (no permission check: see the class comment). */
  async forRegistration(
    registrationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EffectiveCoverage> {
    const registration = await manager
      .getRepository(Registration)
      .findOne({ where: { id: registrationId }, select: { id: true, eventId: true } });
    if (!registration) throw notFound('Registration');
    const [event, override] = await Promise.all([
      manager.getRepository(EventCostCoverage).findOneBy({ eventId: registration.eventId }),
      manager.getRepository(RegistrationCostCoverage).findOneBy({ registrationId }),
    ]);
    return effectiveCoverage(registration.eventId, registrationId, event, override);
  }

  /** The effective coverage of many registrations of one event, in two queries. */
  async forEvent(
    eventId: string,
    registrationIds: string[],
  ): Promise<{ event: EventCostCoverage | null; byRegistration: Map<string, EffectiveCoverage> }> {
    const event = await this.dataSource.getRepository(EventCostCoverage).findOneBy({ eventId });
    const overrides = await this.dataSource
      .getRepository(RegistrationCostCoverage)
      .findBy({ eventId });
    const own = new Map(overrides.map((o) => [o.registrationId, o]));
    return {
      event,
      byRegistration: new Map(
        registrationIds.map((id) => [
          id,
          effectiveCoverage(eventId, id, event, own.get(id) ?? null),
        ]),
      ),
    };
  }

  /** GET /events/:id/cost-coverage: organisers only. */
  async getForEvent(actor: Actor, eventId: string): Promise<EventCoverageView> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const row = await this.dataSource.getRepository(EventCostCoverage).findOneBy({ eventId });
    return this.eventView(eventId, row, event.timezone);
  }

  /** PUT /events/:id/cost-coverage */
  async putForEvent(
    actor: Actor,
    eventId: string,
    dto: PutCoverageDto,
  ): Promise<EventCoverageView> {
    const event = await this.events.requireOrganiser(actor, eventId);
    requireWritable(event);
    const row: EventCostCoverage = {
      eventId,
      currency: dto.currency,
      travelPayer: dto.travel,
      visaFeesPayer: dto.visaFees,
      accommodationPayer: dto.accommodation,
      mealsPayer: dto.meals,
      perDiemPayer: dto.perDiem,
      perDiemDailyMinor: dto.perDiemDailyMinor,
      perDiemCurrency: dto.perDiemCurrency,
      updatedBy: actor.accountId,
      updatedAt: new Date(),
    };
    await this.dataSource.getRepository(EventCostCoverage).upsert(row, ['eventId']);
    return this.eventView(eventId, row, event.timezone);
  }

  /** GET /registrations/:id/cost-coverage: the participant and the event's organisers. */
  async getForRegistration(actor: Actor, registrationId: string): Promise<EffectiveCoverage> {
    await this.registrations.load(actor, registrationId);
    return this.forRegistration(registrationId);
  }

  /** PUT /registrations/:id/cost-coverage: organisers set one participant's exceptions. */
  async putForRegistration(
    actor: Actor,
    registrationId: string,
    dto: PutCoverageOverrideDto,
  ): Promise<EffectiveCoverage> {
    const { event } = await this.registrations.loadForOrganiser(actor, registrationId);
    requireWritable(event);
    const eventRow = await this.dataSource
      .getRepository(EventCostCoverage)
      .findOneBy({ eventId: event.id });
    if (!eventRow) {
      throw conflict("Set the event's cost coverage before a participant's exceptions", {
        reason: 'coverage_not_set',
      });
    }
    const repo = this.dataSource.getRepository(RegistrationCostCoverage);
    const current = await repo.findOneBy({ registrationId });
    const pick = <T>(given: T | null | undefined, was: T | null | undefined): T | null =>
      given === undefined ? (was ?? null) : given;
    const row: RegistrationCostCoverage = {
      registrationId,
      eventId: event.id,
      travelPayer: pick(dto.travel, current?.travelPayer),
      visaFeesPayer: pick(dto.visaFees, current?.visaFeesPayer),
      accommodationPayer: pick(dto.accommodation, current?.accommodationPayer),
      mealsPayer: pick(dto.meals, current?.mealsPayer),
      perDiemPayer: pick(dto.perDiem, current?.perDiemPayer),
      perDiemDailyMinor: pick(dto.perDiemDailyMinor, current?.perDiemDailyMinor),
      perDiemDays: pick(dto.perDiemDays, current?.perDiemDays),
      note: pick(dto.note === '' ? null : dto.note, current?.note),
      updatedBy: actor.accountId,
      updatedAt: new Date(),
    };
    if (row.perDiemDailyMinor !== null && !Number.isSafeInteger(row.perDiemDailyMinor)) {
      throw badRequest('perDiemDailyMinor must be a whole number', { field: 'perDiemDailyMinor' });
    }
    await repo.upsert(row, ['registrationId']);
    return effectiveCoverage(event.id, registrationId, eventRow, row);
  }

  private eventView(
    eventId: string,
    row: EventCostCoverage | null,
    zone: string,
  ): EventCoverageView {
    return {
      ...effectiveCoverage(eventId, null, row, null),
      updatedAt: row ? toZonedIso(row.updatedAt, zone) : null,
    };
  }
}
