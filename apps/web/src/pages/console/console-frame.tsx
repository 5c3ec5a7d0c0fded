import { Injectable } from '@nestjs/common';
import type { ComponentChildren } from 'preact';
import { type Actor, DomainError, notFound } from '#core';
import { EventAccess, type EventView, toEventView } from '#events';
import { eventDates } from '../../format/dates.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { renderPage } from '../../layout/layout.js';

export type ConsoleSection = keyof WebContext['t']['consoleShell']['sections'];

/** The sections of an event in the console, in menu order, with their paths. */
const SECTIONS: Array<{ key: ConsoleSection; path: string }> = [
  { key: 'overview', path: '' },
  { key: 'registrations', path: '/registrations' },
  { key: 'visas', path: '/visas' },
  { key: 'letter', path: '/letter' },
  { key: 'arrivals', path: '/arrivals' },
  { key: 'accommodation', path: '/accommodation' },
  { key: 'finance', path: '/finance' },
  { key: 'agenda', path: '/agenda' },
  { key: 'materials', path: '/materials' },
  { key: 'feedback', path: '/feedback' },
  { key: 'certificates', path: '/certificates' },
  { key: 'checkin', path: '/check-in' },
  { key: 'announcements', path: '/announcements' },
  { key: 'messages', path: '/messages' },
  { key: 'staff', path: '/staff' },
  { key: 'settings', path: '/settings' },
];

export const consoleEventPath = (eventId: string, section: ConsoleSection = 'overview') =>
  `/console/events/${eventId}${SECTIONS.find((s) => s.key === section)?.path ?? ''}`;

/**
 * Console pages are for the event's organisers (and platform admins). Anyone else,
 * participants, hosts and facilitators included, gets a 404: the page does not exist
 * for them. The rule lives in EventAccess; this only asks it.
 */
@Injectable()
export class ConsoleAccess {
  constructor(private readonly access: EventAccess) {}

  async event(ctx: WebContext, eventId: string): Promise<{ actor: Actor; event: EventView }> {
    const actor = requireActor(ctx);
    if (!/^[0-9a-f-]{36}$/i.test(eventId)) throw notFound('Event');
    const standing = await this.access.standing(actor, eventId);
    if (!standing.isOrganiser) throw notFound('Event');
    return { actor, event: toEventView(standing.event) };
  }

  /**
   * The agenda pages also open for an immersion's hosts, who build the visitors' programme
   * in their own house (EventAccess.requireAgendaEditor); anyone else gets a 404.
   */
  async agendaEvent(ctx: WebContext, eventId: string): Promise<{ actor: Actor; event: EventView }> {
    const actor = requireActor(ctx);
    if (!/^[0-9a-f-]{36}$/i.test(eventId)) throw notFound('Event');
    const event = await this.access.requireAgendaEditor(actor, eventId).catch((e: unknown) => {
      // Refused is "does not exist" here, as for the rest of the console; an outage stays one.
      throw e instanceof DomainError ? notFound('Event') : e;
    });
    return { actor, event: toEventView(event) };
  }
}

/** The console's frame around a section: the event's name, dates and the section menu. */
export function renderConsolePage(
  ctx: WebContext,
  options: {
    event: EventView;
    section: ConsoleSection;
    title: string;
    children: ComponentChildren;
  },
): string {
  const t = ctx.t.consoleShell;
  const { event } = options;
  return renderPage(ctx, {
    title: `${options.title} · ${event.name}`,
    wide: true,
    children: (
      <>
        <p class="console-crumbs no-print">
          <a href="/console">{t.allEvents}</a>
        </p>
        <div class="console-head">
          <p class="console-event">
            <strong>{event.name}</strong>{' '}
            <span class="muted">{eventDates(event.startDate, event.endDate, ctx.locale)}</span>
          </p>
          <nav aria-label={t.sectionNav} class="console-nav no-print">
            <ul>
              {SECTIONS.map((s) => (
                <li>
                  <a
                    href={consoleEventPath(event.id, s.key)}
                    aria-current={s.key === options.section ? 'page' : undefined}
                  >
                    {t.sections[s.key]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <h1>{options.title}</h1>
        {options.children}
      </>
    ),
  });
}
