import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, toZonedIso } from '#core';
import { EventAccess, requireWritable } from '#events';
import type { PutVisaRulesDto } from './dto/visa.dto.js';
import { EventVisaRules } from './event-visa-rules.entity.js';

export interface VisaRulesView {
  eventId: string;
  /** The event's country, for reference: its own nationals never need a visa. */
  country: string | null;
  visaRequiredFor: string[];
  updatedAt: string | null;
  /** Plans still at not_required whose nationality is now on the list: to look at again. */
  plansToReview: number;
}

/** Which nationalities need a visa for an event: set by its organisers, read by travel plans. */
@Injectable()
export class VisaRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
  ) {}

  async requiredFor(eventId: string, manager?: EntityManager): Promise<string[]> {
    const row = await (manager ?? this.dataSource.manager)
      .getRepository(EventVisaRules)
      .findOneBy({ eventId });
    return row?.visaRequiredFor ?? [];
  }

  async get(actor: Actor, eventId: string): Promise<VisaRulesView> {
    const event = await this.events.requireOrganiser(actor, eventId);
    return this.view(eventId, event.venueCountry, event.timezone);
  }

  async put(actor: Actor, eventId: string, dto: PutVisaRulesDto): Promise<VisaRulesView> {
    const event = await this.events.requireOrganiser(actor, eventId);
    requireWritable(event);
    const codes = [...new Set(dto.visaRequiredFor)].sort();
    await this.dataSource.query(
      `INSERT INTO event_visa_rules (event_id, visa_required_for, updated_by, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (event_id) DO UPDATE
         SET visa_required_for = EXCLUDED.visa_required_for, updated_by = EXCLUDED.updated_by,
             updated_at = now()`,
      [eventId, codes, actor.accountId],
    );
    return this.view(eventId, event.venueCountry, event.timezone);
  }

  private async view(
    eventId: string,
    country: string | null,
    zone: string,
  ): Promise<VisaRulesView> {
    const row = await this.dataSource.getRepository(EventVisaRules).findOneBy({ eventId });
    const required = row?.visaRequiredFor ?? [];
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM travel_plans
        WHERE event_id = $1 AND visa_status = 'not_required' AND passport_nationality = ANY($2::text[])`,
      [eventId, required],
    )) as Array<{ n: number }>;
    return {
      eventId,
      country,
      visaRequiredFor: required,
      updatedAt: row ? toZonedIso(row.updatedAt, zone) : null,
      plansToReview: n,
    };
  }
}
