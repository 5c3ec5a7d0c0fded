import { INTL_TAGS, numberFormat } from '#core';
import type { EventView } from '#events';
import {
  COST_KINDS,
  COVERAGE_PARTS,
  type CostItemView,
  type EventCoverageView,
  PAYERS,
  type RegistrationCostsView,
} from '#finance';
import {
  ActionButton,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.js';
import { countryName } from '../../format/countries.js';
import type { WebContext } from '../../http/web-context.js';
import { shortDate, shortDateTime } from '../console-visas/visa-format.js';
import { amountField, financePath, money } from './money-format.js';

/** "12 KB", "12 ko": a file's size the reader's way. */
function kilobytes(bytes: number, locale: WebContext['locale']): string {
  return numberFormat(INTL_TAGS[locale], { style: 'unit', unit: 'kilobyte' }).format(
    Math.max(1, Math.round(bytes / 1024)),
  );
}

export const STATUS_TONE = { to_pay: 'wait', paid: 'ok', reimbursed: 'ok' } as const;

export function CostStatus(props: { ctx: WebContext; item: CostItemView }) {
  const t = props.ctx.t.finance.statuses;
  const s = props.item.status;
  return s ? (
    <span class={`badge ${STATUS_TONE[s]}`}>{t[s]}</span>
  ) : (
    <span class="badge">{t.none}</span>
  );
}

/** The receipt upload: multipart, so the page's Form (urlencoded) does not fit; CSRF first. */
function ReceiptUpload(props: { ctx: WebContext; action: string; itemId: string; error?: string }) {
  const { ctx } = props;
  const t = ctx.t.finance.person;
  const id = `f-receipt-${props.itemId}`;
  return (
    <form
      action={props.action}
      method="post"
      enctype="multipart/form-data"
      class={`fin-upload${props.error ? ' invalid' : ''}`}
      noValidate
    >
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <label for={id}>{t.receiptFile}</label>
      {props.error && (
        <span class="error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
      <input
        type="file"
        id={id}
        name="file"
        accept="application/pdf,image/jpeg,image/png"
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      <button type="submit" class="btn small secondary">
        {t.attach}
      </button>
    </form>
  );
}

function Line(props: {
  ctx: WebContext;
  event: EventView;
  base: string;
  item: CostItemView;
  currency: string | null;
  uploadError?: string;
}) {
  const { ctx, event, item, base } = props;
  const t = ctx.t.finance;
  const p = t.person;
  const itemPath = `${base}/items/${item.id}`;
  const when = (iso: string) => shortDateTime(iso, event.timezone, ctx.locale);
  return (
    <li class="card fin-line" id={`cost-${item.id}`}>
      <div class="fin-line-head">
        <h3>
          {t.kinds[item.kind]}
          {item.description && (
            <>
              {' · '}
              <span dir="auto">{item.description}</span>
            </>
          )}
        </h3>
        <p class="fin-amount">
          {money(item.amountMinor, item.currency, ctx.locale)}
          {props.currency && item.currency !== props.currency && (
            <span class="muted">
              {' '}
              (
              {p.inEventCurrency(
                props.currency,
                item.eventAmountMinor === null
                  ? p.noRate
                  : money(item.eventAmountMinor, props.currency, ctx.locale),
              )}
              )
            </span>
          )}
        </p>
      </div>
      <dl class="fin-facts">
        <dt>{p.payer}</dt>
        <dd>{t.payers[item.payer]}</dd>
        <dt>{p.advancedBy}</dt>
        <dd>{t.payers[item.advancedBy]}</dd>
        <dt>{p.status}</dt>
        <dd>
          <CostStatus ctx={ctx} item={item} />{' '}
          {item.statusChangedBy && (
            <span class="muted">
              {p.changedBy(item.statusChangedBy, when(item.statusChangedAt))}
            </span>
          )}
        </dd>
      </dl>
      {item.status && (
        <div class="fin-actions no-print">
          {item.status === 'to_pay' && (
            <ActionButton
              ctx={ctx}
              action={`${itemPath}/status`}
              hidden={{
                status:
                  item.advancedBy === 'network' || item.kind === 'per_diem' ? 'paid' : 'reimbursed',
              }}
              label={
                item.advancedBy === 'network' || item.kind === 'per_diem'
                  ? p.markPaid
                  : p.markReimbursed
              }
              variant="small"
            />
          )}
          {item.status !== 'to_pay' && (
            <ActionButton
              ctx={ctx}
              action={`${itemPath}/status`}
              hidden={{ status: 'to_pay' }}
              label={p.backToPay}
              variant="small"
            />
          )}
          {item.status === 'to_pay' && (
            <ActionButton
              ctx={ctx}
              action={`${itemPath}/delete`}
              label={p.remove}
              variant="small"
              confirm={p.removeConfirm}
            />
          )}
        </div>
      )}
      <h4>{p.receipts}</h4>
      {item.receipts.length === 0 ? (
        <p class="muted">{p.noReceipts}</p>
      ) : (
        <ul class="plain">
          {item.receipts.map((r) => (
            <li>
              <a href={`${financePath(event.id)}/receipts/${r.id}`}>
                <bdi>{r.fileName}</bdi>
              </a>{' '}
              <span class="muted">({kilobytes(r.sizeBytes, ctx.locale)})</span>
            </li>
          ))}
        </ul>
      )}
      <ReceiptUpload
        ctx={ctx}
        action={`${itemPath}/receipts`}
        itemId={item.id}
        error={props.uploadError}
      />
      {item.history.length > 1 && (
        <details>
          <summary>{p.history}</summary>
          <ul class="plain">
            {[...item.history].reverse().map((h) => (
              <li>
                {p.historyLine(t.statuses[h.to], h.changedBy ?? '—', when(h.changedAt))}
                {h.note && (
                  <>
                    {' · '}
                    <span dir="auto">{h.note}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** One participant's costs: coverage and exceptions, stay, per diem, lines, receipts. */
export function FinancePersonPage(props: {
  ctx: WebContext;
  event: EventView;
  eventCoverage: EventCoverageView;
  costs: RegistrationCostsView;
  coverageForm: FormState;
  costForm: FormState;
  upload?: { itemId: string; error: string };
  notice?: string;
}) {
  const { ctx, event, costs, eventCoverage } = props;
  const t = ctx.t.finance;
  const p = t.person;
  const base = `${financePath(event.id)}/${costs.registrationId}`;
  const currency = costs.coverage.currency;
  const perDiemCurrency = costs.perDiem.currency;
  const coverageForm = { ...props.coverageForm, idPrefix: 'cov-' };
  const coverageLabels: Record<string, string> = {
    ...Object.fromEntries(COVERAGE_PARTS.map((part) => [part, t.parts[part]])),
    perDiemDays: p.perDiemDays,
    perDiemDaily: p.perDiemDaily,
    note: p.note,
  };
  const costLabels: Record<string, string> = {
    kind: p.kind,
    description: p.description,
    amount: p.amount,
    currency: p.currency,
    payer: p.payer,
    advancedBy: p.advancedBy,
  };
  const payerOptions = PAYERS.map((v) => ({ value: v, label: t.payers[v] }));
  return (
    <>
      <p class="no-print">
        <a href={financePath(event.id)}>{p.back}</a>
      </p>
      <p class="lead" dir="auto">
        {costs.participant.organisation} ({countryName(costs.participant.country, ctx.locale)})
      </p>
      {props.notice && (
        <p class="warning" role="alert">
          {props.notice}
        </p>
      )}
      {currency && (
        <section class="card" aria-labelledby="fin-person-totals">
          <h2 id="fin-person-totals">{p.totalsTitle}</h2>
          <dl class="fin-totals">
            <div>
              <dt>{t.summary.networkBears}</dt>
              <dd>{money(costs.totals.networkBearsMinor, currency, ctx.locale)}</dd>
            </div>
            <div>
              <dt>{t.summary.settled}</dt>
              <dd>{money(costs.totals.settledMinor, currency, ctx.locale)}</dd>
            </div>
            <div>
              <dt>{t.summary.outstanding}</dt>
              <dd>{money(costs.totals.outstandingMinor, currency, ctx.locale)}</dd>
            </div>
            <div>
              <dt>{t.summary.toReimburse}</dt>
              <dd>{money(costs.totals.toReimburseMinor, currency, ctx.locale)}</dd>
            </div>
          </dl>
          {costs.totals.missingRates.length > 0 && (
            <p class="warning">{t.summary.missingRates(costs.totals.missingRates.join(', '))}</p>
          )}
        </section>
      )}

      <section aria-labelledby="fin-stay">
        <h2 id="fin-stay">{p.stayTitle}</h2>
        <p>
          {p.stay(
            shortDate(costs.stay.checkIn, ctx.locale),
            shortDate(costs.stay.checkOut, ctx.locale),
            costs.stay.nights,
          )}{' '}
          <span class="muted">
            ({p.staySource[costs.stay.source as keyof typeof p.staySource] ?? costs.stay.source})
          </span>
        </p>
        <h3>{p.perDiemTitle}</h3>
        {costs.perDiem.payer === 'network' && perDiemCurrency && costs.perDiem.amountMinor > 0 ? (
          <>
            <p>
              {p.perDiem(
                costs.perDiem.days,
                money(costs.perDiem.dailyMinor, perDiemCurrency, ctx.locale),
                money(costs.perDiem.amountMinor, perDiemCurrency, ctx.locale),
              )}
            </p>
            <ActionButton
              ctx={ctx}
              action={`${base}/per-diem`}
              label={costs.perDiem.itemId ? p.updatePerDiem : p.recordPerDiem}
              variant="secondary"
            />
          </>
        ) : (
          <p>{p.perDiemNone}</p>
        )}
      </section>

      <section aria-labelledby="fin-lines">
        <h2 id="fin-lines">{p.linesTitle}</h2>
        {costs.items.length === 0 ? (
          <p>{p.noLines}</p>
        ) : (
          <ul class="plain fin-lines">
            {costs.items.map((item) => (
              <Line
                ctx={ctx}
                event={event}
                base={base}
                item={item}
                currency={currency}
                uploadError={props.upload?.itemId === item.id ? props.upload.error : undefined}
              />
            ))}
          </ul>
        )}
      </section>

      <h2 id="fin-add">{p.addTitle}</h2>
      <ErrorSummary ctx={ctx} form={props.costForm} labels={costLabels} />
      <Form ctx={ctx} action={`${base}/items`} class="card" id="fin-add-form">
        <SelectField
          form={props.costForm}
          name="kind"
          label={p.kind}
          options={COST_KINDS.filter((k) => k !== 'per_diem').map((k) => ({
            value: k,
            label: t.kinds[k],
          }))}
          required
        />
        <TextField form={props.costForm} name="description" label={p.description} maxLength={200} />
        <div class="fin-pair">
          <TextField
            form={props.costForm}
            name="amount"
            label={p.amount}
            maxLength={16}
            dir="ltr"
            required
          />
          <TextField
            form={props.costForm}
            name="currency"
            label={p.currency}
            maxLength={3}
            dir="ltr"
            required
          />
        </div>
        <SelectField
          form={props.costForm}
          name="payer"
          label={p.payer}
          options={payerOptions}
          placeholder={p.payerDefault}
        />
        <SelectField
          form={props.costForm}
          name="advancedBy"
          label={p.advancedBy}
          options={payerOptions}
          placeholder={p.advancedByDefault}
        />
        <button type="submit" class="btn">
          {p.add}
        </button>
      </Form>

      <h2 id="fin-cov">{p.coverageTitle}</h2>
      <ErrorSummary ctx={ctx} form={coverageForm} labels={coverageLabels} />
      <Form ctx={ctx} action={`${base}/coverage`} class="card" id="fin-cov-form">
        {COVERAGE_PARTS.map((part) => (
          <SelectField
            form={coverageForm}
            name={part}
            label={t.parts[part]}
            options={payerOptions}
            placeholder={p.sameAsEvent(
              eventCoverage[part].payer ? t.payers[eventCoverage[part].payer!] : t.notSet,
            )}
          />
        ))}
        <div class="fin-pair">
          <TextField
            form={coverageForm}
            name="perDiemDays"
            label={p.perDiemDays}
            hint={p.perDiemDaysHint}
            inputmode="numeric"
            maxLength={3}
          />
          <TextField
            form={coverageForm}
            name="perDiemDaily"
            label={p.perDiemDaily}
            hint={p.perDiemDailyHint}
            maxLength={16}
            dir="ltr"
          />
        </div>
        <TextArea form={coverageForm} name="note" label={p.note} rows={2} maxLength={1000} />
        <button type="submit" class="btn">
          {p.saveCoverage}
        </button>
      </Form>
    </>
  );
}

/** The exceptions form's values from the participant's effective coverage. */
export function overrideValues(
  costs: RegistrationCostsView,
  eventCoverage: EventCoverageView,
  locale: WebContext['locale'],
): Record<string, unknown> {
  const c = costs.coverage;
  const values: Record<string, unknown> = {};
  for (const part of COVERAGE_PARTS) {
    values[part] = c[part].payer !== eventCoverage[part].payer ? (c[part].payer ?? '') : '';
  }
  values.perDiemDays = c.perDiem.days ?? '';
  const ownRate = c.perDiem.dailyMinor !== eventCoverage.perDiem.dailyMinor;
  values.perDiemDaily =
    ownRate && c.perDiem.currency
      ? amountField(c.perDiem.dailyMinor, c.perDiem.currency, locale)
      : '';
  values.note = c.note ?? '';
  return values;
}
