import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { type Actor, forbidden, isAdmin, notFound } from '#core';
import { EventStaff, type StaffRole } from './event-staff.entity.js';
import { Event } from './event.entity.js';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * SQL: the account (a parameter) is on the staff of the host organisation of the event (an
 * alias), when it is an immersion: the Family House receiving the visitors runs it with
 * them, without anyone having to add each of them by hand. The one place that rule is
 * written; hostOfEventSql and rolesOnEventSql both ask it.
 */
const hostOrganisationStaffSql = (event: string, account: string) =>
  `(${event}.kind = 'immersion' AND EXISTS (
      SELECT 1 FROM accounts ha
       WHERE ha.id = ${account} AND ha.organisation_id = ${event}.host_organisation_id))`;

/**
 * SQL: the account (a parameter) hosts the event (an alias): named host in its staff, or
 * on the staff of an immersion's host organisation.
 */
export const hostOfEventSql = (event: string, account: string) =>
  `(EXISTS (SELECT 1 FROM event_staff hs
             WHERE hs.event_id = ${event}.id AND hs.account_id = ${account} AND hs.role = 'host')
     OR ${hostOrganisationStaffSql(event, account)})`;

/**
 * SQL: the account's (a parameter) roles on the event (an alias), as an array: its roles in
 * the event's staff, and 'host' for the staff of an immersion's host organisation. The
 * bench's bare baseline reads an event with it too.
 */
export const rolesOnEventSql = (event: string, account: string) =>
  `ARRAY(SELECT s.role FROM event_staff s WHERE s.event_id = ${event}.id AND s.account_id = ${account}
          UNION
         SELECT 'host'::text WHERE ${hostOrganisationStaffSql(event, account)})`;

/**
 * Drafts do not exist for anyone but their staff (404, not 403, so they do not leak).
 * For services that read the event in a statement of their own (the registration rush).
 */
export function eventVisibleTo(
  status: string,
  roles: readonly StaffRole[],
  actor: Actor | undefined,
): boolean {
  return status !== 'draft' || roles.length > 0 || (actor !== undefined && isAdmin(actor));
}

/**
 * The one place that answers "may this person see or run this event?". Every
 * domain service asks it before touching an event's data.
 */
