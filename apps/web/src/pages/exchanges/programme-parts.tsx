import type { ExchangeView, ProgrammeItem } from '#exchanges';
import { countryName } from '../../format/countries.js';
import { eventDates } from '../../format/dates.js';
import type { WebContext } from '../../http/web-context.js';

const STATE_BADGE = { planned: 'wait', done: 'ok', awaiting_return: 'bad' } as const;

/** "Planned" / "Done" / "Awaiting the return visit", as a badge. */
export function StateBadge(props: { ctx: WebContext; x: ExchangeView }) {
  const t = props.ctx.t.exchanges;
  return (
    <span class={`badge ${STATE_BADGE[props.x.state]}`}>
      <span class="visually-hidden">{t.stateLabel}</span>
      {t.states[props.x.state]}
    </span>
  );
}

const orgLabel = (ctx: WebContext, o: { name: string; country: string }) =>
  `${o.name} (${countryName(o.country, ctx.locale)})`;

/** Both partners, the visit's dates, its state and its return visit. */
export function ExchangeLines(props: { ctx: WebContext; x: ExchangeView }) {
  const { ctx, x } = props;
  const t = ctx.t.exchanges;
  return (
    <>
      <p dir="auto">
        {t.visits(orgLabel(ctx, x.visitingOrganisation), orgLabel(ctx, x.hostOrganisation))}
      </p>
      <p>
        <StateBadge ctx={ctx} x={x} />{' '}
        {x.returnEvent ? (
          <a href={`/e/${x.returnEvent.slug}`}>
            {t.returnVisitOn(
              eventDates(x.returnEvent.startDate, x.returnEvent.endDate, ctx.locale),
            )}
          </a>
        ) : (
          <span class="muted">{x.returnNotNeeded ? t.returnNotNeeded : t.noReturn}</span>
        )}
      </p>
    </>
  );
}

/** One gathering of the programme: a meeting, or an immersion and its exchange. */
export function ProgrammeEntry(props: { ctx: WebContext; item: ProgrammeItem }) {
  const { ctx, item } = props;
  const t = ctx.t.exchanges;
  return (
    <li class="xp-item card">
      <p class="muted">
        {t.kinds[item.kind]} · {eventDates(item.startDate, item.endDate, ctx.locale)}
        {item.venueCountry && ` · ${countryName(item.venueCountry, ctx.locale)}`}
      </p>
      <h3 dir="auto">
        <a href={`/e/${item.slug}`}>{item.name}</a>
      </h3>
      {item.exchange && <ExchangeLines ctx={ctx} x={item.exchange} />}
    </li>
  );
}
