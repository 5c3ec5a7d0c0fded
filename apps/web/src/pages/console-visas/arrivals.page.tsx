import { groupBy } from '#core';
import type { EventView } from '#events';
import type { ArrivalsView, ArrivalView, PickupGroupView } from '#travel';
import { Form, SelectField } from '../../components/form.js';
import { cityName, eventDates } from '../../format/dates.js';
import type { WebContext } from '../../http/web-context.js';
import { consoleEventPath } from '../console/console-frame.js';
import { countryName } from '../../format/countries.js';
import { dayOf, timeOf } from './visa-format.js';

export const arrivalsPath = (eventId: string) => consoleEventPath(eventId, 'arrivals');

const longDay = (date: string, ctx: WebContext) => eventDates(date, date, ctx.locale);

function PeopleTable(props: {
  ctx: WebContext;
  event: EventView;
  people: ArrivalView[];
  caption: string;
}) {
  const { ctx, event } = props;
  const t = ctx.t.consoleVisas.arrivals;
  return (
    <div class="table-wrap">
      <table class="cv-people">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="cv-col-time">
              {t.time}
            </th>
            <th scope="col" class="cv-col-flight">
              {t.flight}
            </th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.organisation}</th>
            <th scope="col" class="cv-col-country">
              {t.country}
            </th>
            <th scope="col" class="cv-col-phone">
              {t.phone}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
            <tr>
              <td class="cv-nowrap">{timeOf(p.at, event.timezone, ctx.locale)}</td>
              <td class="cv-nowrap">{p.flightNumber}</td>
              <td>
                <bdi>{p.name}</bdi>
              </td>
              <td>
                <bdi>{p.organisation}</bdi>
              </td>
              <td>{countryName(p.country, ctx.locale)}</td>
              <td class="cv-nowrap">
                {p.phone ? (
                  <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                    {p.phone}
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Group(props: { ctx: WebContext; event: EventView; group: PickupGroupView }) {
  const { ctx, event, group } = props;
  const t = ctx.t.consoleVisas.arrivals;
  const first = timeOf(group.firstArrivalAt, event.timezone, ctx.locale);
  const last = timeOf(group.lastArrivalAt, event.timezone, ctx.locale);
  return (
    <section class="cv-group">
      <PeopleTable
        ctx={ctx}
        event={event}
        people={group.arrivals}
        caption={`${t.group(group.id, group.size)}, ${t.groupWindow(first, last)}`}
      />
    </section>
  );
}

/** Arrivals by day, then airport, then pick-up group; departures by day and airport. */
export function ArrivalsPage(props: {
  ctx: WebContext;
  event: EventView;
  view: ArrivalsView;
  airport?: string;
  airports: string[];
}) {
  const { ctx, event, view } = props;
  const t = ctx.t.consoleVisas.arrivals;
  const keep = (airport: string) => !props.airport || airport === props.airport;
  const groups = view.groups.filter((g) => keep(g.airport));
  const departures = view.departures.filter((d) => keep(d.airport));
  const place = cityName(event.venue.city, event.timezone, ctx.locale);
  const csv = `${arrivalsPath(event.id)}/arrivals.csv${props.airport ? `?airport=${props.airport}` : ''}`;
  return (
    <div class="cv-sheet">
      <p class="cv-zone">
        <strong>{t.timesIn(place)}</strong> {t.windowNote(view.windowMinutes)}
      </p>
      <div class="toolbar no-print">
        <Form ctx={ctx} action={arrivalsPath(event.id)} method="get" class="toolbar">
          <SelectField
            form={{ values: { airport: props.airport ?? '' }, errors: {} }}
            name="airport"
            label={t.airportFilter}
            placeholder={t.allAirports}
            options={props.airports.map((a) => ({ value: a, label: a }))}
          />
          <button type="submit" class="btn secondary">
            {t.show}
          </button>
        </Form>
        <a class="btn secondary" href={csv} download>
          {t.csv}
        </a>
        <button type="button" class="btn secondary" data-cv-print hidden>
          {t.print}
        </button>
      </div>

      <h2>{t.arrivalsTitle}</h2>
      {groups.length === 0 && <p>{t.noArrivals}</p>}
      {[...groupBy(groups, (g) => g.date)].map(([date, ofDay]) => (
        <section class="cv-day">
          <h3 class="cv-day-title">{longDay(date, ctx)}</h3>
          {[...groupBy(ofDay, (g) => g.airport)].map(([airport, atAirport]) => (
            <>
              <h4 class="cv-airport">{t.airport(airport)}</h4>
              {atAirport.map((g) => (
                <Group ctx={ctx} event={event} group={g} />
              ))}
            </>
          ))}
        </section>
      ))}

      {view.withoutArrival.length > 0 && !props.airport && (
        <section class="cv-missing">
          <h3>{t.withoutArrival}</h3>
          <ul>
            {view.withoutArrival.map((p) => (
              <li>
                <bdi>{p.name}</bdi> (<bdi>{p.organisation}</bdi>)
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2 class="cv-departures-title">{t.departuresTitle}</h2>
      {departures.length === 0 && <p>{t.noDepartures}</p>}
      {[...groupBy(departures, (d) => dayOf(d.at))].map(([date, ofDay]) => (
        <section class="cv-day">
          <h3 class="cv-day-title">{longDay(date, ctx)}</h3>
          {[...groupBy(ofDay, (d) => d.airport)].map(([airport, atAirport]) => (
            <section class="cv-group">
              <PeopleTable
                ctx={ctx}
                event={event}
                people={atAirport}
                caption={t.airport(airport)}
              />
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
