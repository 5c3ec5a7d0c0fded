import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Raw } from 'typeorm';
import { type Actor, conflict, groupBy, notFound, toZonedIso } from '#core';
import { loadGuests } from '#accommodation';
import { type Event, requireWritable } from '#events';
import { type LoadedRegistration, RegistrationAccess } from '#registrations';
import { CostItem, CostReceipt, CostStatusChange } from './cost-item.entity.js';
import { checkStatusMove, perDiemAmount, perDiemDaysFor } from './cost-rules.js';
import { costTotals, ratesFrom, type Rates, toEventCurrency } from './cost-totals.js';
import type { CostItemView, RegistrationCostsView } from './cost.views.js';
import type { EffectiveCoverage } from './coverage.js';
import { EventCurrencyRate } from './coverage.entity.js';
import { CostCoverageService } from './coverage.service.js';
import type { CreateCostItemDto, MoveCostStatusDto, UpdateCostItemDto } from './dto/cost.dto.js';
import { PART_OF_KIND, type Payer } from './payers.js';

/** The stay dates costs count nights and per diem days from. */
export interface StayDatesOf {
  checkIn: string;
  checkOut: string;
  nights: number;
  source: string;
}

/**
 * Each participant's costs: lines, status moves (with history), the per diem. The
 * participant reads their own; only the event's organisers read others' or change any.
 */
