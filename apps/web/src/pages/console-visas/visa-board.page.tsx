import type { Page } from '#core';
import type { EventView } from '#events';
import {
  LETTER_ISSUED_STATUSES,
  VISA_LIST_STATUSES,
  type VisaListItem,
  type VisaListStatus,
  type VisaStatus,
} from '#travel';
import {
  CheckboxField,
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextField,
} from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';
import { consoleEventPath } from '../console/console-frame.js';
import { countryName, countryOptions } from '../../format/countries.js';
import { shortDate, shortDateTime } from './visa-format.js';
import { formatCount } from '#i18n';

export type VisaBoard = Page<VisaListItem> & { byStatus: Record<VisaListStatus, number> };

/** What happened to each letter of an "issue letters" submit, for the report above the board. */
export interface LetterOutcome {
  registrationId: string;
  name: string | null;
  result: 'issued' | 'already' | 'refused';
  reason?: keyof WebContext['t']['consoleVisas']['reasons'];
}

export const visasPath = (eventId: string) => consoleEventPath(eventId, 'visas');

/** Status badges: words first, the colour only repeats them. */
export function statusBadgeClass(status: VisaStatus | null): string {
  if (status === 'granted' || status === 'not_required') return 'badge ok';
  if (status === 'refused') return 'badge bad';
  if (status === null) return 'badge';
  return 'badge wait';
}

export function StatusBadge(props: { ctx: WebContext; status: VisaStatus | null }) {
  return (
    <span class={statusBadgeClass(props.status)}>
      {props.ctx.t.consoleVisas.statuses[props.status ?? 'unknown']}
    </span>
  );
}

