import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Actor, forbidden, isAdmin, notFound } from '#core';
import { EventStaff, type StaffRole } from './event-staff.entity.js';
import { Event } from './event.entity.js';

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

  async rolesOf(actor: Actor | undefined, eventId: string): Promise<StaffRole[]> {
    if (!actor) return [];
    const rows = await this.staff.findBy({ eventId, accountId: actor.accountId });
    return rows.map((r) => r.role);
  }

  async isOrganiser(actor: Actor, eventId: string): Promise<boolean> {
    if (isAdmin(actor)) return true;
    return (await this.rolesOf(actor, eventId)).includes('organiser');
  }

  async isStaff(actor: Actor | undefined, eventId: string): Promise<boolean> {
    if (!actor) return false;
    if (isAdmin(actor)) return true;
    return (await this.rolesOf(actor, eventId)).length > 0;
  }

  /** Drafts do not exist for anyone but their staff: 404, not 403, so they do not leak. */
  async requireVisible(actor: Actor | undefined, eventId: string): Promise<Event> {
    const event = await this.events.findOneBy({ id: eventId });
    if (!event) throw notFound('Event');
    if (event.status === 'draft' && !(await this.isStaff(actor, eventId))) throw notFound('Event');
    return event;
  }

  async requireOrganiser(actor: Actor, eventId: string): Promise<Event> {
    const event = await this.requireVisible(actor, eventId);
    if (!(await this.isOrganiser(actor, eventId)))
      throw forbidden('Only the organisers of this event can do this');
    return event;
  }

  /** Organisers, or staff holding one of the given roles (a facilitator reading a list). */
  async requireStaffRole(actor: Actor, eventId: string, roles: StaffRole[]): Promise<Event> {
    const event = await this.requireVisible(actor, eventId);
    if (isAdmin(actor)) return event;
    const held = await this.rolesOf(actor, eventId);
    if (!held.includes('organiser') && !held.some((r) => roles.includes(r))) {
      throw forbidden('Only the staff of this event can do this');
    }
    return event;
  }

  /** Admins and people who already organise an event may start a new one. */
  async canCreateEvents(actor: Actor): Promise<boolean> {
    if (isAdmin(actor)) return true;
    return (await this.staff.countBy({ accountId: actor.accountId, role: 'organiser' })) > 0;
  }
}
