import type { EventView } from '#events';
import type { FinanceGroupRow, FinanceSummary, RegistrationCostsView } from '#finance';
import { countryName } from '../../format/countries.js';
import type { WebContext } from '../../http/web-context.js';
import { financePath, money } from './money-format.js';
import { formatCount } from '#i18n';

type Totals = Omit<FinanceGroupRow, 'key' | 'label'>;

function Amounts(props: { ctx: WebContext; row: Totals; currency: string }) {
  const { ctx, row, currency } = props;
  const m = (n: number) => money(n, currency, ctx.locale);
  return (
    <>
      <td class="fin-num">{m(row.networkBearsMinor)}</td>
      <td class="fin-num">{m(row.settledMinor)}</td>
      <td class="fin-num">{m(row.outstandingMinor)}</td>
      <td class="fin-num">{m(row.toReimburseMinor)}</td>
    </>
  );
}

function AmountHeads(props: { ctx: WebContext }) {
  const t = props.ctx.t.finance.summary;
  return (
    <>
      <th scope="col" class="fin-num">
        {t.networkBears}
      </th>
      <th scope="col" class="fin-num">
        {t.settled}
      </th>
      <th scope="col" class="fin-num">
        {t.outstanding}
      </th>
      <th scope="col" class="fin-num">
        {t.toReimburse}
      </th>
    </>
  );
}

function GroupTable(props: {
  ctx: WebContext;
  id: string;
  title: string;
  head: string;
  rows: FinanceGroupRow[];
  currency: string;
  label: (row: FinanceGroupRow) => string;
}) {
  const { ctx } = props;
  const t = ctx.t.finance.summary;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {/* Focusable, so a keyboard can scroll it on a narrow screen. */}
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={props.id}>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.head}</th>
              <th scope="col" class="fin-num">
                {t.people}
              </th>
              <AmountHeads ctx={ctx} />
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <th scope="row" dir="auto">
                  {props.label(row)}
                </th>
                <td class="fin-num">{formatCount(ctx.locale, row.participants)}</td>
                <Amounts ctx={ctx} row={row} currency={props.currency} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One participant's row (a component: see renderPage on long tables). */
function ParticipantRow(props: {
  ctx: WebContext;
  base: string;
  currency: string;
  person: RegistrationCostsView;
}) {
  const p = props.person;
  return (
    <tr>
      <th scope="row">
        <a href={`${props.base}/${p.registrationId}`}>
          <bdi>{p.participant.name}</bdi>
        </a>
      </th>
      <td dir="auto" class="fin-org">
        {p.participant.organisation}
      </td>
      <td class="fin-num">{p.perDiem.days}</td>
      <Amounts ctx={props.ctx} currency={props.currency} row={{ participants: 1, ...p.totals }} />
    </tr>
  );
}

/** The finance view: totals, then per participant, organisation and country. */
export function FinanceSummaryPage(props: {
  ctx: WebContext;
  event: EventView;
  summary: FinanceSummary;
}) {
  const { ctx, event, summary } = props;
  const t = ctx.t.finance.summary;
  const base = financePath(event.id);
  const currency = summary.currency;
  return (
    <>
      <p class="toolbar no-print">
        <a href={`${base}/coverage`}>{t.coverageLink}</a>
        {currency && <a href={`${base}.csv`}>{t.csv}</a>}
      </p>
      {!currency ? (
        <p class="notice">
          {t.notConfigured} <a href={`${base}/coverage`}>{t.coverageLink}</a>
        </p>
      ) : (
        <>
          <p class="lead">{t.lead(currency)}</p>
          {summary.missingRates.length > 0 && (
            <p class="warning" role="status">
              {t.missingRates(summary.missingRates.join(', '))}{' '}
              <a href={`${base}/coverage#fin-rates`}>{t.addRate}</a>
            </p>
          )}
          <section class="card" aria-labelledby="fin-totals">
            <h2 id="fin-totals">{t.totalsTitle}</h2>
            <dl class="fin-totals">
              <div>
                <dt>{t.networkBears}</dt>
                <dd>{money(summary.totals.networkBearsMinor, currency, ctx.locale)}</dd>
              </div>
              <div>
                <dt>{t.settled}</dt>
                <dd>{money(summary.totals.settledMinor, currency, ctx.locale)}</dd>
              </div>
              <div>
                <dt>{t.outstanding}</dt>
                <dd>{money(summary.totals.outstandingMinor, currency, ctx.locale)}</dd>
              </div>
              <div>
                <dt>{t.toReimburse}</dt>
                <dd>{money(summary.totals.toReimburseMinor, currency, ctx.locale)}</dd>
              </div>
            </dl>
          </section>
          <section aria-labelledby="fin-people">
            <h2 id="fin-people">{t.participantsTitle}</h2>
            {summary.participants.length === 0 ? (
              <p>{t.empty}</p>
            ) : (
              <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="fin-people">
                <table>
                  <caption class="visually-hidden">
                    {t.caption(summary.participants.length)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.name}</th>
                      <th scope="col">{t.organisation}</th>
                      <th scope="col" class="fin-num">
                        {t.perDiemDays}
                      </th>
                      <AmountHeads ctx={ctx} />
                    </tr>
                  </thead>
                  <tbody>
                    {summary.participants.map((p) => (
                      <ParticipantRow ctx={ctx} base={base} currency={currency} person={p} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <GroupTable
            ctx={ctx}
            id="fin-orgs"
            title={t.organisationsTitle}
            head={t.organisation}
            rows={summary.byOrganisation}
            currency={currency}
            label={(r) => r.label}
          />
          <GroupTable
            ctx={ctx}
            id="fin-countries"
            title={t.countriesTitle}
            head={t.country}
            rows={summary.byCountry}
            currency={currency}
            label={(r) => countryName(r.key, ctx.locale)}
          />
        </>
      )}
    </>
  );
}
