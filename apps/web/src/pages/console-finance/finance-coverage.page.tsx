import type { EventView } from '#events';
import { COVERAGE_PARTS, type EventCoverageView, PAYERS, type RateView } from '#finance';
import {
  ActionButton,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextField,
} from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';
import { shortDateTime } from '../console-visas/visa-format.js';
import { financePath } from './money-format.js';

/** The event's rule of who pays what, the per diem, and the organisers' exchange rates. */
export function FinanceCoveragePage(props: {
  ctx: WebContext;
  event: EventView;
  coverage: EventCoverageView;
  rates: RateView[];
  form: FormState;
  rateForm: FormState;
}) {
  const { ctx, event, coverage } = props;
  const t = ctx.t.finance;
  const base = financePath(event.id);
  const payerOptions = PAYERS.map((p) => ({ value: p, label: t.payers[p] }));
  const labels: Record<string, string> = {
    currency: t.coverage.currency,
    perDiemDaily: t.coverage.perDiemDaily,
    perDiemCurrency: t.coverage.perDiemCurrency,
    ...Object.fromEntries(COVERAGE_PARTS.map((p) => [p, t.coverage.payer(t.parts[p])])),
  };
  const rateForm = { ...props.rateForm, idPrefix: 'rate-' };
  return (
    <>
      <p class="no-print">
        <a href={base}>{t.coverage.back}</a>
      </p>
      <p class="lead">{t.coverage.lead}</p>
      <ErrorSummary ctx={ctx} form={props.form} labels={labels} />
      <Form ctx={ctx} action={`${base}/coverage`} class="card" id="fin-coverage">
        <TextField
          form={props.form}
          name="currency"
          label={t.coverage.currency}
          hint={t.coverage.currencyHint}
          maxLength={3}
          dir="ltr"
          required
        />
        {COVERAGE_PARTS.map((part) => (
          <SelectField
            form={props.form}
            name={part}
            label={t.coverage.payer(t.parts[part])}
            options={payerOptions}
            required
          />
        ))}
        <div class="fin-pair">
          <TextField
            form={props.form}
            name="perDiemDaily"
            label={t.coverage.perDiemDaily}
            hint={t.coverage.perDiemDailyHint}
            inputmode="text"
            maxLength={16}
            dir="ltr"
          />
          <TextField
            form={props.form}
            name="perDiemCurrency"
            label={t.coverage.perDiemCurrency}
            maxLength={3}
            dir="ltr"
          />
        </div>
        <button type="submit" class="btn">
          {t.coverage.save}
        </button>
        {coverage.updatedAt && (
          <p class="muted">
            {t.coverage.updatedAt(shortDateTime(coverage.updatedAt, event.timezone, ctx.locale))}
          </p>
        )}
      </Form>

      <h2 id="fin-rates">{t.rates.title}</h2>
      {!coverage.currency ? (
        <p>{t.rates.needCoverage}</p>
      ) : (
        <>
          <p>{t.rates.lead(coverage.currency)}</p>
          {props.rates.length === 0 ? (
            <p>{t.rates.none}</p>
          ) : (
            <div class="table-wrap">
              <table class="fin-rates">
                <thead>
                  <tr>
                    <th scope="col">{t.rates.currency}</th>
                    <th scope="col" class="fin-num">
                      {t.rates.rate(coverage.currency)}
                    </th>
                    <th scope="col">
                      <span class="visually-hidden">{t.rates.remove}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {props.rates.map((r) => (
                    <tr>
                      <th scope="row">1 {r.currency}</th>
                      <td class="fin-num">
                        {r.rate} {coverage.currency}
                      </td>
                      <td>
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/rates/${r.currency}/delete`}
                          label={t.rates.removeRate(r.currency)}
                          variant="small"
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ErrorSummary
            ctx={ctx}
            form={rateForm}
            labels={{ currency: t.rates.currency, rate: t.rates.rate(coverage.currency) }}
          />
          <Form ctx={ctx} action={`${base}/rates`} class="card fin-pair" id="fin-rate-form">
            <TextField
              form={rateForm}
              name="currency"
              label={t.rates.currency}
              maxLength={3}
              dir="ltr"
              required
            />
            <TextField
              form={rateForm}
              name="rate"
              label={t.rates.rate(coverage.currency)}
              hint={t.rates.rateHint}
              maxLength={24}
              dir="ltr"
              required
            />
            <button type="submit" class="btn">
              {t.rates.save}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
