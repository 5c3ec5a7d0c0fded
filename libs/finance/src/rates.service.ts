import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, badRequest, notFound, toZonedIso } from '#core';
import { EventAccess, requireWritable } from '#events';
import { EventCurrencyRate } from './coverage.entity.js';
import { isCurrencyCode, parseRate, rateText } from './money.js';

export interface RateView {
  currency: string;
  /** Units of the event's currency for one unit of `currency`, as decimal text. */
  rate: string;
  updatedAt: string;
}

/** The exchange rates an organiser records for an event (no live rates: the books use these). */
@Injectable()
export class CurrencyRates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
  ) {}

  async list(actor: Actor, eventId: string): Promise<RateView[]> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const rows = await this.dataSource
      .getRepository(EventCurrencyRate)
      .find({ where: { eventId }, order: { currency: 'ASC' } });
    return rows.map((r) => view(r, event.timezone));
  }

  async put(actor: Actor, eventId: string, currency: string, rateInput: string): Promise<RateView> {
    const event = await this.events.requireOrganiser(actor, eventId);
    requireWritable(event);
    if (!isCurrencyCode(currency)) {
      throw badRequest('currency must be an ISO 4217 currency code such as MAD', {
        field: 'currency',
        code: 'currency',
      });
    }
    const rate = parseRate(rateInput);
    if (rate === null) {
      throw badRequest('rate must be a positive decimal number such as 0.0925', {
        field: 'rate',
        code: 'rate',
      });
    }
    const row = {
      eventId,
      currency,
      rate: rateText(rate),
      updatedBy: actor.accountId,
      updatedAt: new Date(),
    };
    await this.dataSource.getRepository(EventCurrencyRate).upsert(row, ['eventId', 'currency']);
    return view(row, event.timezone);
  }

  async remove(actor: Actor, eventId: string, currency: string): Promise<void> {
    const event = await this.events.requireOrganiser(actor, eventId);
    requireWritable(event);
    const res = await this.dataSource
      .getRepository(EventCurrencyRate)
      .delete({ eventId, currency: isCurrencyCode(currency) ? currency : 'XXX' });
    if (!res.affected) throw notFound('Rate');
  }
}

function view(
  r: Pick<EventCurrencyRate, 'currency' | 'rate' | 'updatedAt'>,
  zone: string,
): RateView {
  return {
    currency: r.currency.trim(),
    rate: rateText(parseRate(String(r.rate)) ?? 0n),
    updatedAt: toZonedIso(r.updatedAt, zone),
  };
}