@Injectable()
export class Costs {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RegistrationAccess,
    private readonly coverage: CostCoverageService,
  ) {}

  /** GET /registrations/:id/costs */
  async get(actor: Actor, registrationId: string): Promise<RegistrationCostsView> {
    return this.viewOf(await this.access.load(actor, registrationId));
  }

  /** POST /registrations/:id/costs (organisers) */
  async add(actor: Actor, registrationId: string, dto: CreateCostItemDto): Promise<CostItemView> {
    const loaded = await this.access.loadForOrganiser(actor, registrationId);
    requireWritable(loaded.event);
    const coverage = await this.coverage.forRegistration(registrationId);
    const payer = dto.payer ?? defaultPayer(coverage, dto.kind);
    const now = new Date();
    const item = await this.dataSource.transaction(async (m) => {
      const saved = await m.getRepository(CostItem).save({
        registrationId,
        eventId: loaded.event.id,
        kind: dto.kind,
        description: dto.description || null,
        amountMinor: dto.amountMinor,
        currency: dto.currency,
        payer,
        advancedBy: dto.advancedBy ?? payer,
        status: 'to_pay',
        statusChangedAt: now,
        statusChangedBy: actor.accountId,
        createdBy: actor.accountId,
        createdAt: now,
      });
      await m.getRepository(CostStatusChange).insert({
        costItemId: saved.id,
        registrationId,
        eventId: loaded.event.id,
        fromStatus: null,
        toStatus: 'to_pay',
        changedBy: actor.accountId,
        note: null,
        changedAt: now,
      });
      return saved;
    });
    return this.itemView(item.id, loaded.event);
  }

  /** PATCH /cost-items/:itemId (organisers) */
  async update(actor: Actor, itemId: string, dto: UpdateCostItemDto): Promise<CostItemView> {
    const { item, loaded } = await this.loadItemForOrganiser(actor, itemId);
    requireWritable(loaded.event);
    const next = {
      kind: dto.kind ?? item.kind,
      description: dto.description === undefined ? item.description : dto.description || null,
      amountMinor: dto.amountMinor ?? item.amountMinor,
      currency: dto.currency ?? item.currency,
      payer: dto.payer ?? item.payer,
      advancedBy: dto.advancedBy ?? item.advancedBy,
    };
    if (item.status !== 'to_pay') {
      const money =
        next.amountMinor !== item.amountMinor ||
        next.currency !== item.currency ||
        next.payer !== item.payer ||
        next.advancedBy !== item.advancedBy;
      if (money) {
        throw conflict(`This cost is already ${item.status}: move it back to to_pay to change it`, {
          reason: 'cost_settled',
          status: item.status,
        });
      }
    }
    await this.dataSource.getRepository(CostItem).update({ id: itemId }, next);
    return this.itemView(itemId, loaded.event);
  }

  /** DELETE /cost-items/:itemId (organisers): only lines still to pay. */
  async remove(actor: Actor, itemId: string): Promise<{ storageKeys: string[] }> {
    const { item, loaded } = await this.loadItemForOrganiser(actor, itemId);
    requireWritable(loaded.event);
    if (item.status !== 'to_pay') {
      throw conflict(`This cost is already ${item.status}: it stays on record`, {
        reason: 'cost_settled',
        status: item.status,
      });
    }
    const receipts = await this.dataSource
      .getRepository(CostReceipt)
      .findBy({ costItemId: itemId });
    await this.dataSource.getRepository(CostItem).delete({ id: itemId });
    return { storageKeys: receipts.map((r) => r.storageKey) };
  }

  /** POST /cost-items/:itemId/status (organisers): who moved it and when is recorded. */
  async move(actor: Actor, itemId: string, dto: MoveCostStatusDto): Promise<CostItemView> {
    const { loaded } = await this.loadItemForOrganiser(actor, itemId);
    requireWritable(loaded.event);
    await this.dataSource.transaction(async (m) => {
      const item = await m
        .getRepository(CostItem)
        .findOne({ where: { id: itemId }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw notFound('Cost');
      if (item.status === dto.status) return;
      checkStatusMove(item, dto.status);
      const now = new Date();
      await m
        .getRepository(CostItem)
        .update(
          { id: itemId },
          { status: dto.status, statusChangedAt: now, statusChangedBy: actor.accountId },
        );
      await m.getRepository(CostStatusChange).insert({
        costItemId: itemId,
        registrationId: item.registrationId,
        eventId: item.eventId,
        fromStatus: item.status,
        toStatus: dto.status,
        changedBy: actor.accountId,
        note: dto.note || null,
        changedAt: now,
      });
    });
    return this.itemView(itemId, loaded.event);
  }

  /**
   * POST /registrations/:id/costs/per-diem (organisers): the per diem as a line of its own,
   * so it can be marked paid; recomputed from the dates while still to pay.
   */
  async recordPerDiem(actor: Actor, registrationId: string): Promise<CostItemView> {
    const loaded = await this.access.loadForOrganiser(actor, registrationId);
    requireWritable(loaded.event);
    const view = await this.viewOf(loaded);
    const { perDiem } = view;
    if (perDiem.payer !== 'network' || !perDiem.currency || perDiem.amountMinor <= 0) {
      throw conflict('The network pays no per diem to this participant', {
        reason: 'no_per_diem',
      });
    }
    if (perDiem.itemId) {
      const item = await this.dataSource
        .getRepository(CostItem)
        .findOneByOrFail({ id: perDiem.itemId });
      if (item.status === 'to_pay') {
        await this.dataSource
          .getRepository(CostItem)
          .update(
            { id: item.id },
            { amountMinor: perDiem.amountMinor, currency: perDiem.currency },
          );
      }
      return this.itemView(item.id, loaded.event);
    }
    return this.add(actor, registrationId, {
      kind: 'per_diem',
      amountMinor: perDiem.amountMinor,
      currency: perDiem.currency,
      payer: 'network',
      advancedBy: 'network',
    });
  }

  /** The item and its registration, for an organiser; anyone else gets 404 (or 403 if owner). */
  async loadItemForOrganiser(actor: Actor, itemId: string) {
    const item = await this.dataSource.getRepository(CostItem).findOneBy({ id: itemId });
    if (!item) throw notFound('Cost');
    const loaded = await this.loadItemRegistration(actor, item.registrationId);
    if (!loaded.isOrganiser) throw notFound('Cost');
    return { item, loaded };
  }

  /** The registration of an item for anyone who may read it (owner or organiser), else 404. */
  async loadItemRegistration(actor: Actor, registrationId: string): Promise<LoadedRegistration> {
    try {
      return await this.access.load(actor, registrationId);
    } catch {
      throw notFound('Cost');
    }
  }

  async rates(eventId: string, m: EntityManager = this.dataSource.manager): Promise<Rates> {
    return ratesFrom(await m.getRepository(EventCurrencyRate).findBy({ eventId }));
  }

  /** Stay dates of many registrations: H4's (flights, organiser's dates) else the event's. */
  async stayDates(event: Event, registrationIds: string[]): Promise<Map<string, StayDatesOf>> {
    const out = new Map<string, StayDatesOf>();
    const guests =
      registrationIds.length === 1
        ? await loadGuests(this.dataSource.manager, event.id, registrationIds[0])
        : await loadGuests(this.dataSource.manager, event.id);
    for (const g of guests) {
      out.set(g.registrationId, {
        checkIn: g.checkIn,
        checkOut: g.checkOut,
        nights: g.nights.length,
        source: g.source,
      });
    }
    const eventNights = Math.max(
      1,
      Math.round((Date.parse(event.endDate) - Date.parse(event.startDate)) / 86_400_000),
    );
    for (const id of registrationIds) {
      if (!out.has(id)) {
        out.set(id, {
          checkIn: event.startDate,
          checkOut: event.endDate,
          nights: eventNights,
          source: 'event',
        });
      }
    }
    return out;
  }

  /** Views of many registrations of one event in a handful of queries (the finance page). */
  /**
   * The costs of many registrations of an event. `history` adds each line's status
   * changes; `items: false` leaves each person's lines out of the view (`items` empty; their
   * totals still count them), for the report's page and CSV, which show totals only: at 850
   * people the 2,550 line views, their receipts and dates were a fifth of the page's work.
   */
  async viewsOf(
    event: Event,
    registrationIds: string[],
    { history: withHistory = false, items: withItems = true } = {},
  ): Promise<RegistrationCostsView[]> {
    if (registrationIds.length === 0) return [];
    // Every read is the event's own: by the event's id (each table has an index on it) or
    // by the ids of the event's cost lines. By the registration ids alone the planner
    // scanned every meeting's costs, receipts and registrations for a whole event.
    // The lines as entities, read in one plain statement: the ORM's IN list bound one
    // parameter per person (850 for the finance report) and hydrated 2,550 entities
    // column by column.
    const itemsRead = this.dataSource.query(
      `SELECT id, registration_id AS "registrationId", event_id AS "eventId", kind, description,
              amount_minor::float8 AS "amountMinor", currency, payer, advanced_by AS "advancedBy",
              status, status_changed_at AS "statusChangedAt",
              status_changed_by AS "statusChangedBy", created_by AS "createdBy",
              created_at AS "createdAt"
         FROM cost_items WHERE event_id = $1 AND registration_id = ANY($2::uuid[])
        ORDER BY created_at, id`,
      [event.id, registrationIds],
    ) as Promise<CostItem[]>;
    const [people, items, [receipts, history], rates, stays, coverage] = await Promise.all([
      this.dataSource.query(
        `SELECT r.id, a.name, o.name AS organisation, o.country
           FROM registrations r JOIN accounts a ON a.id = r.account_id
           JOIN organisations o ON o.id = r.organisation_id
          WHERE r.event_id = $1 AND r.id = ANY($2::uuid[])`,
        [event.id, registrationIds],
      ) as Promise<Array<{ id: string; name: string; organisation: string; country: string }>>,
      itemsRead,
      withItems
        ? itemsRead.then((list) => this.receiptsAndHistory(event.id, list, withHistory))
        : ([[], []] as [CostReceipt[], HistoryRow[]]),
      this.rates(event.id),
      this.stayDates(event, registrationIds),
      this.coverage.forEvent(event.id, registrationIds),
    ]);
    const names = withItems ? await this.namesOf(items.map((i) => i.statusChangedBy)) : new Map();
    const zone = event.timezone;
    const byPerson = new Map(people.map((p) => [p.id, p]));
    const itemsOf = groupBy(items, (i) => i.registrationId);
    const receiptsOf = groupBy(receipts, (r) => r.costItemId);
    const historyOf = groupBy(history, (h) => h.cost_item_id);
    return registrationIds.map((id) => {
      const cov = coverage.byRegistration.get(id)!;
      const stay = stays.get(id)!;
      const own = itemsOf.get(id) ?? [];
      const perDiemItem = own.find((i) => i.kind === 'per_diem') ?? null;
      const days = cov.perDiem.days ?? perDiemDaysFor(stay.nights);
      const dailyMinor = cov.perDiem.dailyMinor ?? 0;
      const amountMinor = cov.perDiem.payer === 'network' ? perDiemAmount(days, dailyMinor) : 0;
      const eventCurrency = cov.currency;
      const itemViews = (withItems ? own : []).map((i) =>
        toItemView(
          i,
          eventCurrency,
          rates,
          zone,
          names,
          receiptsOf.get(i.id) ?? [],
          historyOf.get(i.id) ?? [],
        ),
      );
      const p = byPerson.get(id);
      return {
        registrationId: id,
        eventId: event.id,
        participant: {
          name: p?.name ?? '',
          organisation: p?.organisation ?? '',
          country: p?.country ?? '',
        },
        coverage: cov,
        stay,
        perDiem: {
          payer: cov.perDiem.payer,
          days,
          daysSetByHand: cov.perDiem.days !== null,
          dailyMinor,
          currency: cov.perDiem.currency,
          amountMinor,
          itemId: perDiemItem?.id ?? null,
        },
        items: itemViews,
        totals: costTotals(
          own,
          perDiemItem || !cov.perDiem.currency
            ? null
            : { amountMinor, currency: cov.perDiem.currency },
          eventCurrency,
          rates,
        ),
      };
    });
  }

  /** The costs of a registration whose access the caller has already checked. */
  async viewOf({ registration, event }: LoadedRegistration): Promise<RegistrationCostsView> {
    const [view] = await this.viewsOf(event, [registration.id], { history: true });
    return view;
  }

  private async itemView(itemId: string, event: Event): Promise<CostItemView> {
    const item = await this.dataSource.getRepository(CostItem).findOneByOrFail({ id: itemId });
    const [view] = await this.viewsOf(event, [item.registrationId], { history: true });
    return view.items.find((i) => i.id === itemId)!;
  }

  /**
   * The receipts and, when asked, the status changes of these cost lines of the event,
   * through the lines' ids (cost_receipts_item_idx, cost_status_changes_item_idx); receipts
   * also by the event's id (cost_receipts_event_idx), which the plan takes for a whole event.
   * Status changes have no event index: the history is read for one registration at a time.
   */
  private async receiptsAndHistory(
    eventId: string,
    items: CostItem[],
    withHistory: boolean,
  ): Promise<[CostReceipt[], HistoryRow[]]> {
    if (items.length === 0) return [[], []];
    const itemIds = items.map((i) => i.id);
    const [receipts, history] = await Promise.all([
      this.dataSource.getRepository(CostReceipt).find({
        where: {
          eventId,
          costItemId: Raw((column) => `${column} = ANY(:itemIds::uuid[])`, { itemIds }),
        },
        order: { uploadedAt: 'ASC' },
      }),
      withHistory
        ? (this.dataSource.query(
            `SELECT c.cost_item_id, c.from_status, c.to_status, c.changed_at, c.note, a.name
               FROM cost_status_changes c LEFT JOIN accounts a ON a.id = c.changed_by
              WHERE c.cost_item_id = ANY($1::uuid[]) ORDER BY c.changed_at, c.id`,
            [itemIds],
          ) as Promise<HistoryRow[]>)
        : ([] as HistoryRow[]),
    ]);
    return [receipts, history];
  }

  private async namesOf(ids: Array<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((i): i is string => !!i))];
    if (wanted.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT id, name FROM accounts WHERE id = ANY($1::uuid[])`,
      [wanted],
    )) as Array<{ id: string; name: string }>;
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

interface HistoryRow {
  cost_item_id: string;
  from_status: CostItem['status'] | null;
  to_status: CostItem['status'];
  changed_at: Date;
  note: string | null;
  name: string | null;
}

function toItemView(
  i: CostItem,
  eventCurrency: string | null,
  rates: Rates,
  zone: string,
  names: Map<string, string>,
  /** This item's own receipts and status changes. */
  receipts: CostReceipt[],
  history: HistoryRow[],
): CostItemView {
  return {
    id: i.id,
    kind: i.kind,
    description: i.description,
    amountMinor: i.amountMinor,
    currency: i.currency,
    eventAmountMinor: toEventCurrency(i.amountMinor, i.currency, eventCurrency, rates),
    payer: i.payer,
    advancedBy: i.advancedBy,
    status: i.payer === 'network' ? i.status : null,
    statusChangedAt: toZonedIso(i.statusChangedAt, zone),
    statusChangedBy: i.statusChangedBy ? (names.get(i.statusChangedBy) ?? null) : null,
    receipts: receipts.map((r) => ({
      id: r.id,
      fileName: r.fileName,
      contentType: r.contentType,
      sizeBytes: r.sizeBytes,
      uploadedAt: toZonedIso(r.uploadedAt, zone),
    })),
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      changedAt: toZonedIso(new Date(h.changed_at), zone),
      changedBy: h.name,
      note: h.note,
    })),
  };
}

/** The coverage's payer for a kind of cost; "other" costs follow travel's payer. */
export function defaultPayer(coverage: EffectiveCoverage, kind: CreateCostItemDto['kind']): Payer {
  const part = PART_OF_KIND[kind];
  return (part ? coverage[part].payer : coverage.travel.payer) ?? 'network';
}
