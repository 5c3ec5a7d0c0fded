import { Get, Param, Post, Query } from '@nestjs/common';
import { csvSeparatorFor } from '#core';
import {
  PROFESSIONS,
  REGISTRATION_STATUSES,
  RegistrationReports,
  RegistrationWorkflow,
  VISA_STATUS_FILTERS,
  type BulkOutcome,
  type RegistrationListItem,
  type RegistrationAction,
} from '#registrations';
import type { EventView } from '#events';
import { Form } from '../../components/form.js';
import { listOf, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { Download, HtmlResponse, redirect, type PageResult } from '../../http/web-results.js';
import { ConsoleAccess, consoleEventPath, renderConsolePage } from '../console/console-frame.js';
import {
  LIST_KEYS,
  listHref,
  type ListValues,
  PAGE_SIZE,
  readListQuery,
} from './registration-query.js';
import { countryName } from '../../format/countries.js';
import { professionLabel, shortDate, StatusBadge, visaLabel } from './registration-words.js';
import { formatCount } from '#i18n';

type Facets = Awaited<ReturnType<RegistrationReports['facets']>>;

/** A column header that sorts by its key (ascending first, then descending). */
function SortHeader(props: {
  ctx: WebContext;
  base: string;
  values: ListValues;
  sortKey: string;
  label: string;
}) {
  const t = props.ctx.t.consoleRegistrations;
  const current = props.values.sort ?? 'createdAt';
  const asc = current === props.sortKey;
  const desc = current === `-${props.sortKey}`;
  const next = asc ? `-${props.sortKey}` : props.sortKey;
  return (
    <th scope="col" aria-sort={asc ? 'ascending' : desc ? 'descending' : undefined}>
      <a href={listHref(props.base, props.values, { sort: next })} class="cr-sort">
        {props.label}
        {asc && <span aria-hidden="true"> ▲</span>}
        {desc && <span aria-hidden="true"> ▼</span>}
        <span class="visually-hidden">
          {asc ? ` (${t.sortedAscending})` : desc ? ` (${t.sortedDescending})` : ''}
        </span>
      </a>
    </th>
  );
}

function StatusCounts(props: {
  ctx: WebContext;
  base: string;
  values: ListValues;
  facets: Facets;
}) {
  const t = props.ctx.t.consoleRegistrations;
  const current = props.values.status;
  return (
    <nav aria-label={t.counts} class="cr-counts no-print">
      <ul>
        <li>
          <a
            href={listHref(props.base, props.values, { status: undefined })}
            aria-current={!current ? 'true' : undefined}
          >
            {t.countAll(props.facets.total)}
          </a>
        </li>
        {REGISTRATION_STATUSES.filter((s) => props.facets.byStatus[s] > 0 || s === current).map(
          (s) => (
            <li>
              <a
                href={listHref(props.base, props.values, {
                  status: s,
                  sort: s === 'waitlisted' ? 'waitlist' : props.values.sort,
                })}
                aria-current={current === s ? 'true' : undefined}
              >
                {t.statusCount(
                  (props.facets.byStatus[s] === 1 ? t.statuses : t.statusesPlural)[s],
                  props.facets.byStatus[s],
                )}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

function Filters(props: { ctx: WebContext; base: string; values: ListValues; facets: Facets }) {
  const { ctx, values, facets } = props;
  const t = ctx.t.consoleRegistrations;
  const select = (
    name: keyof ListValues,
    label: string,
    options: Array<{ value: string; label: string }>,
  ) => (
    <div class="field">
      <label for={`cr-${name}`}>{label}</label>
      <select id={`cr-${name}`} name={name}>
        <option value="">{t.any}</option>
        {options.map((o) => (
          <option value={o.value} selected={values[name] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={props.base} class="cr-filters no-print" role="search">
      <div class="field cr-search">
        <label for="cr-q">{t.searchLabel}</label>
        <span class="hint" id="cr-q-hint">
          {t.searchHint}
        </span>
        <input
          type="search"
          id="cr-q"
          name="q"
          value={values.q ?? ''}
          maxLength={200}
          dir="auto"
          aria-describedby="cr-q-hint"
        />
      </div>
      {select(
        'status',
        t.status,
        REGISTRATION_STATUSES.map((s) => ({ value: s, label: t.statuses[s] })),
      )}
      {select(
        'organisationId',
        t.organisation,
        facets.organisations.map((o) => ({ value: o.id, label: o.name })),
      )}
      {select(
        'country',
        t.country,
        facets.countries
          .map((c) => ({ value: c, label: countryName(c, ctx.locale) }))
          .sort((a, b) => a.label.localeCompare(b.label, ctx.locale)),
      )}
      {select(
        'profession',
        t.profession,
        PROFESSIONS.map((p) => ({ value: p, label: t.professions[p] })),
      )}
      {select(
        'visaStatus',
        t.visaStatus,
        VISA_STATUS_FILTERS.map((v) => ({ value: v, label: t.visaStatuses[v] })),
      )}
      {values.sort && <input type="hidden" name="sort" value={values.sort} />}
      <div class="cr-filter-buttons">
        <button type="submit" class="btn">
          {t.applyFilters}
        </button>
        <a href={props.base}>{t.clearFilters}</a>
      </div>
    </form>
  );
}

function Table(props: {
  ctx: WebContext;
  event: EventView;
  base: string;
  values: ListValues;
  items: RegistrationListItem[];
}) {
  const { ctx, event, base, values } = props;
  const t = ctx.t.consoleRegistrations;
  const header = (sortKey: string, label: string) => (
    <SortHeader ctx={ctx} base={base} values={values} sortKey={sortKey} label={label} />
  );
  return (
    <div class="table-wrap">
      <table class="cr-table">
        <caption class="visually-hidden">{t.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col" class="cr-check no-print">
              <span class="visually-hidden">{t.selectAll}</span>
              <input
                type="checkbox"
                class="cr-all"
                aria-label={t.selectAll}
                data-cr-all="1"
                hidden
              />
            </th>
            {header('name', t.name)}
            {header('organisation', t.organisation)}
            {header('country', t.country)}
            {header('profession', t.profession)}
            {header('status', t.status)}
            {header('visaStatus', t.visaStatus)}
            {header('createdAt', t.registeredOn)}
            {header('waitlist', t.waitlistPosition)}
          </tr>
        </thead>
        <tbody>
          {props.items.map((r) => (
            <tr>
              <td class="cr-check no-print">
                <input
                  type="checkbox"
                  name="ids"
                  value={r.id}
                  id={`cr-row-${r.id}`}
                  aria-label={t.select(r.account.name)}
                />
              </td>
              <td class="cr-name">
                <a href={`${base}/${r.id}`} dir="auto">
                  {r.account.name}
                </a>
              </td>
              <td dir="auto">{r.organisation.name}</td>
              <td>{countryName(r.organisation.country, ctx.locale)}</td>
              <td>{professionLabel(ctx, r.profession, r.professionOther)}</td>
              <td>
                <StatusBadge ctx={ctx} status={r.status} />
              </td>
              <td>{visaLabel(ctx, r.visaStatus)}</td>
              <td class="cr-nowrap">{shortDate(r.createdAt, event.timezone, ctx.locale)}</td>
              <td class="cr-num">
                {r.waitlistPosition == null ? '' : formatCount(ctx.locale, r.waitlistPosition)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager(props: {
  ctx: WebContext;
  base: string;
  values: ListValues;
  page: number;
  pages: number;
}) {
  const { ctx, base, values, page, pages } = props;
  if (pages <= 1) return null;
  const t = ctx.t.common;
  return (
    <nav class="pager no-print" aria-label={ctx.t.consoleRegistrations.pages}>
      {page > 1 ? (
        <a href={listHref(base, values, { page: String(page - 1) })} rel="prev">
          {t.previous}
        </a>
      ) : (
        <span class="muted">{t.previous}</span>
      )}
      <span aria-current="page">{t.page(page, pages)}</span>
      {page < pages ? (
        <a href={listHref(base, values, { page: String(page + 1) })} rel="next">
          {t.next}
        </a>
      ) : (
        <span class="muted">{t.next}</span>
      )}
    </nav>
  );
}

function BulkControls(props: { ctx: WebContext; values: Record<string, unknown>; error?: string }) {
  const t = props.ctx.t.consoleRegistrations;
  const action = textOf(props.values, 'action');
  return (
    <fieldset class="cr-bulk no-print">
      <legend>{t.bulkTitle}</legend>
      {props.error && (
        <p class="error" role="alert" id="cr-bulk-error">
          {props.error}
        </p>
      )}
      <div class="cr-bulk-row">
        <div class="field">
          <label for="cr-bulk-action">{t.bulkAction}</label>
          <select id="cr-bulk-action" name="action">
            <option value="approve" selected={action === 'approve'}>
              {t.bulkApprove}
            </option>
            <option value="reject" selected={action === 'reject'}>
              {t.bulkReject}
            </option>
            <option value="cancel" selected={action === 'cancel'}>
              {t.bulkCancel}
            </option>
          </select>
        </div>
        <div class="field cr-bulk-reason">
          <label for="cr-bulk-reason">{t.bulkReason}</label>
          <input
            type="text"
            id="cr-bulk-reason"
            name="reason"
            maxLength={1000}
            dir="auto"
            value={textOf(props.values, 'reason') ?? ''}
          />
        </div>
        <button type="submit" class="btn" data-confirm={t.bulkConfirm}>
          {t.bulkSubmit}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * The organisers' registrations table: search, filters and sort in the URL (a GET form
 * and links, so any view can be bookmarked, printed or downloaded as CSV), pages of 50,
 * and a POST form around the rows for the bulk decisions.
 */
@WebController('console/events/:eventId/registrations')
export class RegistrationsListController {
  constructor(
    private readonly console: ConsoleAccess,
    private readonly reports: RegistrationReports,
    private readonly workflow: RegistrationWorkflow,
  ) {}

  private async listPage(
    ctx: WebContext,
    eventId: string,
    raw: Record<string, unknown>,
    bulk: { values: Record<string, unknown>; error?: string } = { values: {} },
  ): Promise<PageResult> {
    const { actor, event } = await this.console.event(ctx, eventId);
    const { query, values } = await readListQuery(ctx, raw);
    const [page, facets] = await Promise.all([
      this.reports.list(actor, eventId, query),
      this.reports.facets(actor, eventId),
    ]);
    const t = ctx.t.consoleRegistrations;
    const base = consoleEventPath(eventId, 'registrations');
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    // A page past the end (an old link after cancellations): the last page instead.
    if (page.page > pages) return redirect(listHref(base, values, { page: String(pages) }));
    const waitlistView = values.status === 'waitlisted' && values.sort === 'waitlist';
    const csvHref = listHref(`${base}/export.csv`, values, { page: undefined });
    const back = listHref(base, values, { page: values.page });
    return renderConsolePage(ctx, {
      event,
      section: 'registrations',
      title: waitlistView ? t.waitlistTitle : t.title,
      children: (
        <div class="cr">
          <p class="lead no-print">{waitlistView ? t.waitlistLead : t.lead}</p>
          <p class="cr-tools no-print">
            <a class="btn" href={`${base}/new`}>
              {t.registerSomeone}
            </a>
            <a class="btn secondary" href={csvHref} download>
              {t.downloadCsv}
            </a>
            {!waitlistView && (
              <a href={listHref(base, {}, { status: 'waitlisted', sort: 'waitlist' })}>
                {t.showWaitlist}
              </a>
            )}
          </p>
          <StatusCounts ctx={ctx} base={base} values={values} facets={facets} />
          <Filters ctx={ctx} base={base} values={values} facets={facets} />
          <p class="cr-results" role="status">
            {t.results(page.total)}
          </p>
          {page.items.length === 0 ? (
            <p>{t.noResults}</p>
          ) : (
            <Form ctx={ctx} action={`${base}/bulk`} id="cr-bulk-form">
              <input type="hidden" name="back" value={back} />
              <BulkControls ctx={ctx} values={bulk.values} error={bulk.error} />
              <Table ctx={ctx} event={event} base={base} values={values} items={page.items} />
            </Form>
          )}
          <Pager ctx={ctx} base={base} values={values} page={page.page} pages={pages} />
        </div>
      ),
    });
  }

  @Get()
  list(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query() raw: Record<string, unknown>,
  ): Promise<PageResult> {
    return this.listPage(ctx, eventId, raw);
  }

  /** The CSV of the current filter (every page), from the service: UTF-8 with a BOM. */
  @Get('export.csv')
  async csv(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query() raw: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor } = await this.console.event(ctx, eventId);
    const { query } = await readListQuery(ctx, raw);
    const { filename, body } = await this.reports.csv(actor, eventId, {
      ...query,
      separator: csvSeparatorFor(ctx.locale, raw.separator),
    });
    return new Download(body, 'text/csv; charset=utf-8', filename, 'attachment');
  }

  /**
   * Approve, reject or cancel the ticked rows. Each registration is decided on its own
   * and the page says what happened to each; sending the form twice changes nothing
   * more (the second time, each is "already" where the first left it).
   */
  @Post('bulk')
  async bulk(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.console.event(ctx, eventId);
    const t = ctx.t.consoleRegistrations;
    const base = consoleEventPath(eventId, 'registrations');
    const backRaw = textOf(body, 'back') ?? base;
    const back = backRaw.startsWith(`${base}?`) || backRaw === base ? backRaw : base;
    const backQuery = Object.fromEntries(new URL(back, 'http://x').searchParams);
    const action = textOf(body, 'action');
    const ids = listOf(body, 'ids');
    const reason = textOf(body, 'reason');
    const again = (error: string) =>
      this.listPage(ctx, eventId, backQuery, { values: body, error }).then((result) =>
        typeof result === 'string' ? new HtmlResponse(result, 400) : result,
      );
    if (action !== 'approve' && action !== 'reject' && action !== 'cancel') {
      return again(t.bulkChooseAction);
    }
    if (ids.length === 0) return again(t.bulkNothingSelected);
    if (action !== 'approve' && !reason) return again(t.bulkReasonRequired);
    if (reason && reason.length > 1000) return again(t.reasonTooLong);
    const outcomes = await this.workflow.bulk(
      actor,
      eventId,
      action as RegistrationAction,
      ids,
      reason,
    );
    const html = renderConsolePage(ctx, {
      event,
      section: 'registrations',
      title: t.bulkResultTitle,
      children: <BulkResult ctx={ctx} base={base} back={back} outcomes={outcomes} />,
    });
    return new HtmlResponse(html, 200);
  }
}

/** "approved", "not changed: already cancelled"... for one person's outcome. */
export function outcomeWords(ctx: WebContext, o: BulkOutcome): string {
  const t = ctx.t.consoleRegistrations.outcome;
  if (o.outcome === 'not_found') return t.notFound;
  const table = o.outcome === 'done' ? t.done : t.refused;
  return (o.status && table[o.status]) || t.unknown;
}

function BulkResult(props: {
  ctx: WebContext;
  base: string;
  back: string;
  outcomes: BulkOutcome[];
}) {
  const { ctx } = props;
  const t = ctx.t.consoleRegistrations;
  const counts = new Map<string, number>();
  for (const o of props.outcomes) {
    const words = outcomeWords(ctx, o);
    counts.set(words, (counts.get(words) ?? 0) + 1);
  }
  const summary = [...counts].map(([words, n]) => t.summaryCount(n, words)).join(', ');
  return (
    <>
      <p class="flash cr-summary" role="status">
        {summary}
      </p>
      <table class="cr-table">
        <thead>
          <tr>
            <th scope="col">{t.bulkPerson}</th>
            <th scope="col">{t.bulkOutcome}</th>
          </tr>
        </thead>
        <tbody>
          {props.outcomes.map((o) => (
            <tr>
              <td dir="auto">
                {o.name !== null ? <a href={`${props.base}/${o.id}`}>{o.name}</a> : o.id}
              </td>
              <td>{outcomeWords(ctx, o)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={props.back}>{t.bulkBack}</a>
      </p>
    </>
  );
}

export { LIST_KEYS };
