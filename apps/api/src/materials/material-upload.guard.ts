import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { forbidden, isUuid, notFound, unauthenticated } from '#core';
import { EventPeople } from '#sharing';
import type { AuthedRequest } from '../http/request-context.js';

/**
 * Runs before the multipart interceptor reads the file: someone who may not share on this
 * event is answered (404 for anyone outside it, 403 for its people without a staff role)
 * before 20 MB are buffered, and the connection is closed instead of drained. The service
 * checks again with the session the form names.
 */
@Injectable()
export class MaterialUploadGuard implements CanActivate {
  constructor(private readonly people: EventPeople) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const eventId = String(req.params.id ?? '');
    if (!req.actor) throw unauthenticated();
    res.setHeader('Connection', 'close');
    if (!isUuid(eventId)) throw notFound('Event');
    const s = await this.people.requireMember(req.actor, eventId, 'Event');
    if (!s.isOrganiser && !s.roles.includes('facilitator')) {
      throw forbidden(
        "Only the event's organisers, or a session's facilitators for their session, can share materials",
      );
    }
    res.removeHeader('Connection');
    return true;
  }
}
