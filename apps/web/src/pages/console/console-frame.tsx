import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComponentChildren } from 'preact';
import { DataSource } from 'typeorm';
import { type Actor, DomainError, notFound } from '#core';
import { EventAccess, type EventView, toEventView } from '#events';
import { exchangeForEvent } from '#exchanges';
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

/**
 * Whose menu the frame shows: the organisers' every section, or, for the staff of an
 * immersion's host organisation, only the pages they may open (the agenda they build, their
 * visitors, the journal entries shared with them); every other section would refuse them.
 */
export type ConsoleMenu = { kind: 'organiser' } | { kind: 'host'; exchangeId: string | null };

const ORGANISER_MENU: ConsoleMenu = { kind: 'organiser' };

export const consoleEventPath = (eventId: string, section: ConsoleSection = 'overview') =>
  `/console/events/${eventId}${SECTIONS.find((s) => s.key === section)?.path ?? ''}`;

/**
 * Console pages are for the event's organisers (and platform admins). Anyone else,
 * participants, hosts and facilitators included, gets a 404: the page does not exist
 * for them. The rule lives in EventAccess; this only asks it.
 */
@Injectable()
export class ConsoleAccess {
  constructor(
    private readonly access: EventAccess,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async event(ctx: WebContext, eventId: string): Promise<{ actor: Actor; event: EventView }> {
    const actor = requireActor(ctx);
    if (!/^[0-9a-f-]{36}$/i.test(eventId)) throw notFound('Event');
    const standing = await this.access.standing(actor, eventId);
    if (!standing.isOrganiser) throw notFound('Event');
    return { actor, event: toEventView(standing.event) };
  }

  /**
   * Pages that open to the event's other staff too (a session's facilitator reading its
   * feedback); the service behind them decides what each may read. Anyone else gets 404.
   */
  async staffEvent(
    ctx: WebContext,
    eventId: string,
  ): Promise<{ actor: Actor; event: EventView; isOrganiser: boolean }> {
    const actor = requireActor(ctx);
    if (!/^[0-9a-f-]{36}$/i.test(eventId)) throw notFound('Event');
    const standing = await this.access.standing(actor, eventId);
    if (!standing.isStaff) throw notFound('Event');
    return { actor, event: toEventView(standing.event), isOrganiser: standing.isOrganiser };
  }

  /**
   * The agenda pages also open for an immersion's hosts, who build the visitors' programme
   * in their own house (EventAccess.requireAgendaEditor); anyone else gets a 404.
   */
  async agendaEvent(
    ctx: WebContext,
    eventId: string,
  ): Promise<{ actor: Actor; event: EventView; menu: ConsoleMenu }> {
    const actor = requireActor(ctx);
    if (!/^[0-9a-f-]{36}$/i.test(eventId)) throw notFound('Event');
    const { event, asHost } = await this.access.agendaEditor(actor, eventId).catch((e: unknown) => {
      // Refused is "does not exist" here, as for the rest of the console; an outage stays one.
      throw e instanceof DomainError ? notFound('Event') : e;
    });
    const menu: ConsoleMenu = asHost
      ? {
          kind: 'host',
          exchangeId: (await exchangeForEvent(this.dataSource, event.id))?.id ?? null,
        }
      : ORGANISER_MENU;
    return { actor, event: toEventView(event), menu };
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
    /** The organisers' menu unless said otherwise (the agenda pages open to hosts too). */
    menu?: ConsoleMenu;
  },
): string {
  const t = ctx.t.consoleShell;
  const { event } = options;
  const menu = options.menu ?? ORGANISER_MENU;
  const links =
    menu.kind === 'organiser'
      ? SECTIONS.map((s) => ({
          href: consoleEventPath(event.id, s.key),
          label: t.sections[s.key],
          current: s.key === options.section,
        }))
      : [
          {
            href: consoleEventPath(event.id, 'agenda'),
            label: t.sections.agenda,
            current: options.section === 'agenda',
          },
          {
            // An immersion that is no exchange (yet) still has its arrivals on the host page.
            href: menu.exchangeId
              ? `/exchanges/${menu.exchangeId}/visitors`
              : `/host/events/${event.id}`,
            label: t.hostSections.visitors,
            current: false,
          },
          {
            href: `/host/events/${event.id}/journal`,
            label: t.hostSections.journal,
            current: false,
          },
        ];
  return renderPage(ctx, {
    title: `${options.title} · ${event.name}`,
    wide: true,
    children: (
      <>
        <p class="console-crumbs no-print">
          {menu.kind === 'organiser' ? (
            <a href="/console">{t.allEvents}</a>
          ) : (
            <a href="/host">{ctx.t.host.title}</a>
          )}
        </p>
        <div class="console-head">
          <p class="console-event">
            <strong>{event.name}</strong>{' '}
            <span class="muted">{eventDates(event.startDate, event.endDate, ctx.locale)}</span>
          </p>
          <nav aria-label={t.sectionNav} class="console-nav no-print">
            <ul>
              {links.map((l) => (
                <li>
                  <a href={l.href} aria-current={l.current ? 'page' : undefined}>
                    {l.label}
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
