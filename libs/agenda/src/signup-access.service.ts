import { Injectable } from '@nestjs/common';
import { type Actor, forbidden } from '#core';
import { requireWritable } from '#events';
import { SessionsService } from './sessions.service.js';

/** Who may act on a session's sign-ups and read its list, checked before any of it is read. */
@Injectable()
export class SignupAccess {
  constructor(private readonly sessions: SessionsService) {}

  /** Organisers changing a session's people (take off, move): not on an archived edition. */
  async requireOrganiserOf(actor: Actor, sessionId: string) {
    const found = await this.sessions.requireSession(actor, sessionId);
    if (!found.isOrganiser) {
      throw forbidden('Only the organisers of this event can do this');
    }
    requireWritable(found.event);
    return found;
  }

  /**
   * Who marks attendance: the event's organisers and the session's own facilitators,
   * nobody else (a host reads a visit's bus list but does not call its roll: 403).
   */
  async requireAttendanceMarker(actor: Actor, sessionId: string) {
    const { session, event, isOrganiser } = await this.sessions.requireSession(actor, sessionId);
    const facilitates = session.facilitators.some((f) => f.accountId === actor.accountId);
    if (!isOrganiser && !facilitates) {
      throw forbidden("Only organisers and the session's facilitators can mark attendance");
    }
    requireWritable(event);
    return { session, event };
  }

  /**
   * Organisers, the session's own facilitators, and the event's hosts for a site visit or
   * any session of an immersion (the programme they build in their own house: the
   * console's session page is theirs too). `seesPhones` is false for hosts: a
   * participant's own mobile is for the organisers and facilitators only (hosts keep the
   * emergency contacts they had for the visit).
   */
  async requireListReader(actor: Actor, sessionId: string) {
    const { session, event, isOrganiser, roles } = await this.sessions.requireSession(
      actor,
      sessionId,
    );
    const zone = event.timezone;
    const facilitates = session.facilitators.some((f) => f.accountId === actor.accountId);
    if (facilitates || isOrganiser) {
      return { session, zone, seesPhones: true };
    }
    if ((session.kind === 'site_visit' || event.kind === 'immersion') && roles.includes('host')) {
      return { session, zone, seesPhones: false };
    }
    throw forbidden("Only organisers and the session's facilitators can see its list");
  }
}
