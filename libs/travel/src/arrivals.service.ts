import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, type CsvCell, forbidden, localDateOf, toZonedIso, writeCsvTable } from '#core';
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
  /** The person's own mobile, for organisers only: always null for hosts. */
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
 * arrival), in the event's zone. Names and flights, never passports.
 *
 * Who sees phones (one rule, here): the organisers see each person's own mobile; hosts
 * see who lands where and when, never a phone (a participant's mobile is for the
 * organisers, and the facilitators of their sessions; hosts of a site visit get the
 * emergency contacts of the people on their bus from the bus list, nothing more).
 */
@Injectable()
export class Arrivals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
  ) {}

  async list(actor: Actor, eventId: string, query: ArrivalsQueryDto): Promise<ArrivalsView> {
    const { event, seesPhones } = await this.reader(actor, eventId);
    const zone = event.timezone;
    const groups = groupArrivals(await this.arrivals(eventId, query.airport, seesPhones));
    const departures = await this.legs('departure', eventId, query.airport, seesPhones);
    // tp.event_id = r.event_id (a plan always carries its registration's event) reads the
    // event's plans through travel_plans_event_idx, not every event's plans.
    const missing = (await this.dataSource.query(
      `SELECT r.id, a.name, o.name AS organisation_name
         FROM registrations r JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id
         LEFT JOIN travel_plans tp ON tp.registration_id = r.id AND tp.event_id = r.event_id
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

  /**
   * The airport team's sheet, through the one CSV writer (BOM, formula-like cells
   * neutralised, `query.separator`). The Phone column is the organisers' only.
   */
  async csv(
    actor: Actor,
    eventId: string,
    query: ArrivalsQueryDto,
  ): Promise<{ filename: string; body: string }> {
    const { event, seesPhones } = await this.reader(actor, eventId);
    const zone = event.timezone;
    const rows = groupArrivals(await this.arrivals(eventId, query.airport, seesPhones)).flatMap(
      (g) => g.members.map((m) => ({ group: g.id, local: toZonedIso(m.at, zone), ...m })),
    );
    type Row = (typeof rows)[number];
    const columns: Array<[string, (r: Row) => CsvCell]> = [
      ['Pick-up group', (r) => r.group],
      ['Airport', (r) => r.airport],
      ['Arrival date', (r) => r.local.slice(0, 10)],
      [`Arrival time (${zone})`, (r) => r.local.slice(11, 16)],
      ['Flight', (r) => r.flightNumber],
      ['Name', (r) => r.name],
      ['Organisation', (r) => r.organisation],
      ['Country', (r) => r.country],
      ...(seesPhones ? [['Phone', (r: Row) => r.phone] as [string, (r: Row) => CsvCell]] : []),
    ];
    const body = writeCsvTable(columns, rows, { separator: query.separator });
    return { filename: `${event.slug}-arrivals.csv`, body };
  }

  /** Organisers (phones included) and hosts (no phones); anyone else is refused. */
  private async reader(actor: Actor, eventId: string) {
    const { event, roles, isOrganiser } = await this.events.standing(actor, eventId);
    if (!isOrganiser && !roles.includes('host')) {
      throw forbidden('Only the staff of this event can do this');
    }
    return { event, seesPhones: isOrganiser };
  }

  /**
   * The pick-up group of one confirmed registration, derived from the arrivals at their
   * airport (groups never span airports, so the others' are not read on their page).
   */
  async groupOf(
    eventId: string,
    registrationId: string,
    airport: string | null,
    zone: string,
  ): Promise<PickupGroupRef | null> {
    const group = groupArrivals(await this.arrivals(eventId, airport ?? undefined)).find((g) =>
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

  private arrivals(eventId: string, airport?: string, withPhones = false): Promise<Arrival[]> {
    return this.legs('arrival', eventId, airport, withPhones);
  }

  private async legs(
    leg: 'arrival' | 'departure',
    eventId: string,
    airport: string | undefined,
    withPhones: boolean,
  ): Promise<Arrival[]> {
    // leg is one of two literals, never input: safe to name columns with it.
    // r.event_id = tp.event_id (a plan always carries its registration's event) reads the
    // event's confirmed registrations through their (event_id, status) index instead of
    // scanning every event's registrations.
    const rows = (await this.dataSource.query(
      `SELECT r.id AS registration_id, a.name AS account_name, o.name AS organisation_name,
              o.country AS organisation_country, CASE WHEN $3::boolean THEN r.phone END AS phone,
              tp.${leg}_flight AS flight, tp.${leg}_airport AS airport, tp.${leg}_at AS at
         FROM travel_plans tp
         JOIN registrations r ON r.id = tp.registration_id AND r.event_id = tp.event_id
         JOIN accounts a ON a.id = r.account_id JOIN organisations o ON o.id = r.organisation_id
        WHERE tp.event_id = $1 AND r.status = 'confirmed' AND tp.${leg}_at IS NOT NULL
          AND ($2::text IS NULL OR tp.${leg}_airport = $2)
        ORDER BY tp.${leg}_at, a.name, r.id`,
      [eventId, airport ?? null, withPhones],
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
