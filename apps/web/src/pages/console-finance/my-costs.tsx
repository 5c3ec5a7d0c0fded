import { COVERAGE_PARTS, PAYERS, type RegistrationCostsView } from '#finance';
import type { WebContext } from '../../http/web-context.js';
import { money } from './money-format.js';

export const myReceiptPath = (registrationId: string, receiptId: string) =>
  `/my/registrations/${registrationId}/costs/receipts/${receiptId}`;

/**
 * "Your costs" on the participant's travel page: who pays what, the per diem, each cost
 * with its status and receipts, and what the network still owes them. Read only.
 */
export function MyCostsSection(props: { ctx: WebContext; costs: RegistrationCostsView | null }) {
  const { ctx, costs } = props;
  if (!costs) return null;
  const t = ctx.t.finance;
  const m = t.mine;
  const currency = costs.totals.currency;
  const perDiemLine = costs.items.find((i) => i.kind === 'per_diem');
  const lines = costs.items.filter((i) => i.kind !== 'per_diem');
  return (
    <section class="card fin-mine" aria-labelledby="fin-mine-title">
      <h2 id="fin-mine-title">{m.title}</h2>
      {!costs.coverage.configured ? (
        <p>{m.notSet}</p>
      ) : (
        <>
          <p class="muted">{m.lead}</p>
          <h3>{m.whoPays}</h3>
          <ul class="plain">
            {PAYERS.map((payer) => {
              const parts = COVERAGE_PARTS.filter((p) => costs.coverage[p].payer === payer);
              if (parts.length === 0) return null;
              const names = parts.map((p, i) => (i === 0 ? t.parts[p] : t.parts[p].toLowerCase()));
              return <li>{m.paysFor[payer](names.join(', '))}</li>;
            })}
          </ul>
          {costs.perDiem.payer === 'network' &&
            costs.perDiem.currency &&
            costs.perDiem.amountMinor > 0 && (
              <p>
                {m.perDiem(
                  costs.perDiem.days,
                  money(costs.perDiem.dailyMinor, costs.perDiem.currency, ctx.locale),
                  money(costs.perDiem.amountMinor, costs.perDiem.currency, ctx.locale),
                )}
                {perDiemLine?.status && ` (${t.statuses[perDiemLine.status]})`}
              </p>
            )}
          {lines.length > 0 && (
            <ul class="plain fin-mine-lines">
              {lines.map((i) => (
                <li>
                  {m.line(
                    t.kinds[i.kind],
                    money(i.amountMinor, i.currency, ctx.locale),
                    i.status ? t.statuses[i.status] : t.payers[i.payer],
                  )}
                  {i.receipts.map((r) => (
                    <>
                      {' · '}
                      <a href={myReceiptPath(costs.registrationId, r.id)}>
                        {m.receipt(r.fileName)}
                      </a>
                    </>
                  ))}
                </li>
              ))}
            </ul>
          )}
          {currency && (
            <p>
              <strong>
                {m.networkPays(money(costs.totals.networkBearsMinor, currency, ctx.locale))}
              </strong>
              <br />
              {m.reimbursed(money(costs.totals.toReimburseMinor, currency, ctx.locale))}
            </p>
          )}
        </>
      )}
    </section>
  );
}