/** The board's query string with some fields changed (page links, count links). */
export function boardQuery(values: Record<string, unknown>, change: Record<string, string | null>) {
  const params = new URLSearchParams();
  for (const key of ['status', 'nationality', 'passportExpiring', 'q', 'page']) {
    const value = key in change ? change[key] : values[key];
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function Counts(props: { ctx: WebContext; event: EventView; board: VisaBoard; current?: string }) {
  const { ctx, board } = props;
  const t = ctx.t.consoleVisas;
  const total = VISA_LIST_STATUSES.reduce((sum, s) => sum + board.byStatus[s], 0);
  const link = (status: string | null, label: string, n: number) => (
    <li>
      <a
        href={`${visasPath(props.event.id)}${status ? `?status=${status}` : ''}`}
        aria-current={(props.current ?? null) === status ? 'true' : undefined}
      >
        <span class="cv-count-n">{formatCount(ctx.locale, n)}</span>{' '}
        <span class="cv-count-label">{label}</span>
      </a>
    </li>
  );
  return (
    <nav aria-labelledby="cv-counts-title" class="cv-counts">
      <h2 id="cv-counts-title" class="visually-hidden">
        {t.countsTitle}
      </h2>
      <ul>
        {link(null, t.allStatuses, total)}
        {VISA_LIST_STATUSES.map((s) => link(s, t.statuses[s], board.byStatus[s]))}
      </ul>
    </nav>
  );
}

function Filters(props: { ctx: WebContext; event: EventView; filters: FormState }) {
  const { ctx } = props;
  const t = ctx.t.consoleVisas.filters;
  const form = { ...props.filters, idPrefix: 'flt-' };
  return (
    <Form ctx={ctx} action={visasPath(props.event.id)} method="get" class="cv-filters no-print">
      <h2 class="visually-hidden">{t.title}</h2>
      <div class="toolbar">
        <SelectField
          form={form}
          name="status"
          label={t.status}
          placeholder={t.anyStatus}
          options={VISA_LIST_STATUSES.map((s) => ({
            value: s,
            label: ctx.t.consoleVisas.statuses[s],
          }))}
        />
        <SelectField
          form={form}
          name="nationality"
          label={t.nationality}
          placeholder={t.anyNationality}
          options={countryOptions(ctx.locale)}
        />
        <SelectField
          form={form}
          name="passportExpiring"
          label={t.passport}
          placeholder={t.passportAny}
          options={[
            { value: 'true', label: t.passportExpiring },
            { value: 'false', label: t.passportFine },
          ]}
        />
        <TextField form={form} name="q" label={t.search} hint={t.searchHint} maxLength={200} />
        <button type="submit" class="btn">
          {t.apply}
        </button>
        <a href={visasPath(props.event.id)}>{t.reset}</a>
      </div>
    </Form>
  );
}

function Outcomes(props: { ctx: WebContext; outcomes: LetterOutcome[] }) {
  const t = props.ctx.t.consoleVisas;
  const issued = props.outcomes.filter((o) => o.result === 'issued').length;
  return (
    <section class="notice cv-outcomes" role="status" aria-labelledby="cv-outcomes-title">
      <h2 id="cv-outcomes-title">{t.bulk.title}</h2>
      <p>{t.bulk.summary(issued, props.outcomes.length)}</p>
      <ul>
        {props.outcomes.map((o) => (
          <li class={`cv-outcome-${o.result}`}>
            <strong>
              <bdi>{o.name ?? t.bulk.unknownPerson}</bdi>
            </strong>
            {t.bulk.separator}
            {o.result === 'issued'
              ? t.bulk.issued
              : o.result === 'already'
                ? t.bulk.already
                : `${t.bulk.refused} ${t.reasons[o.reason ?? 'other']}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Expires before the event ends" or "expires too soon" beside a passport's date, if either. */
export function ExpiryWarning(props: { ctx: WebContext; item: VisaListItem }) {
  const t = props.ctx.t.consoleVisas;
  const warning = props.item.passportWarning;
  if (!warning) return null;
  return (
    <strong class="cv-expiry-warning">
      <span aria-hidden="true">⚠ </span>
      {warning === 'passport_expires_before_event_end' ? t.expiresBeforeEnd : t.expiresTooSoon}
    </strong>
  );
}

function PassportExpiry(props: { ctx: WebContext; item: VisaListItem }) {
  const { ctx, item } = props;
  const t = ctx.t.consoleVisas;
  if (!item.passportExpiresOn) return <span class="muted">{t.passportNotGiven}</span>;
  return (
    <>
      <span class="cv-nowrap">{shortDate(item.passportExpiresOn, ctx.locale)}</span>
      <ExpiryWarning ctx={ctx} item={item} />
    </>
  );
}

function Row(props: { ctx: WebContext; event: EventView; item: VisaListItem }) {
  const { ctx, event, item } = props;
  const t = ctx.t.consoleVisas;
  const base = visasPath(event.id);
  const name = item.account.name;
  const id = `cv-sel-${item.registrationId}`;
  return (
    <tr class={item.passportWarning ? 'cv-row-warning' : undefined}>
      <td class="cv-select">
        <input
          type="checkbox"
          name="registrationId"
          value={item.registrationId}
          id={id}
          aria-label={t.table.selectPerson(name)}
        />
      </td>
      <td class="cv-name">
        <a href={`${base}/${item.registrationId}`} dir="auto">
          {name}
        </a>
        <span class="cv-email muted">{item.account.email}</span>
        {item.letterDetailsMissing.length > 0 && (
          <span class="cv-details-missing">
            {ctx.t.letterDetails.missing(
              item.letterDetailsMissing.map((d) => ctx.t.letterDetails.names[d]).join(', '),
            )}
          </span>
        )}
      </td>
      <td>
        <bdi>{item.organisation.name}</bdi>
      </td>
      <td>{item.nationality ? countryName(item.nationality, ctx.locale) : '—'}</td>
      <td>
        <PassportExpiry ctx={ctx} item={item} />
      </td>
      <td>
        <StatusBadge ctx={ctx} status={item.visaStatus} />
      </td>
      <td class="cv-nowrap">
        {item.visaStatusChangedAt
          ? shortDateTime(item.visaStatusChangedAt, event.timezone, ctx.locale)
          : '—'}
      </td>
      <td>
        {item.visaStatus === 'letter_requested' && (
          <button
            type="submit"
            name="only"
            value={item.registrationId}
            class="btn small secondary"
            aria-label={t.issueLetterFor(name)}
          >
            {t.issueLetter}
          </button>
        )}
        {item.visaStatus && LETTER_ISSUED_STATUSES.includes(item.visaStatus) && (
          <a href={`${base}/${item.registrationId}/letter.pdf`}>
            {t.downloadLetter}
            <span class="visually-hidden">, {name}</span>
          </a>
        )}
      </td>
    </tr>
  );
}

function Pager(props: {
  ctx: WebContext;
  event: EventView;
  board: VisaBoard;
  values: Record<string, unknown>;
}) {
  const { ctx, board } = props;
  const t = ctx.t.consoleVisas.pager;
  const pages = Math.max(1, Math.ceil(board.total / board.pageSize));
  if (pages <= 1) return null;
  const href = (page: number) =>
    `${visasPath(props.event.id)}${boardQuery(props.values, { page: String(page) })}`;
  return (
    <nav class="pager" aria-label={t.label}>
      {board.page > 1 && <a href={href(board.page - 1)}>{t.previous}</a>}
      <span>{t.pageOf(board.page, pages)}</span>
      {board.page < pages && <a href={href(board.page + 1)}>{t.next}</a>}
    </nav>
  );
}

/** The visa board: counts that filter, filters, the table (a form for issuing letters), pages. */
export function VisaBoardPage(props: {
  ctx: WebContext;
  event: EventView;
  board: VisaBoard;
  filters: FormState;
  outcomes?: LetterOutcome[];
  bulkError?: string;
}) {
  const { ctx, event, board, filters } = props;
  const t = ctx.t.consoleVisas;
  const back = boardQuery(filters.values, {});
  return (
    <>
      {props.outcomes && props.outcomes.length > 0 && (
        <Outcomes ctx={ctx} outcomes={props.outcomes} />
      )}
      {props.bulkError && (
        <p class="warning" role="alert">
          {props.bulkError}
        </p>
      )}
      <Counts
        ctx={ctx}
        event={event}
        board={board}
        current={typeof filters.values.status === 'string' ? filters.values.status : undefined}
      />
      <ErrorSummary
        ctx={ctx}
        form={{ ...filters, idPrefix: 'flt-' }}
        labels={{
          status: t.filters.status,
          nationality: t.filters.nationality,
          passportExpiring: t.filters.passport,
          q: t.filters.search,
        }}
      />
      <Filters ctx={ctx} event={event} filters={filters} />
      <p class="no-print">
        <a href={`${visasPath(event.id)}/rules`}>{t.rules.link}</a>
      </p>
      <Form ctx={ctx} action={`${visasPath(event.id)}/letters`} id="cv-bulk">
        <input type="hidden" name="back" value={back} />
        <div class="table-wrap">
          <table class="cv-board">
            <caption>{t.table.caption(board.items.length, board.total)}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">{t.table.select}</span>
                  {/* Ticks every row; shown by the script (without it, tick rows one by one). */}
                  <input
                    type="checkbox"
                    class="cv-select-all"
                    aria-label={t.table.selectAll}
                    data-cv-select-all
                    hidden
                  />
                </th>
                <th scope="col">{t.table.name}</th>
                <th scope="col">{t.table.organisation}</th>
                <th scope="col">{t.table.nationality}</th>
                <th scope="col">{t.table.passportExpiry}</th>
                <th scope="col">{t.table.status}</th>
                <th scope="col">{t.table.lastChange}</th>
                <th scope="col">{t.table.actions}</th>
              </tr>
            </thead>
            <tbody>
              {board.items.map((item) => (
                <Row ctx={ctx} event={event} item={item} />
              ))}
            </tbody>
          </table>
        </div>
        {board.items.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <div class="cv-bulk-bar no-print">
            <p class="hint muted" id="cv-bulk-hint">
              {t.bulkHint}
            </p>
            <CheckboxField
              form={emptyForm()}
              name="withoutDetails"
              label={ctx.t.letterDetails.withoutDetails}
              hint={ctx.t.letterDetails.withoutDetailsHint}
            />
            <button type="submit" class="btn" aria-describedby="cv-bulk-hint">
              {t.issueSelected}
            </button>
          </div>
        )}
      </Form>
      <Pager ctx={ctx} event={event} board={board} values={filters.values} />
    </>
  );
}