@Injectable()
export class EventAccess {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(EventStaff) private readonly staff: Repository<EventStaff>,
  ) {}

  /**
   * The event and the actor's roles on it in one query: every request that touches an
   * event passes here, so it costs one round trip, not one per question.
   */
  private async load(
    actor: Actor | undefined,
    eventId: string,
    by: 'id' | 'slug' = 'id',
  ): Promise<{ event: Event; roles: StaffRole[] }> {
    const [row] = (await this.events.manager.query(this.loadSql(by), [
      eventId,
      actor?.accountId ?? NOBODY,
    ])) as Array<Record<string, unknown> & { roles: StaffRole[] }>;
    if (!row) throw notFound('Event');
    const event = this.hydrate(row);
    if (!eventVisibleTo(event.status, row.roles, actor)) throw notFound('Event');
    return { event, roles: row.roles };
  }

  /*
   * Every request that touches an event runs this statement: written once, from the
   * entity's own columns, instead of through the query builder, whose SQL building and
   * entity transformer took 5% of the agenda's CPU. Values are still converted by
   * TypeORM's driver column by column, so the Event is the one the repository would give.
   */
  private sql: Partial<Record<'id' | 'slug', string>> = {};
  private columns: ColumnMetadata[] = [];

  private loadSql(by: 'id' | 'slug'): string {
    const known = this.sql[by];
    if (known) return known;
    this.columns = this.events.metadata.columns;
    const select = this.columns.map((c, i) => `e."${c.databaseName}" AS c${i}`).join(', ');
    // `by` is one of two literals, never input.
    return (this.sql[by] = `SELECT ${select}, ${rolesOnEventSql('e', '$2')} AS roles
      FROM events e WHERE e.${by} = $1`);
  }

  private hydrate(row: Record<string, unknown>): Event {
    const driver = this.events.manager.connection.driver;
    const event = this.events.create();
    this.columns.forEach((c, i) => {
      c.setEntityValue(event, driver.prepareHydratedValue(row[`c${i}`], c));
    });
    return event;
  }

  /**
   * Everything a service asks about an event in one query: the event (404 if the actor
   * may not see it) and what the actor is on it.
   */
  async standing(
    actor: Actor | undefined,
    eventId: string,
  ): Promise<{ event: Event; roles: StaffRole[]; isOrganiser: boolean; isStaff: boolean }> {
    const { event, roles } = await this.load(actor, eventId);
    const admin = actor !== undefined && isAdmin(actor);
    return {
      event,
      roles,
      isOrganiser: admin || roles.includes('organiser'),
      isStaff: admin || roles.length > 0,
    };
  }

  /**
   * The event a public page's /e/<slug> names, under the same rule as requireVisible
   * (drafts are 404 for anyone but their staff). Pages use it; ids stay the API's key.
   */
  async requireVisibleBySlug(actor: Actor | undefined, slug: string): Promise<Event> {
    // One statement by slug: every /e/<slug> page passes here.
    if (!/^[a-z0-9][a-z0-9-]{0,120}$/.test(slug)) throw notFound('Event');
    return (await this.load(actor, slug, 'slug')).event;
  }

  async requireVisible(actor: Actor | undefined, eventId: string): Promise<Event> {
    return (await this.load(actor, eventId)).event;
  }

  async requireOrganiser(actor: Actor, eventId: string): Promise<Event> {
    const { event, roles } = await this.load(actor, eventId);
    if (!isAdmin(actor) && !roles.includes('organiser')) {
      throw forbidden('Only the organisers of this event can do this');
    }
    return event;
  }

  /** Organisers, or staff holding one of the given roles (a facilitator reading a list). */
  async requireStaffRole(actor: Actor, eventId: string, roles: StaffRole[]): Promise<Event> {
    const { event, roles: held } = await this.load(actor, eventId);
    if (isAdmin(actor)) return event;
    if (!held.includes('organiser') && !held.some((r) => roles.includes(r))) {
      throw forbidden('Only the staff of this event can do this');
    }
    return event;
  }

  /**
   * Who may write an event's agenda (sessions, rooms, publishing): its organisers, and for
   * an immersion its hosts, who build the visitors' programme in their own house.
   */
  async requireAgendaEditor(actor: Actor, eventId: string): Promise<Event> {
    return (await this.agendaEditor(actor, eventId)).event;
  }

  /** As requireAgendaEditor, saying whether the actor writes it as a host only (not an organiser). */
  async agendaEditor(actor: Actor, eventId: string): Promise<{ event: Event; asHost: boolean }> {
    const { event, roles } = await this.load(actor, eventId);
    if (isAdmin(actor) || roles.includes('organiser')) return { event, asHost: false };
    if (event.kind === 'immersion' && roles.includes('host')) return { event, asHost: true };
    throw forbidden('Only the organisers of this event can do this');
  }

  /** Which staff roles a person holds on any event still running: the menu a page shows them. */
  async rolesAnywhere(accountId: string): Promise<StaffRole[]> {
    const rows = (await this.events.query(
      `SELECT DISTINCT s.role FROM event_staff s JOIN events e ON e.id = s.event_id
        WHERE s.account_id = $1 AND e.status <> 'archived'
       UNION
       SELECT 'host' FROM events e
        WHERE e.status <> 'archived' AND e.kind = 'immersion' AND ${hostOfEventSql('e', '$1')}`,
      [accountId],
    )) as Array<{ role: StaffRole }>;
    return rows.map((r) => r.role);
  }

  /** Admins and people who already organise an event may start a new one. */
  async canCreateEvents(actor: Actor): Promise<boolean> {
    if (isAdmin(actor)) return true;
    return (await this.staff.countBy({ accountId: actor.accountId, role: 'organiser' })) > 0;
  }
}
