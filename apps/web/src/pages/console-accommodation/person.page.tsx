import type { GuestStayView, HotelRoomsView } from '#accommodation';
import type { EventView } from '#events';
import {
  ActionButton,
  CheckboxGroup,
  ErrorSummary,
  Form,
  type FormState,
  TextField,
} from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';
import { accommodationPath, shortDate } from './accommodation-format.js';
import { RoomSelect, roomLabels, roomOptions, stayText, wishText } from './overview.page.js';

/** One person's stay for the organisers: dates (override), rooms per night, move. */
export function PersonPage(props: {
  ctx: WebContext;
  event: EventView;
  hotels: HotelRoomsView[];
  guest: GuestStayView;
  nightsForm: FormState;
  notice?: string;
}) {
  const { ctx, event, guest } = props;
  const view = { hotels: props.hotels };
  const labelOfRoom = roomLabels(ctx, view);
  const t = ctx.t.accommodation;
  const base = accommodationPath(event.id, `/people/${guest.registrationId}`);
  const options = roomOptions(ctx, view);
  const current = guest.nights.find((n) => n.roomId)?.roomId ?? null;
  const nightsForm = { ...props.nightsForm, idPrefix: 'n-' };
  return (
    <div class="ac">
      <p class="no-print">
        <a href={accommodationPath(event.id)}>{t.person.back}</a>
      </p>
      {props.notice && (
        <p class="warning" role="alert">
          {props.notice}
        </p>
      )}
      <dl class="ac-facts">
        <dt>{t.columns.organisation}</dt>
        <dd dir="auto">{guest.organisation}</dd>
        <dt>{t.columns.wish}</dt>
        <dd dir="auto">{wishText(ctx, guest)}</dd>
        <dt>{t.columns.needs}</dt>
        <dd dir="auto">{guest.roomNeeds ?? '—'}</dd>
        <dt>{t.columns.nights}</dt>
        <dd>{stayText(ctx, guest)}</dd>
      </dl>

      <section class="card" aria-labelledby="ac-nights">
        <h2 id="ac-nights">{t.person.nightsTitle}</h2>
        {guest.nightsSource === 'organiser' && <p class="hint">{t.person.overridden}</p>}
        <ErrorSummary
          ctx={ctx}
          form={nightsForm}
          labels={{ checkIn: t.person.checkIn, checkOut: t.person.checkOut }}
        />
        <Form ctx={ctx} action={`${base}/nights`}>
          <div class="ac-dates">
            <TextField
              form={nightsForm}
              name="checkIn"
              label={t.person.checkIn}
              type="date"
              required
            />
            <TextField
              form={nightsForm}
              name="checkOut"
              label={t.person.checkOut}
              type="date"
              required
            />
          </div>
          <button type="submit" class="btn">
            {t.person.setNights}
          </button>
        </Form>
        {guest.nightsSource === 'organiser' && (
          <ActionButton
            ctx={ctx}
            action={`${base}/nights/clear`}
            label={t.person.clearNights}
            variant="secondary"
          />
        )}
      </section>

      <section class="card" aria-labelledby="ac-rooms">
        <h2 id="ac-rooms">{t.person.roomTitle}</h2>
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="ac-rooms">
          <table class="ac-people" aria-labelledby="ac-rooms">
            <thead>
              <tr>
                <th scope="col">{t.person.night}</th>
                <th scope="col">{t.columns.room}</th>
              </tr>
            </thead>
            <tbody>
              {guest.nights.map((n) => (
                <tr>
                  <td>{shortDate(n.night, ctx.locale)}</td>
                  <td dir="auto">{(n.roomId && labelOfRoom.get(n.roomId)) || t.noRoom}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {options.length > 0 && (
          <Form ctx={ctx} action={`${base}/room`}>
            <h3>{t.person.moveTitle}</h3>
            <div class="field">
              <RoomSelect
                ctx={ctx}
                id="f-roomId"
                label={t.columns.room}
                options={options}
                current={current}
              />
            </div>
            <CheckboxGroup
              form={{
                values: { nights: guest.nights.map((n) => n.night) },
                errors: {},
              }}
              name="nights"
              label={t.person.nights}
              options={guest.nights.map((n) => ({
                value: n.night,
                label: shortDate(n.night, ctx.locale),
              }))}
            />
            <button type="submit" class="btn">
              {t.person.move}
            </button>
          </Form>
        )}
        {guest.nights.some((n) => n.roomId) && (
          <ActionButton
            ctx={ctx}
            action={`${base}/room/remove`}
            label={t.person.remove}
            variant="danger"
          />
        )}
      </section>
    </div>
  );
}
