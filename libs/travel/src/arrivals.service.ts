import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { type Actor, localDateOf, toZonedIso } from '#core';
import { EventAccess } from '#events';
import type { ArrivalsQueryDto } from './dto/visa.dto.js';
import { groupArrivals, PICKUP_WINDOW_MINUTES } from './pickup-groups.js';
import type { PickupGroupRef } from './travel-plan.view.js';

interface ArrivalRow {
  registration_id: string;
  account_name: string;
  organisation_name: string;
  organisation_country: string;
  phone: string | null;
  flight: string;
  airport: string;
  at: Date;
}

interface Arrival {
  registrationId: string;
  name: string;
  organisation: string;
  country: string;
  phone: string | null;
  flightNumber: string;
  airport: string;
  at: Date;
}

export interface ArrivalView {
  registrationId: string;
  name: string;
  organisation: string;
  country: string;
  phone: string | null;
  flightNumber: string;
  airport: string;
  /** In the event's zone, with its offset. */
  at: string;
}

export interface PickupGroupView {
  id: string;
  airport: string;
  /** The day of the first arrival, in the event's zone. */
  date: string;
  firstArrivalAt: string;
  lastArrivalAt: string;
  size: number;
  arrivals: ArrivalView[];
}

export interface ArrivalsView {
  eventId: string;
  timezone: string;
  windowMinutes: number;
  groups: PickupGroupView[];
  /** Confirmed participants who have not given an arrival flight yet. */
  withoutArrival: Array<{ registrationId: string; name: string; organisation: string }>;
  /** Confirmed departures in time order (the same fields as arrivals; no pick-up groups). */
  departures: ArrivalView[];
}

/**
 * Who lands where and when, for the airport team: confirmed participants' arrival
 * flights in pick-up groups (same airport, within 90 minutes of the group's first
 * arrival), in the event's zone. Names, flights and phones; never passports.
 */
@Injectable()
export class Arrivals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
  ) {}

  async list(actor: Actor, eventId: string, query: ArrivalsQueryDto): Promise<ArrivalsView> {
    const event = await this.events.requireStaffRole(actor, eventId, ['host']);
    const zone = event.timezone;
    const groups = groupArrivals(await this.arrivals(eventId, query.airport));
    const departures = await this.legs('departure', eventId, query.airport);
    const missing = (await this.dataSource.query(
      `SELECT r.id, a.name, o.name AS organisation_name
         FROM registrations r JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id
         LEFT JOIN travel_plans tp ON tp.registration_id = r.id
        WHERE r.event_id = $1 AND r.status = 'confirmed' AND tp.arrival_at IS NULL
        ORDER BY a.name, r.id`,
      [eventId],
    )) as Array<{ id: string; name: string; organisation_name: string }>;
    return {
      eventId,
      timezone: zone,
      windowMinutes: PICKUP_WINDOW_MINUTES,
      groups: groups.map((g) => ({
        id: g.id,
        airport: g.airport,
        date: localDateOf(g.firstAt, zone),
        firstArrivalAt: toZonedIso(g.firstAt, zone),
        lastArrivalAt: toZonedIso(g.lastAt, zone),
        size: g.members.length,
        arrivals: g.members.map((m) => ({ ...m, at: toZonedIso(m.at, zone) })),
      })),
      withoutArrival: missing.map((r) => ({
        registrationId: r.id,
        name: r.name,
        organisation: r.organisation_name,
      })),
      departures: departures.map((d) => ({ ...d, at: toZonedIso(d.at, zone) })),
    };
  }

  /** The airport team's sheet, with a BOM so spreadsheet programs read UTF-8. */
  async csv(
    actor: Actor,
    eventId: string,
    query: ArrivalsQueryDto,
  ): Promise<{ filename: string; body: string }> {
    const event = await this.events.requireStaffRole(actor, eventId, ['host']);
    const zone = event.timezone;
    const rows = groupArrivals(await this.arrivals(eventId, query.airport)).flatMap((g) =>
      g.members.map((m) => {
        const local = toZonedIso(m.at, zone);
        return [
          g.id,
          m.airport,
          local.slice(0, 10),
          local.slice(11, 16),
          m.flightNumber,
          m.name,
          m.organisation,
          m.country,
          m.phone ?? '',
        ];
      }),
    );
    const body = stringify(rows, {
      header: true,
      columns: [
        'Pick-up group',
        'Airport',
        'Arrival date',
        `Arrival time (${zone})`,
        'Flight',
        'Name',
        'Organisation',
        'Country',
        'Phone',
      ],
      record_delimiter: 'windows',
      quoted_string: false,
    });
    return { filename: `${event.slug}-arrivals.csv`, body: `\uFEFF${body}` };
  }

  /** The pick-up group of one confirmed registration, derived from everyone's arrivals. */
  async groupOf(
    eventId: string,
    registrationId: string,
    zone: string,
  ): Promise<PickupGroupRef | null> {
    const group = groupArrivals(await this.arrivals(eventId)).find((g) =>
      g.members.some((m) => m.registrationId === registrationId),
    );
    if (!group) return null;
    return {
      id: group.id,
      airport: group.airport,
      firstArrivalAt: toZonedIso(group.firstAt, zone),
      lastArrivalAt: toZonedIso(group.lastAt, zone),
      size: group.members.length,
    };
  }

  private arrivals(eventId: string, airport?: string): Promise<Arrival[]> {
    return this.legs('arrival', eventId, airport);
  }

  private async legs(
    leg: 'arrival' | 'departure',
    eventId: string,
    airport?: string,
  ): Promise<Arrival[]> {
    // leg is one of two literals, never input: safe to name columns with it.
    const rows = (await this.dataSource.query(
      `SELECT r.id AS registration_id, a.name AS account_name, o.name AS organisation_name,
              o.country AS organisation_country, r.phone,
              tp.${leg}_flight AS flight, tp.${leg}_airport AS airport, tp.${leg}_at AS at
         FROM travel_plans tp JOIN registrations r ON r.id = tp.registration_id
         JOIN accounts a ON a.id = r.account_id JOIN organisations o ON o.id = r.organisation_id
        WHERE tp.event_id = $1 AND r.status = 'confirmed' AND tp.${leg}_at IS NOT NULL
          AND ($2::text IS NULL OR tp.${leg}_airport = $2)
        ORDER BY tp.${leg}_at, a.name, r.id`,
      [eventId, airport ?? null],
    )) as ArrivalRow[];
    return rows.map((r) => ({
      registrationId: r.registration_id,
      name: r.account_name,
      organisation: r.organisation_name,
      country: r.organisation_country,
      phone: r.phone,
      flightNumber: r.flight,
      airport: r.airport,
      at: r.at,
    }));
  }
}
