import type { RoomingListView, RoomingLine, RoomType } from '#accommodation';
import type { EventView } from '#events';
import { ActionButton } from '../../components/form.js';
import { instantIn } from '../../format/dates.js';
import type { WebContext } from '../../http/web-context.js';
import { accommodationPath, mediumDate, shortDate } from './accommodation-format.js';

// The two tables' rows are components: see renderPage on long tables.
function LineRow(props: { ctx: WebContext; line: RoomingLine; room: string; type: string }) {
  const { ctx, line: l } = props;
  return (
    <tr>
      <td>
        <bdi>{props.room}</bdi>
        {!props.room.startsWith(props.type) && <span class="muted"> {props.type}</span>}
      </td>
      <td dir="auto">{l.name}</td>
      <td class="ac-nowrap">{mediumDate(l.checkIn, ctx.locale)}</td>
      <td class="ac-nowrap">{mediumDate(l.checkOut, ctx.locale)}</td>
      <td dir="auto">{l.sharingWith.join(', ') || '—'}</td>
      <td dir="auto">{l.specialNeeds ?? '—'}</td>
    </tr>
  );
}

function NightRow(props: { night: string; room: string; guests: string[] }) {
  return (
    <tr>
      <th scope="row" class="ac-nowrap">
        {props.night}
      </th>
      <td>
        <bdi>{props.room}</bdi>
      </td>
      <td dir="auto">{props.guests.join(', ')}</td>
    </tr>
  );
}

/** The hotel's copy, printable: changes since it was sent, guests by room, night by night. */
export function RoomingListPage(props: {
  ctx: WebContext;
  event: EventView;
  list: RoomingListView;
  roomNames: Map<string, string>;
}) {
  const { ctx, event, list, roomNames } = props;
  const t = ctx.t.accommodation;
  const base = accommodationPath(event.id, `/hotels/${list.hotel.id}/rooming-list`);
  const room = (line: Pick<RoomingLine, 'roomId' | 'room'>) =>
    roomNames.get(line.roomId) ?? line.room;
  const type = (value: string) => t.roomTypes[value as RoomType] ?? value;
  // Sent copies name rooms as the API does ("Twin 3"): in the reader's words here.
  const word = (label: string) =>
    label.replace(
      /^(Single|Twin|Double) (\d+)$/,
      (_m, kind: string, n: string) => `${type(kind.toLowerCase())} ${n}`,
    );
  const span = (s: { checkIn: string; checkOut: string; rooms: string[] } | null) =>
    s
      ? `${mediumDate(s.checkIn, ctx.locale)} → ${mediumDate(s.checkOut, ctx.locale)} · ${s.rooms.map(word).join(', ')}`
      : '—';
  return (
    <div class="ac ac-list">
      <p class="toolbar no-print">
        <a href={accommodationPath(event.id)}>{t.hotelPage.back}</a>
        <a class="btn secondary" href={`${base}.csv`} download>
          {t.list.csv}
        </a>
        <button type="button" class="btn secondary" data-cv-print hidden>
          {t.list.print}
        </button>
      </p>
      <address class="ac-address">
        <bdi>{list.hotel.name}</bdi>
        <br />
        <bdi>{list.hotel.address}</bdi>, <bdi>{list.hotel.city}</bdi>
        {list.hotel.contactName && (
          <>
            <br />
            <bdi>{list.hotel.contactName}</bdi>
          </>
        )}
        {(list.hotel.phone || list.hotel.email) && (
          <>
            <br />
            <span dir="ltr">
              {[list.hotel.phone, list.hotel.email].filter(Boolean).join(' · ')}
            </span>
          </>
        )}
      </address>
      <p class="hint">{t.list.privacy}</p>
      <p>
        {list.sentAt
          ? t.list.sentAt(instantIn(list.sentAt, event.timezone, ctx.locale, event.venue.city))
          : t.list.notSent}
      </p>
      <div class="no-print">
        <ActionButton
          ctx={ctx}
          action={`${base}/sent`}
          label={t.list.markSent}
          variant="secondary"
        />
      </div>

      {list.changes && (
        <section aria-labelledby="ac-changes">
          <h2 id="ac-changes">{t.list.changesTitle}</h2>
          {list.changes.length === 0 ? (
            <p>{t.list.noChanges}</p>
          ) : (
            <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="ac-changes">
              <table class="ac-people ac-changes" aria-labelledby="ac-changes">
                <thead>
                  <tr>
                    <th scope="col">{t.list.guest}</th>
                    <th scope="col">{t.details}</th>
                    <th scope="col">{t.list.before}</th>
                    <th scope="col">{t.list.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.changes.map((c) => (
                    <tr class={`ac-change-${c.kind}`}>
                      <td dir="auto">{c.name}</td>
                      <td>
                        <strong>{t.list.change[c.kind]}</strong>
                      </td>
                      <td>{span(c.before)}</td>
                      <td>{span(c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <h2 id="ac-by-room">{t.list.byRoomTitle}</h2>
      {list.lines.length === 0 ? (
        <p>{t.list.empty}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="ac-by-room">
          <table class="ac-people" aria-labelledby="ac-by-room">
            <thead>
              <tr>
                <th scope="col">{t.room}</th>
                <th scope="col">{t.list.guest}</th>
                <th scope="col">{t.list.checkIn}</th>
                <th scope="col">{t.list.checkOut}</th>
                <th scope="col">{t.list.sharingWith}</th>
                <th scope="col">{t.list.specialNeeds}</th>
              </tr>
            </thead>
            <tbody>
              {list.lines.map((l) => (
                <LineRow ctx={ctx} line={l} room={room(l)} type={type(l.roomType)} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.nights.length > 0 && (
        <>
          <h2 id="ac-by-night">{t.list.byNightTitle}</h2>
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="ac-by-night">
            <table class="ac-people" aria-labelledby="ac-by-night">
              <thead>
                <tr>
                  <th scope="col">{t.hotelPage.night}</th>
                  <th scope="col">{t.room}</th>
                  <th scope="col">{t.list.guest}</th>
                </tr>
              </thead>
              <tbody>
                {list.nights.flatMap((n) =>
                  n.rooms.map((r) => (
                    <NightRow
                      night={shortDate(n.night, ctx.locale)}
                      room={roomNames.get(r.roomId) ?? r.room}
                      guests={r.guests}
                    />
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
