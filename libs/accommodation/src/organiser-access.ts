import { Injectable } from '@nestjs/common';
import { type Actor, notFound } from '#core';
import { type Event, EventAccess } from '#events';

/**
 * Rooms are the organisers' business: anyone else (participants, hosts, other events'
 * organisers) learns nothing, not even that the event has hotels: 404.
 */
@Injectable()
export class AccommodationAccess {
  constructor(private readonly events: EventAccess) {}

  async organiser(actor: Actor, eventId: string): Promise<Event> {
    const { event, isOrganiser } = await this.events.standing(actor, eventId);
    if (!isOrganiser) throw notFound('Event');
    return event;
  }
}
