import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Stays } from '#accommodation';
import { CostCoverageService, type Payer } from '#finance';
import { SettingsLetterData } from './letter-settings.service.js';
import {
  COVERAGE_ITEMS,
  type CoverageItem,
  type CoveragePayer,
  type LetterCoverage,
  type LetterDataSource,
  type LetterStay,
} from './visa-letter-sources.js';

const PAYER: Record<Payer, CoveragePayer> = {
  network: 'organisers',
  partner: 'sending_organisation',
  participant: 'participant',
};

/**
 * Who pays and where the participant stays, per participant: the finance lib's coverage
 * (the event's rule with this participant's exceptions) and the accommodation lib's stay
 * (hotel and nights). Where those are not set up for the event (no coverage saved, no
 * hotel), the letter settings' own event-wide statement is used.
 */
@Injectable()
export class DomainLetterData implements LetterDataSource {
  constructor(
    private readonly finance: CostCoverageService,
    private readonly stays: Stays,
    private readonly fallback: SettingsLetterData,
  ) {}

  async coverage(
    m: EntityManager,
    eventId: string,
    registrationId: string,
  ): Promise<LetterCoverage | null> {
    const coverage = await this.finance.forRegistration(registrationId, m);
    if (!coverage.configured) return this.fallback.coverage(m, eventId);
    const items: Partial<Record<CoverageItem, CoveragePayer>> = {};
    for (const item of COVERAGE_ITEMS) {
      const payer = coverage[item].payer;
      if (payer) items[item] = PAYER[payer];
    }
    return Object.keys(items).length > 0 ? { items } : null;
  }

  async stay(
    m: EntityManager,
    eventId: string,
    registrationId: string,
  ): Promise<LetterStay | null> {
    const stay = await this.stays.stayFor(registrationId);
    if (!stay) return this.fallback.stay(m, eventId);
    return {
      name: stay.hotelName,
      address: stay.address,
      city: stay.city,
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
    };
  }
}
