import type { StayView } from '#accommodation';
import type { WebContext } from '../../http/web-context.js';
import { mediumDate } from '../console-accommodation/accommodation-format.js';

/** "Your stay" on the travel page: hotel, nights, roommates' names, a link to the wishes. */
export function MyStaySection(props: {
  ctx: WebContext;
  registrationId: string;
  stay: StayView | null;
  live: boolean;
}) {
  const { ctx, stay } = props;
  if (!stay || !props.live) return null;
  const t = ctx.t.accommodation.stay;
  const assigned = stay.nights.some((n) => n.roomType);
  const date = (d: string) => mediumDate(d, ctx.locale);
  return (
    <section class="card" aria-labelledby="stay-title">
      <h2 id="stay-title">{t.title}</h2>
      <dl class="stay-facts">
        <dt>{t.hotel}</dt>
        <dd>
          {stay.hotel ? (
            <>
              <bdi>{stay.hotel.name}</bdi>, <bdi>{stay.hotel.address}</bdi>,{' '}
              <bdi>{stay.hotel.city}</bdi>
            </>
          ) : (
            t.noHotel
          )}
        </dd>
        <dt>{t.nights}</dt>
        <dd>
          {ctx.t.accommodation.stayRange(
            date(stay.checkIn),
            date(stay.checkOut),
            stay.nights.length,
          )}{' '}
          ({t.nightsFrom[stay.nightsSource]})
        </dd>
      </dl>
      <p>
        {!assigned || stay.unassignedNights.length > 0
          ? t.notAssigned
          : stay.roommates.length > 0
            ? t.roommates(stay.roommates.join(', '))
            : t.alone}
      </p>
      <p>
        <a href={`/my/registrations/${props.registrationId}/stay`}>{t.wishesLink}</a>
      </p>
    </section>
  );
}
