import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { WebSessionsService } from '#accounts';
import { type Actor, unauthenticated } from '#core';
import { EventAccess } from '#events';
import { parseCookies, SESSION_COOKIE } from './cookies.js';

/** Who may send an upload to this address, answered from the cookie and the path alone. */
export type UploadCheck = (req: Request) => Promise<boolean>;

const EVENT_IN_PATH =
  /^\/console\/events\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/|$)/i;

/**
 * The upload forms' first question, asked before their body is read: a participant or a
 * stranger posting 20 MB to an organiser's form is turned away on the request line and
 * cookie, before the server holds a byte of it. The controller asks again after the
 * body (this only decides whether reading it is worth it); the answers match theirs.
 */
@Injectable()
export class UploadGate {
  constructor(
    private readonly sessions: WebSessionsService,
    private readonly access: EventAccess,
  ) {}

  private async actor(req: Request): Promise<Actor | undefined> {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (!token) return undefined;
    return (await this.sessions.resolve(token))?.actor;
  }

  /** Signed out (a session that ended mid-upload): sign in again, as the page would say. */
  private async roles(req: Request) {
    const actor = await this.actor(req);
    if (!actor) throw unauthenticated();
    const eventId = EVENT_IN_PATH.exec(req.originalUrl)?.[1];
    if (!eventId) return undefined;
    return this.access.standing(actor, eventId).catch(() => undefined);
  }

  /** The event's organisers (and admins): receipts, the letter's logo and signature. */
  readonly organisers: UploadCheck = async (req) => !!(await this.roles(req))?.isOrganiser;

  /** Organisers and the event's facilitators (for their own sessions): shared materials. */
  readonly organisersAndFacilitators: UploadCheck = async (req) => {
    const s = await this.roles(req);
    return !!s && (s.isOrganiser || s.roles.includes('facilitator'));
  };
}
