import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, conflict, localDateOf } from '#core';
import { EventAccess } from '#events';
import { eraseEventFeedback } from '#feedback';
import { eraseEventJournals } from '#learning';
import { eraseEventTravel } from '#travel';
import { eraseEventRegistrations, eraseEventStays } from './registration-erasure.js';

export interface EventErasure {
  eventId: string;
  registrationsErased: number;
  /** Travel plans whose passport and flights were erased (visa statuses stay). */
  travelPlansErased: number;
  messagesDeleted: number;
  erasedAt: string;
}

/**
 * Phones, dietary and accessibility needs, emergency contacts, passports and flights
 * are collected to run one event; once it is over they are erased (by an organiser, or
 * by the worker's sweep PERSONAL_DATA_RETENTION_DAYS after the last day). Who came,
 * from which organisation, in which role, whether they needed a visa stays: it is the
 * network's history and its statistics.
 */
@Injectable()
export class PersonalDataRetention {
  private readonly logger = new Logger('PersonalDataRetention');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
  ) {}

  /** An organiser erases now, once the event's last day is over in its own time zone. */
  async eraseEvent(actor: Actor, eventId: string, now = new Date()): Promise<EventErasure> {
    const event = await this.access.requireOrganiser(actor, eventId);
    if (localDateOf(now, event.timezone) <= event.endDate) {
      throw conflict(
        `Personal data can be erased once the event is over, after ${event.endDate} (${event.timezone})`,
      );
    }
    return this.dataSource.transaction((manager) => this.eraseEventData(manager, eventId));
  }

  /** Idempotent: erasing twice finds nothing more to erase and keeps the first date. */
  async eraseEventData(manager: EntityManager, eventId: string): Promise<EventErasure> {
    const registrationsErased = await eraseEventRegistrations(manager, eventId);
    const travelPlansErased = await eraseEventTravel(manager, eventId);
    await eraseEventStays(manager, eventId);
    await eraseEventJournals(manager, eventId);
    await eraseEventFeedback(manager, eventId);
    // Delivered or given-up emails carry names and texts; queued ones still have to go.
    const [, messagesDeleted] = (await manager.query(
      `DELETE FROM messages WHERE event_id = $1 AND status IN ('sent', 'failed')`,
      [eventId],
    )) as [unknown, number];
    const [[row]] = (await manager.query(
      `UPDATE events SET personal_data_erased_at = COALESCE(personal_data_erased_at, now())
        WHERE id = $1 RETURNING personal_data_erased_at`,
      [eventId],
    )) as [[{ personal_data_erased_at: Date }], number];
    return {
      eventId,
      registrationsErased,
      travelPlansErased,
      messagesDeleted,
      erasedAt: row.personal_data_erased_at.toISOString(),
    };
  }

  /**
   * The worker's periodic pass: events whose last day is more than `retentionDays`
   * behind, plus login links and login emails nobody can use any more.
   */
  async sweep(
    retentionDays: number,
  ): Promise<{ events: EventErasure[]; loginTokensDeleted: number }> {
    const events: EventErasure[] = [];
    if (retentionDays > 0) {
      const due = (await this.dataSource.query(
        `SELECT id FROM events
          WHERE personal_data_erased_at IS NULL AND end_date < current_date - $1::int
          ORDER BY end_date`,
        [retentionDays],
      )) as Array<{ id: string }>;
      for (const { id } of due) {
        events.push(await this.dataSource.transaction((m) => this.eraseEventData(m, id)));
      }
    }
    const [, loginTokensDeleted] = (await this.dataSource.query(
      `DELETE FROM magic_link_tokens WHERE expires_at < now() - interval '1 day'`,
    )) as [unknown, number];
    await this.dataSource.query(
      `DELETE FROM messages WHERE template = 'magic_link' AND status IN ('sent', 'failed')
          AND created_at < now() - interval '1 day'`,
    );
    if (events.length > 0) {
      this.logger.log(`Erased the personal data of ${events.length} past event(s)`);
    }
    return { events, loginTokensDeleted };
  }
}
