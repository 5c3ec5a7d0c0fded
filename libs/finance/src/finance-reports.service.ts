import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, type CsvSeparator, writeCsvTable } from '#core';
import { type Event, EventAccess } from '#events';
import type { CostTotals, RegistrationCostsView } from './cost.views.js';
import { Costs } from './costs.service.js';
import { formatMinor } from './money.js';

export interface FinanceGroupRow {
  key: string;
  label: string;
  participants: number;
  networkBearsMinor: number;
  settledMinor: number;
  outstandingMinor: number;
  toReimburseMinor: number;
}

export interface FinanceSummary {
  eventId: string;
  currency: string | null;
  configured: boolean;
  participants: RegistrationCostsView[];
  byOrganisation: FinanceGroupRow[];
  byCountry: FinanceGroupRow[];
  totals: Omit<FinanceGroupRow, 'key' | 'label'>;
  missingRates: string[];
}

/** The organisers' finance view: totals per participant, organisation and country. */
@Injectable()
export class FinanceReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
    private readonly costs: Costs,
  ) {}

  /** `items: false`: each participant's totals without their cost lines (see Costs.viewsOf). */
  async summary(
    actor: Actor,
    eventId: string,
    options: { items?: boolean } = {},
  ): Promise<FinanceSummary> {
    const event = await this.events.requireOrganiser(actor, eventId);
    return this.summaryOf(event, options);
  }

  async summaryOf(event: Event, options: { items?: boolean } = {}): Promise<FinanceSummary> {
    // Everyone confirmed, and anyone else who already has a cost on record. The costs are
    // the event's own (cost_items_event_idx): asked per registration, under the OR the
    // planner hashed every cost item of the network.
    const ids = (
      (await this.dataSource.query(
        `SELECT r.id FROM registrations r JOIN accounts a ON a.id = r.account_id
          WHERE r.event_id = $1
            AND (r.status = 'confirmed'
                 OR r.id IN (SELECT c.registration_id FROM cost_items c WHERE c.event_id = $1))
          ORDER BY a.name, r.id`,
        [event.id],
      )) as Array<{ id: string }>
    ).map((r) => r.id);
    const participants = await this.costs.viewsOf(event, ids, { items: options.items });
    const group = (keyOf: (p: RegistrationCostsView) => string) => {
      const rows = new Map<string, FinanceGroupRow>();
      for (const p of participants) {
        const key = keyOf(p);
        const row = rows.get(key) ?? { key, label: key, ...zero() };
        add(row, p.totals);
        rows.set(key, row);
      }
      return [...rows.values()].sort(
        (a, b) => b.networkBearsMinor - a.networkBearsMinor || a.label.localeCompare(b.label),
      );
    };
    const totals = zero();
    for (const p of participants) add(totals, p.totals);
    const currency = participants[0]?.coverage.currency ?? null;
    return {
      eventId: event.id,
      currency,
      configured: participants[0]?.coverage.configured ?? false,
      participants,
      byOrganisation: group((p) => p.participant.organisation),
      byCountry: group((p) => p.participant.country),
      totals,
      missingRates: [...new Set(participants.flatMap((p) => p.totals.missingRates))].sort(),
    };
  }

  /** GET /events/:id/finance?format=csv: one row per participant, amounts as decimals. */
  async csv(actor: Actor, eventId: string, separator: CsvSeparator): Promise<string> {
    const summary = await this.summary(actor, eventId, { items: false });
    const cur = summary.currency ?? 'EUR';
    const money = (n: number) => formatMinor(n, cur);
    return writeCsvTable<RegistrationCostsView>(
      [
        ['participant', (p) => p.participant.name],
        ['organisation', (p) => p.participant.organisation],
        ['country', (p) => p.participant.country],
        ['nights', (p) => p.stay.nights],
        ['per_diem_days', (p) => p.perDiem.days],
        ['currency', () => summary.currency],
        ['network_bears', (p) => money(p.totals.networkBearsMinor)],
        ['settled', (p) => money(p.totals.settledMinor)],
        ['outstanding', (p) => money(p.totals.outstandingMinor)],
        ['to_reimburse_participant', (p) => money(p.totals.toReimburseMinor)],
        ['missing_rates', (p) => p.totals.missingRates.join(' ')],
      ],
      summary.participants,
      { separator },
    );
  }
}

function zero(): Omit<FinanceGroupRow, 'key' | 'label'> {
  return {
    participants: 0,
    networkBearsMinor: 0,
    settledMinor: 0,
    outstandingMinor: 0,
    toReimburseMinor: 0,
  };
}

function add(row: Omit<FinanceGroupRow, 'key' | 'label'>, t: CostTotals): void {
  row.participants += 1;
  row.networkBearsMinor += t.networkBearsMinor;
  row.settledMinor += t.settledMinor;
  row.outstandingMinor += t.outstandingMinor;
  row.toReimburseMinor += t.toReimburseMinor;
}
