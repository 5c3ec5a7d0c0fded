import { Get, Param } from '@nestjs/common';
import type { Locale } from '#core';
import { type ListSessionsQueryDto, SessionsService } from '#agenda';
import { RegistrationChartsService, RegistrationReports } from '#registrations';
import { type ListVisasQueryDto, VISA_LIST_STATUSES, VisaReports } from '#travel';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { ConsoleAccess, consoleEventPath, renderConsolePage } from '../console/console-frame.js';
import { type Bar, BarChart, ChartSection, CumulativeChart, PALETTE } from './charts.js';
import { countryName } from '../../format/countries.js';
import { calendarDate, count, dayBefore, shortInstant } from './words.js';
import { formatCount } from '#i18n';

/** Organisations drawn one by one; the rest are summed in one bar. */
const TOP_ORGANISATIONS = 12;

function NumbersTable(props: {
  caption: string;
  head: string[];
  rows: Array<Array<string | number>>;
  locale: Locale;
}) {
  // Numbers align right (their column too); words stay where they start.
  const numeric = (props.rows[0] ?? []).map((cell) => typeof cell === 'number');
  return (
    <table class="cm-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((h, i) => (
            <th scope="col" class={i > 0 && numeric[i] ? 'num' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            {row.map((cell, i) =>
              i === 0 ? (
                <th scope="row" dir="auto">
                  {cell}
                </th>
              ) : (
                <td class={typeof cell === 'number' ? 'num' : undefined}>
                  {typeof cell === 'number' ? count(cell, props.locale) : cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One bar chart with its table of the same numbers. */
function BarSection(props: {
  ctx: WebContext;
  id: string;
  title: string;
  note?: string;
  head: [string, string];
  bars: Bar[];
  colour?: string;
  extraColumns?: { head: string[]; rows: Array<Array<string | number>> };
  stacked?: boolean;
}) {
  const t = props.ctx.t.dashboard;
  const total = props.bars.reduce((s, b) => s + b.value, 0);
  const empty = props.bars.length === 0;
  return (
    <ChartSection
      id={props.id}
      title={props.title}
      note={props.note}
      empty={empty ? t.empty : undefined}
      stacked={props.stacked}
      chart={
        <BarChart
          id={`${props.id}-svg`}
          locale={props.ctx.locale}
          title={props.title}
          description={t.chartLabel(props.title, total)}
          bars={props.bars}
          colour={props.colour}
        />
      }
      table={
        <NumbersTable
          caption={t.tableCaption(props.title)}
          locale={props.ctx.locale}
          head={[...props.head, ...(props.extraColumns?.head ?? [])]}
          rows={props.bars.map((b, i) => [
            b.label,
            b.value,
            ...(props.extraColumns?.rows[i] ?? []),
          ])}
        />
      }
    />
  );
}

/**
 * The console's home for one event: the headline numbers and six charts drawn on the
 * server, each with its numbers as a table, and the way to the other sections.
 */
@WebController('console/events')
export class ConsoleDashboardController {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly reports: RegistrationReports,
    private readonly charts: RegistrationChartsService,
    private readonly visas: VisaReports,
    private readonly sessions: SessionsService,
  ) {}

  @Get(':eventId')
  async overview(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<string> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const [stats, charts, visas, sessions] = await Promise.all([
      this.reports.stats(actor, event.id),
      this.charts.charts(actor, event.id),
      this.visas.list(actor, event.id, { page: 1, pageSize: 1 } as ListVisasQueryDto),
      this.sessions.list(actor, event.id, {} as ListSessionsQueryDto),
    ]);
    const t = ctx.t.dashboard;
    const c = t.columns;
    const locale = ctx.locale;

    const byCountry: Bar[] = stats.byCountry.map((r) => ({
      label: countryName(r.country, locale),
      value: r.participants,
    }));
    const top = charts.byOrganisation.slice(0, TOP_ORGANISATIONS);
    const rest = charts.byOrganisation.slice(TOP_ORGANISATIONS);
    const byOrganisation: Bar[] = top.map((o) => ({ label: o.name, value: o.participants }));
    if (rest.length > 0) {
      byOrganisation.push({
        label: t.otherOrganisations(rest.length),
        value: rest.reduce((s, o) => s + o.participants, 0),
      });
    }
    const organisationCountries = [
      ...top.map((o) => [countryName(o.country, locale)]),
      ...(rest.length > 0 ? [['']] : []),
    ];
    const byProfession: Bar[] = stats.byProfession
      .filter((p) => p.participants > 0)
      .map((p) => ({ label: t.professions[p.profession] ?? p.profession, value: p.participants }));
    const visaBars: Bar[] = VISA_LIST_STATUSES.map((s) => ({
      label: t.visaStatuses[s] ?? s,
      value: visas.byStatus[s] ?? 0,
    })).filter((b) => b.value > 0);
    const limited = sessions
      .filter((s) => s.status !== 'cancelled' && s.capacity !== null)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const seatBars: Bar[] = limited.map((s) => ({
      label: `${s.title} · ${shortInstant(s.startsAt, event.timezone, locale)}`,
      value: s.seats.remaining ?? 0,
      note: ` / ${formatCount(locale, s.capacity ?? 0)}`,
    }));

    const links: Array<[string, string]> = [
      [consoleEventPath(event.id, 'registrations'), t.links.registrations],
      [consoleEventPath(event.id, 'visas'), t.links.visas],
      [consoleEventPath(event.id, 'agenda'), t.links.agenda],
      [consoleEventPath(event.id, 'announcements'), t.links.announcements],
      [consoleEventPath(event.id, 'messages'), t.links.messages],
      // An immersion's exchange report: the page offers one PDF per partner language.
      ...(event.kind === 'immersion'
        ? [[`/e/${event.slug}/report`, ctx.t.learning.report.title] as [string, string]]
        : []),
    ];

    return renderConsolePage(ctx, {
      event,
      section: 'overview',
      title: t.title,
      children: (
        <div class="cm-dashboard">
          <p class="cm-headline">
            {stats.participants === 0
              ? t.noParticipants
              : t.headline(stats.participants, stats.organisations, stats.countries)}
          </p>
          <p class="muted">
            {t.headlineNote(stats.byStatus.waitlisted ?? 0, stats.byStatus.pending ?? 0)}{' '}
            {t.seats(stats.seatsLeft, stats.capacity)}
          </p>
          <nav class="cm-links no-print" aria-label={t.quickLinks}>
            <ul>
              {links.map(([href, label]) => (
                <li>
                  <a href={href}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="cm-charts">
            <BarSection
              ctx={ctx}
              id="by-country"
              title={t.charts.byCountry}
              head={[c.country, c.participants]}
              bars={byCountry}
            />
            <BarSection
              ctx={ctx}
              id="by-organisation"
              title={t.charts.byOrganisation}
              note={
                rest.length > 0
                  ? t.chartNotes.byOrganisation(top.length, charts.byOrganisation.length)
                  : undefined
              }
              head={[c.organisation, c.participants]}
              bars={byOrganisation}
              colour={PALETTE[2]}
              extraColumns={{ head: [c.country], rows: organisationCountries }}
            />
            <BarSection
              ctx={ctx}
              id="by-profession"
              title={t.charts.byProfession}
              head={[c.profession, c.participants]}
              bars={byProfession}
              colour={PALETTE[3]}
            />
            <ChartSection
              id="over-time"
              title={t.charts.overTime}
              note={t.chartNotes.overTime}
              empty={charts.overTime.length === 0 ? t.empty : undefined}
              chart={
                <CumulativeChart
                  id="over-time-svg"
                  locale={locale}
                  title={t.charts.overTime}
                  description={t.chartLabel(
                    t.charts.overTime,
                    charts.overTime[charts.overTime.length - 1]?.cumulative ?? 0,
                  )}
                  points={[
                    // The line starts from nothing, the day before the first registration.
                    ...charts.overTime
                      .slice(0, 1)
                      .map((d) => ({ date: dayBefore(d.date), cumulative: 0 })),
                    ...charts.overTime,
                  ].map((d) => ({
                    label: calendarDate(d.date, locale, true),
                    shortLabel: calendarDate(d.date, locale),
                    value: d.cumulative,
                  }))}
                />
              }
              table={
                <NumbersTable
                  caption={t.tableCaption(t.charts.overTime)}
                  locale={locale}
                  head={[c.date, c.received, c.cumulative]}
                  rows={charts.overTime.map((d) => [
                    calendarDate(d.date, locale, true),
                    d.received,
                    d.cumulative,
                  ])}
                />
              }
            />
            <BarSection
              ctx={ctx}
              id="visas"
              title={t.charts.visas}
              note={t.chartNotes.visas}
              head={[c.visaStatus, c.people]}
              bars={visaBars}
              colour={PALETTE[1]}
            />
            <BarSection
              ctx={ctx}
              id="seats"
              title={t.charts.seats}
              note={t.chartNotes.seats}
              head={[c.session, c.seatsLeft]}
              bars={seatBars}
              colour={PALETTE[2]}
              stacked
              extraColumns={{
                head: [c.capacity, c.taken, c.waitlisted],
                rows: limited.map((s) => [s.capacity ?? 0, s.seats.confirmed, s.seats.waitlisted]),
              }}
            />
          </div>
        </div>
      ),
    });
  }
}
