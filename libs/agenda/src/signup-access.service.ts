import { Injectable } from '@nestjs/common';
import { type Actor, forbidden, isAdmin } from '#core';
import { EventAccess } from '#events';
import { SessionsService } from './sessions.service.js';

/** Who may act on a session's sign-ups and read its list, checked before any of it is read. */
@Injectable()
export class SignupAccess {
  constructor(
    private readonly access: EventAccess,
    private readonly sessions: SessionsService,
  ) {}

  async requireOrganiserOf(actor: Actor, sessionId: string) {
    const found = await this.sessions.requireSession(actor, sessionId);
    if (!(await this.access.isOrganiser(actor, found.session.eventId))) {
      throw forbidden('Only the organisers of this event can do this');
    }
    return found;
  }

  /**
   * Organisers, the session's own facilitators, and the event's hosts for a site visit.
   * `seesPhones` is false for hosts: a participant's own mobile is for the organisers and
   * facilitators only (hosts keep the emergency contacts they had for the visit).
   */
  async requireListReader(actor: Actor, sessionId: string) {
    const { session, event } = await this.sessions.requireSession(actor, sessionId);
    const zone = event.timezone;
    if (isAdmin(actor) || (await this.access.isOrganiser(actor, session.eventId))) {
      return { session, zone, seesPhones: true };
    }
    if (session.facilitators.some((f) => f.accountId === actor.accountId)) {
      return { session, zone, seesPhones: true };
    }
    if (session.kind === 'site_visit') {
      const roles = await this.access.rolesOf(actor, session.eventId);
      if (roles.includes('host')) return { session, zone, seesPhones: false };
    }
    throw forbidden("Only organisers and the session's facilitators can see its list");
  }
}
