import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, forbidden, isUuid, notFound, DomainError } from '#core';
import { type Event, EventAccess } from '#events';
import { Registration } from './registration.entity.js';

/** A registration ticked on a bulk form: who it is, and its status when the batch was read. */
export interface BatchMember {
  name: string;
  status: Registration['status'];
}

export interface LoadedRegistration {
  registration: Registration;
  event: Event;
  isOwner: boolean;
  isOrganiser: boolean;
}

/**
 * Who may touch a registration: its owner and the organisers of its event. Anyone
 * else gets a 404, so ids of other people's registrations reveal nothing.
 */
@Injectable()
export class RegistrationAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
  ) {}

  async load(actor: Actor, id: string): Promise<LoadedRegistration> {
    const registration = await this.dataSource.getRepository(Registration).findOneBy({ id });
    if (!registration) throw notFound('Registration');
    const isOwner = registration.accountId === actor.accountId;
    let standing;
    try {
      standing = await this.events.standing(actor, registration.eventId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') throw notFound('Registration');
      throw e;
    }
    const { event, isOrganiser } = standing;
    if (!isOwner && !isOrganiser) throw notFound('Registration');
    return { registration, event, isOwner, isOrganiser };
  }

  /**
   * The registrations of a bulk form, by id, read once for the batch: only the event's own
   * (an id of another event, or malformed, is left out, which the forms report as not
   * found). The caller has checked the actor organises `eventId`.
   */
  async batchOf(eventId: string, ids: string[]): Promise<Map<string, BatchMember>> {
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.status, a.name FROM registrations r JOIN accounts a ON a.id = r.account_id
        WHERE r.event_id = $1 AND r.id = ANY($2::uuid[])`,
      [eventId, ids.filter(isUuid)],
    )) as Array<{ id: string } & BatchMember>;
    return new Map(rows.map(({ id, name, status }) => [id, { name, status }]));
  }

  /** Organisers only; the owner learns they may not (403), strangers learn nothing (404). */
  async loadForOrganiser(actor: Actor, id: string): Promise<LoadedRegistration> {
    const loaded = await this.load(actor, id);
    if (!loaded.isOrganiser) throw forbidden('Only the organisers of this event can do this');
    return loaded;
  }

  /** The row again, locked, inside a transaction that already holds the event lock. */
  async lockRow(manager: EntityManager, id: string): Promise<Registration> {
    const row = await manager
      .getRepository(Registration)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('Registration');
    return row;
  }

  /** 1-based place among those still waiting, or null when not waitlisted. */
  async waitlistPosition(
    r: Registration,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number | null> {
    return (await this.waitlistPositions([r], manager)).get(r.id) ?? null;
  }

  /** The places of many registrations (of any events) in one query, keyed by id. */
  async waitlistPositions(
    registrations: Registration[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, number>> {
    const waiting = registrations.filter((r) => r.status === 'waitlisted' && r.waitlistSeq);
    if (waiting.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT u.id, (SELECT count(*)::int FROM registrations w
                      WHERE w.event_id = u.event_id AND w.status = 'waitlisted'
                        AND w.waitlist_seq <= u.seq) AS n
         FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS u(id, event_id, seq)`,
      [waiting.map((r) => r.id), waiting.map((r) => r.eventId), waiting.map((r) => r.waitlistSeq)],
    )) as Array<{ id: string; n: number }>;
    return new Map(rows.map((row) => [row.id, row.n]));
  }
}
