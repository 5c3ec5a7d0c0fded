import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, badRequest, forbidden, notFound } from '#core';
import { type Event, EventAccess } from '#events';
import { Registration } from './registration.entity.js';

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
    const isOrganiser = await this.events.isOrganiser(actor, registration.eventId);
    if (!isOwner && !isOrganiser) throw notFound('Registration');
    const event = await this.events.requireVisible(actor, registration.eventId);
    return { registration, event, isOwner, isOrganiser };
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

  async requireOrganisation(manager: EntityManager | DataSource, id: string): Promise<void> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM organisations WHERE id = $1', [id]);
    if (rows.length === 0) {
      throw badRequest('organisationId does not name a known organisation', {
        field: 'organisationId',
      });
    }
  }

  /** 1-based place among those still waiting, or null when not waitlisted. */
  async waitlistPosition(r: Registration): Promise<number | null> {
    if (r.status !== 'waitlisted' || r.waitlistSeq === null) return null;
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM registrations
        WHERE event_id = $1 AND status = 'waitlisted' AND waitlist_seq <= $2`,
      [r.eventId, r.waitlistSeq],
    )) as Array<{ n: number }>;
    return row.n;
  }
}
