import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, localDateOf } from '#core';
import { EventAccess } from '#events';

export interface RegistrationCharts {
  /** Confirmed participants per organisation, most first. */
  byOrganisation: Array<{ id: string; name: string; country: string; participants: number }>;
  /** One entry per local day that received registrations (every status), in order. */
  overTime: Array<{ date: string; received: number; cumulative: number }>;
}

/**
 * What the organisers' dashboard draws besides RegistrationReports.stats(): confirmed
 * participants per organisation, and registrations received per day in the event's zone
 * (every status, counted on the day they came in), from Convene's own zone rules.
 */
@Injectable()
export class RegistrationChartsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
  ) {}

  async charts(actor: Actor, eventId: string): Promise<RegistrationCharts> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const byOrganisation = (await this.dataSource.query(
      `SELECT o.id, o.name, o.country, count(*)::int AS participants
         FROM registrations r JOIN organisations o ON o.id = r.organisation_id
        WHERE r.event_id = $1 AND r.status = 'confirmed'
        GROUP BY o.id ORDER BY participants DESC, o.name, o.id`,
      [eventId],
    )) as RegistrationCharts['byOrganisation'];
    // Grouped to the minute in SQL, to the local day here: not every offset is whole hours,
    // and PostgreSQL's zone rules may be older than Convene's.
    const minutes = (await this.dataSource.query(
      `SELECT date_trunc('minute', created_at) AS at, count(*)::int AS n
         FROM registrations WHERE event_id = $1 GROUP BY 1 ORDER BY 1`,
      [eventId],
    )) as Array<{ at: Date; n: number }>;
    const days = new Map<string, number>();
    for (const m of minutes) {
      const day = localDateOf(m.at, event.timezone);
      days.set(day, (days.get(day) ?? 0) + m.n);
    }
    let cumulative = 0;
    const overTime = [...days].map(([date, received]) => {
      cumulative += received;
      return { date, received, cumulative };
    });
    return { byOrganisation, overTime };
  }
}
