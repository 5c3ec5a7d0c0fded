import { Get, Param, Query } from '@nestjs/common';
import { type HostedEvent, type ListPerson, ParticipantAgenda, SignupLists } from '#agenda';
import { csvSeparatorFor, isUuid, notFound } from '#core';
import { EventAccess, eventTextsIn, textIn } from '#events';
import { Arrivals, type ArrivalsView } from '#travel';
import { countryName } from '../../format/countries.js';
import { cityName, eventDates } from '../../format/dates.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { Download, type PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { dayHeading, timeOf, timeRange } from './agenda-format.js';

function HostedEventSection(props: { ctx: WebContext; e: HostedEvent; level: 2 | 1 }) {
  const { ctx, e } = props;
  const t = ctx.t.host;
  const Title = props.level === 1 ? 'h1' : 'h2';
  const Sub = props.level === 1 ? 'h2' : 'h3';
  const name = textIn(e.names, ctx.locale, e.languages, e.name);
  return (
    <section class="pa-event" aria-labelledby={`ev-${e.id}`}>
      <Title id={`ev-${e.id}`} dir="auto">
        {props.level === 2 ? <a href={`/host/events/${e.id}`}>{name}</a> : name}
      </Title>
      <p class="muted">
        {ctx.t.event.kinds[e.kind]} · {eventDates(e.startDate, e.endDate, ctx.locale)} ·{' '}
        {ctx.t.common.timeIn(cityName(e.venueCity, e.timezone, ctx.locale))}
      </p>
      <Sub>{t.visitsTitle}</Sub>
      {e.visits.length === 0 && <p>{t.noVisits}</p>}
      <ul class="pa-list plain">
        {e.visits.map((v) => (
          <li class="pa-item">
            <p class="pa-time pa-time-wide">
              {dayHeading(v.startsAt.slice(0, 10), ctx.locale)}
              <br />
              {timeRange(v.startsAt, v.endsAt, e.timezone, ctx.locale)}
            </p>
            <div class="pa-body">
              <p dir="auto">
                <a href={`/host/sessions/${v.id}`}>
                  <strong>{v.title}</strong>
                </a>
                {v.status === 'cancelled' && (
                  <>
                    {' '}
                    <span class="badge bad">{t.cancelled}</span>
                  </>
                )}
              </p>
              <p>
                {v.capacity !== null
                  ? t.seatsTaken(v.seats.confirmed, v.capacity)
                  : ctx.t.host.confirmedTitle(v.seats.confirmed)}
                {v.seats.waitlisted > 0 && ` · ${t.waiting(v.seats.waitlisted)}`}
              </p>
              <p>
                <a href={`/host/sessions/${v.id}`}>{t.whoComes}</a>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who comes to an immersion and when they land: names, organisations, flights (no phones). */
function ArrivalsSection(props: { ctx: WebContext; arrivals: ArrivalsView }) {
  const { ctx, arrivals } = props;
  const t = ctx.t.host;
  const zone = arrivals.timezone;
  const people = arrivals.groups.flatMap((g) => g.arrivals);
  return (
    <section aria-labelledby="arrivals-title">
      <h2 id="arrivals-title">{t.arrivalsTitle}</h2>
      {people.length > 0 && (
        <div class="table-wrap">
          <table class="pa-bus">
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.organisation}</th>
                <th scope="col">{t.arrival}</th>
                <th scope="col">{t.flight}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr>
                  <td dir="auto" class="pa-who">
                    {p.name}
                  </td>
                  <td dir="auto" data-label={t.labelled(t.organisation)}>
                    {p.organisation} ({countryName(p.country, ctx.locale)})
                  </td>
                  <td data-label={t.labelled(t.arrival)}>
                    {dayHeading(p.at.slice(0, 10), ctx.locale)}, {timeOf(p.at, zone, ctx.locale)}
                  </td>
                  <td data-label={t.labelled(t.flight)}>
                    {p.flightNumber} · {p.airport}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {arrivals.withoutArrival.length > 0 && (
        <>
          <h3>{t.arrivalUnknown}</h3>
          <ul>
            {arrivals.withoutArrival.map((p) => (
              <li dir="auto">
                {p.name} ({p.organisation})
              </li>
            ))}
          </ul>
        </>
      )}
      {people.length === 0 && arrivals.withoutArrival.length === 0 && <p>{t.nobody}</p>}
    </section>
  );
}

function PeopleTable(props: { ctx: WebContext; people: ListPerson[]; waitlist?: boolean }) {
  const t = props.ctx.t.host;
  const common = props.ctx.t.common;
  return (
    <div class="table-wrap">
      <table class="pa-bus">
        <thead>
          <tr>
            {props.waitlist && <th scope="col">{t.position}</th>}
            <th scope="col">{t.name}</th>
            <th scope="col">{t.organisation}</th>
            <th scope="col">{t.emergencyContact}</th>
            <th scope="col">{t.rulesAccepted}</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
            <tr>
              {props.waitlist && <td data-label={t.labelled(t.position)}>{p.position}</td>}
              <td dir="auto" class="pa-who">
                {p.name}
              </td>
              <td dir="auto" data-label={t.labelled(t.organisation)}>
                {p.organisation ?? ''}
                {p.country ? ` (${countryName(p.country, props.ctx.locale)})` : ''}
              </td>
              <td dir="auto" data-label={t.labelled(t.emergencyContact)}>
                {[p.emergencyContact.name, p.emergencyContact.phone].filter(Boolean).join(', ')}
              </td>
              <td data-label={t.labelled(t.rulesAccepted)}>
                {p.rulesAccepted ? common.yes : common.no}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Hosts: the site visits of the events they host, and who comes to each (the bus list).
 * Who may see which list, and which columns, is the agenda service's rule (hosts do not
 * get participants' own phone numbers); anyone else gets a 404.
 */
@WebController('host')
export class HostPagesController {
  constructor(
    private readonly agenda: ParticipantAgenda,
    private readonly lists: SignupLists,
    private readonly events: EventAccess,
    private readonly arrivals: Arrivals,
  ) {}

  @Get()
  async index(@Web() ctx: WebContext): Promise<string> {
    const events = await this.agenda.hostedEvents(requireActor(ctx), undefined, ctx.locale);
    const t = ctx.t.host;
    return renderPage(ctx, {
      title: t.title,
      children: (
        <>
          <h1>{t.title}</h1>
          <p class="lead">{t.lead}</p>
          {events.map((e) => (
            <HostedEventSection ctx={ctx} e={e} level={2} />
          ))}
        </>
      ),
    });
  }

  @Get('events/:eventId')
  async event(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<string> {
    const actor = requireActor(ctx);
    if (!isUuid(eventId)) throw notFound('Event');
    const [e] = await this.agenda.hostedEvents(actor, eventId, ctx.locale);
    // An immersion's visitors come to the host: who arrives, and when (the travel rules).
    const arrivals = e.kind === 'immersion' ? await this.arrivals.list(actor, e.id, {}) : undefined;
    return renderPage(ctx, {
      title: textIn(e.names, ctx.locale, e.languages, e.name) ?? e.name,
      children: (
        <>
          <p class="pa-crumbs">
            <a href="/host">{ctx.t.host.allVisits}</a>
          </p>
          <HostedEventSection ctx={ctx} e={e} level={1} />
          {arrivals && <ArrivalsSection ctx={ctx} arrivals={arrivals} />}
          {e.kind === 'immersion' && (
            <p>
              <a href={`/host/events/${e.id}/journal`}>{ctx.t.learning.host.title}</a>
              {' · '}
              <a href={`/e/${e.slug}/report`}>{ctx.t.learning.report.title}</a>
            </p>
          )}
        </>
      ),
    });
  }

  private async list(ctx: WebContext, sessionId: string) {
    const actor = requireActor(ctx);
    if (!isUuid(sessionId)) throw notFound('Session');
    const list = await this.lists.list(actor, sessionId);
    return { actor, list };
  }

  @Get('sessions/:sessionId')
  async busList(@Web() ctx: WebContext, @Param('sessionId') sessionId: string): Promise<string> {
    const { actor, list } = await this.list(ctx, sessionId);
    const s = list.session;
    const event = await this.events.requireVisible(actor, s.eventId);
    const zone = event.timezone;
    const t = ctx.t.host;
    const a = ctx.t.agenda;
    const v = s.siteVisit;
    return renderPage(ctx, {
      title: `${t.busList} · ${s.title}`,
      wide: true,
      children: (
        <>
          <p class="pa-crumbs">
            <a href="/host">{t.allVisits}</a>
          </p>
          <p class="muted" dir="auto">
            {eventTextsIn(event, ctx.locale).name}
          </p>
          <h1 dir="auto">{s.title}</h1>
          <dl class="facts pa-facts">
            <dt>{a.session.when}</dt>
            <dd>
              {dayHeading(s.startsAt.slice(0, 10), ctx.locale)},{' '}
              {timeRange(s.startsAt, s.endsAt, zone, ctx.locale)}{' '}
              <span class="muted">
                ({ctx.t.common.timeIn(cityName(event.venueCity, zone, ctx.locale))})
              </span>
            </dd>
            {v && (
              <>
                <dt>{a.visit.meetingPoint}</dt>
                <dd dir="auto">{v.meetingPoint}</dd>
                <dt>{a.visit.departure}</dt>
                <dd>{timeOf(v.departureAt, zone, ctx.locale)}</dd>
                <dt>{a.visit.return}</dt>
                <dd>{timeOf(v.returnAt, zone, ctx.locale)}</dd>
                <dt>{a.visit.transport}</dt>
                <dd dir="auto">
                  {v.transportMode}, {a.visit.seats(v.seats)}
                </dd>
              </>
            )}
          </dl>
          <p class="muted">{t.privacyNote}</p>
          <h2>{t.busListCount(list.confirmed.length)}</h2>
          {list.confirmed.length === 0 ? (
            <p>{t.nobody}</p>
          ) : (
            <PeopleTable ctx={ctx} people={list.confirmed} />
          )}
          {list.waitlisted.length > 0 && (
            <>
              <h2>{t.waitlistTitle(list.waitlisted.length)}</h2>
              <PeopleTable ctx={ctx} people={list.waitlisted} waitlist />
            </>
          )}
          <p>
            <a href={`/host/sessions/${s.id}/bus-list.csv`}>{t.downloadCsv}</a>
          </p>
        </>
      ),
    });
  }

  @Get('sessions/:sessionId/bus-list.csv')
  async busListCsv(
    @Web() ctx: WebContext,
    @Param('sessionId') sessionId: string,
    @Query('separator') separator?: string,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    if (!isUuid(sessionId)) throw notFound('Session');
    const csv = await this.lists.listCsv(actor, sessionId, {
      separator: csvSeparatorFor(ctx.locale, separator),
    });
    return new Download(csv.body, 'text/csv; charset=utf-8', csv.filename, 'attachment');
  }
}
