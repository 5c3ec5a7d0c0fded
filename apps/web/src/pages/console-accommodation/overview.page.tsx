import {
  type GuestStayView,
  gridFits,
  type HotelRoomsView,
  type HotelView,
  type OccupancyHotelView,
  type OccupancyView,
} from '#accommodation';
import type { EventView } from '#events';
import {
  ActionButton,
  ErrorSummary,
  Form,
  type FormState,
  TextField,
} from '../../components/form.js';
import { inlinePickers } from '../../components/inline-pickers.js';
import type { WebContext } from '../../http/web-context.js';
import { accommodationPath, roomName, shortDate } from './accommodation-format.js';

export interface RoomOption {
  value: string;
  label: string;
}

/** Every room of every hotel, for the "put in a room" selects. */
export function roomOptions(ctx: WebContext, view: { hotels: HotelRoomsView[] }): RoomOption[] {
  const t = ctx.t.accommodation;
  return view.hotels.flatMap((h) =>
    h.rooms.map((r) => ({
      value: r.id,
      label: `${h.name} · ${roomName(ctx, r)} (${t.beds(r.capacity)})`,
    })),
  );
}

export function RoomSelect(props: {
  ctx: WebContext;
  id: string;
  label: string;
  options: RoomOption[];
  current?: string | null;
}) {
  return (
    <>
      <label class="visually-hidden" for={props.id}>
        {props.label}
      </label>
      <select id={props.id} name="roomId" required>
        <option value="">{props.ctx.t.accommodation.chooseRoom}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.current}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

export function wishText(ctx: WebContext, g: Pick<GuestStayView, 'roomPreference' | 'shareWith'>) {
  const t = ctx.t.accommodation.wish;
  if (g.roomPreference === 'single') return t.single;
  if (g.shareWith) return t.sharedWith(g.shareWith);
  return g.roomPreference === 'shared' ? t.shared : t.none;
}

export function stayText(ctx: WebContext, g: GuestStayView) {
  const t = ctx.t.accommodation;
  return `${t.stayRange(shortDate(g.checkIn, ctx.locale), shortDate(g.checkOut, ctx.locale), g.nights.length)}, ${t.nightsSource[g.nightsSource]}`;
}

/*
 * Each hotel's rooms night by night fit the overview while the hotels are small. At the
 * Tangier week's size (1,200 rooms, 14 nights booked) they were 600 KB of the page, rows
 * nobody scrolls through: beyond this many cells the overview keeps each hotel's rooms in
 * use per night and links to its page, which shows its own rooms.
 */
export const MAX_OVERVIEW_GRID_CELLS = 1_500;

/** Every hotel's rooms, counted. */
const roomCount = (view: { hotels: Array<{ rooms: unknown[] }> }) =>
  view.hotels.reduce((n, h) => n + h.rooms.length, 0);

/** Whether the overview shows every hotel's rooms night by night (as occupancy built them). */
export function gridsInOverview(view: Pick<OccupancyView, 'hotels' | 'nights'>): boolean {
  return gridFits(roomCount(view), view.nights.length, MAX_OVERVIEW_GRID_CELLS);
}

/** Rooms in use over rooms booked, all types together. */
function usedOfBooked(ctx: WebContext, total: OccupancyHotelView['totals'][number]): string {
  const booked = total.booked.single + total.booked.twin + total.booked.double;
  const used = total.used.single + total.used.twin + total.used.double;
  return ctx.t.accommodation.usedOfBooked(used, booked);
}

/** One room night by night (a component: see renderPage on long tables). */
function GridRow(props: { ctx: WebContext; room: OccupancyHotelView['rooms'][number] }) {
  const { ctx, room } = props;
  const t = ctx.t.accommodation;
  return (
    <tr>
      <th scope="row">
        <bdi>{roomName(ctx, room)}</bdi> <span class="muted">({t.beds(room.capacity)})</span>
      </th>
      {room.nights.map((n) =>
        !n.booked ? (
          <td class="ac-off">{t.notBooked}</td>
        ) : n.occupants.length === 0 ? (
          <td class="ac-free">{t.free}</td>
        ) : (
          <td class={n.occupants.length >= room.capacity ? 'ac-full' : 'ac-part'}>
            {n.occupants.map((o) => (
              <span class="ac-name" dir="auto">
                {o.name}
              </span>
            ))}
          </td>
        ),
      )}
    </tr>
  );
}

/** A hotel's rooms night by night: who sleeps where, free beds, nights not booked. */
export function OccupancyGrid(props: {
  ctx: WebContext;
  hotel: OccupancyHotelView;
  nights: string[];
  labelledBy: string;
}) {
  const { ctx, hotel, nights } = props;
  const t = ctx.t.accommodation;
  if (hotel.rooms.length === 0) return <p>{t.hotelPage.noRooms}</p>;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={props.labelledBy}>
      <table class="ac-grid">
        <thead>
          <tr>
            <th scope="col">{t.room}</th>
            {nights.map((n) => (
              <th scope="col" class="ac-night">
                {shortDate(n, ctx.locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hotel.rooms.map((room) => (
            <GridRow ctx={ctx} room={room} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.totalsRow}</th>
            {hotel.totals.map((tot) => (
              <td>{usedOfBooked(ctx, tot)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A large hotel in the overview: its rooms in use night by night, the grid on its page. */
function NightTotals(props: { ctx: WebContext; hotel: OccupancyHotelView; labelledBy: string }) {
  const { ctx, hotel } = props;
  const t = ctx.t.accommodation;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={props.labelledBy}>
      <table class="ac-totals">
        <thead>
          <tr>
            <th scope="col">{t.hotelPage.night}</th>
            <th scope="col">{t.totalsRow}</th>
          </tr>
        </thead>
        <tbody>
          {hotel.totals.map((tot) => (
            <tr>
              <th scope="row">{shortDate(tot.night, ctx.locale)}</th>
              <td>{usedOfBooked(ctx, tot)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Occupancy(props: {
  ctx: WebContext;
  event: EventView;
  hotel: OccupancyHotelView;
  nights: string[];
  grid: boolean;
}) {
  const { ctx, hotel } = props;
  const t = ctx.t.accommodation;
  const captionId = `occ-${hotel.id}`;
  const hotelPath = accommodationPath(props.event.id, `/hotels/${hotel.id}`);
  return (
    <section class="card ac-hotel" aria-labelledby={captionId}>
      <h3 id={captionId}>
        <bdi>{t.occupancyTitle(hotel.name)}</bdi>
      </h3>
      <p class="toolbar no-print">
        <a href={hotelPath}>{t.openHotel}</a>
        <a href={`${hotelPath}/rooming-list`}>{t.roomingList}</a>
      </p>
      {props.grid || hotel.rooms.length === 0 ? (
        <OccupancyGrid ctx={ctx} hotel={hotel} nights={props.nights} labelledBy={captionId} />
      ) : (
        <>
          <p>
            {t.roomByRoomOnHotelPage(hotel.rooms.length)}{' '}
            <a href={`${hotelPath}#ac-occupancy`}>{t.roomByRoom}</a>
          </p>
          <NightTotals ctx={ctx} hotel={hotel} labelledBy={captionId} />
        </>
      )}
    </section>
  );
}

export function OverviewPage(props: {
  ctx: WebContext;
  event: EventView;
  view: OccupancyView;
  hotels: HotelView[];
  hotelForm: FormState;
  notice?: string;
}) {
  const { ctx, event, view } = props;
  const t = ctx.t.accommodation;
  const rooms = roomCount(view);
  const pickers = inlinePickers(view.unassigned.length, rooms);
  // Each room's label is written only for the selects that show it (1,200 rooms at the
  // Tangier week's size, 470 KB a view when the page shows links instead).
  const options = pickers ? roomOptions(ctx, view) : [];
  const guestById = new Map(view.guests.map((g) => [g.registrationId, g]));
  const grids = gridsInOverview(view);
  // One lookup per person: searching every hotel's rooms for each was rooms x people.
  const labelOfRoom = roomLabels(ctx, view);
  const labels = {
    name: t.hotel.name,
    address: t.hotel.address,
    city: t.hotel.city,
    phone: t.hotel.phone,
    email: t.hotel.email,
    contactName: t.hotel.contactName,
  };
  return (
    <div class="ac">
      {props.notice && (
        <p class="warning" role="alert">
          {props.notice}
        </p>
      )}
      <p class="lead">{t.lead}</p>
      <p>{t.summary(view.guests.length, view.unassigned.length)}</p>
      {view.hotels.length > 0 && (
        <div class="no-print">
          <ActionButton
            ctx={ctx}
            action={accommodationPath(event.id, '/suggest')}
            label={t.suggest}
          />
          <p class="hint">{t.suggestHint}</p>
        </div>
      )}

      <h2 id="ac-unassigned">{t.unassignedTitle}</h2>
      {view.unassigned.length === 0 ? (
        <p>{t.unassignedNone}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="ac-unassigned">
          <table class="ac-people" aria-labelledby="ac-unassigned">
            <thead>
              <tr>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.columns.wish}</th>
                <th scope="col">{t.columns.nights}</th>
                <th scope="col" class="no-print">
                  {t.columns.room}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.unassigned.map((u) => {
                const g = guestById.get(u.registrationId)!;
                return (
                  <tr>
                    <td>
                      <a
                        href={accommodationPath(event.id, `/people/${u.registrationId}`)}
                        dir="auto"
                      >
                        {u.name}
                      </a>
                    </td>
                    <td dir="auto">{wishText(ctx, g)}</td>
                    <td>{t.missingNights(u.nights.length, g.nights.length)}</td>
                    <td class="no-print">
                      {!pickers && rooms > 0 && (
                        <a
                          href={accommodationPath(event.id, `/people/${u.registrationId}`)}
                          class="btn small"
                        >
                          {t.chooseRoom}
                          <span class="visually-hidden" dir="auto">
                            {` (${u.name})`}
                          </span>
                        </a>
                      )}
                      {pickers && (
                        <Form
                          ctx={ctx}
                          action={accommodationPath(event.id, `/people/${u.registrationId}/room`)}
                          class="inline-form ac-assign"
                        >
                          <RoomSelect
                            ctx={ctx}
                            id={`room-${u.registrationId}`}
                            label={t.assignTo(u.name)}
                            options={options}
                          />
                          <button type="submit" class="btn small">
                            {t.assign}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t.hotelsTitle}</h2>
      {view.hotels.length === 0 && <p>{t.noHotels}</p>}
      {view.hotels.map((h) => (
        <Occupancy ctx={ctx} event={event} hotel={h} nights={view.nights} grid={grids} />
      ))}
      {props.hotels.length > 0 && (
        <ul class="ac-hotel-list">
          {props.hotels.map((h) => (
            <li>
              <bdi>{h.name}</bdi>, <bdi>{h.address}</bdi>, <bdi>{h.city}</bdi>
            </li>
          ))}
        </ul>
      )}

      <h2 id="ac-people">{t.peopleTitle}</h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="ac-people">
        <table class="ac-people" aria-labelledby="ac-people">
          <thead>
            <tr>
              <th scope="col">{t.columns.name}</th>
              <th scope="col">{t.columns.organisation}</th>
              <th scope="col">{t.columns.wish}</th>
              <th scope="col">{t.columns.nights}</th>
              <th scope="col">{t.columns.room}</th>
              <th scope="col">{t.columns.needs}</th>
            </tr>
          </thead>
          <tbody>
            {view.guests.map((g) => (
              <GuestRow ctx={ctx} eventId={event.id} guest={g} labelOfRoom={labelOfRoom} />
            ))}
          </tbody>
        </table>
      </div>

      <section class="card no-print" aria-labelledby="ac-add-hotel">
        <h2 id="ac-add-hotel">{t.addHotel}</h2>
        <ErrorSummary ctx={ctx} form={props.hotelForm} labels={labels} />
        <Form ctx={ctx} action={accommodationPath(event.id, '/hotels')}>
          <HotelFields ctx={ctx} form={props.hotelForm} />
          <button type="submit" class="btn">
            {t.hotel.save}
          </button>
        </Form>
      </section>
    </div>
  );
}

const SEVERAL_ROOMS = Symbol('several rooms');

/** The one room someone sleeps in, null for none, SEVERAL_ROOMS when they change rooms. */
function onlyRoom(g: GuestStayView): string | null | typeof SEVERAL_ROOMS {
  let only: string | null = null;
  for (const n of g.nights) {
    if (!n.roomId || n.roomId === only) continue;
    if (only !== null) return SEVERAL_ROOMS;
    only = n.roomId;
  }
  return only;
}

/** A row of the people table (a component: see renderPage on long tables). */
function GuestRow(props: {
  ctx: WebContext;
  eventId: string;
  guest: GuestStayView;
  labelOfRoom: Map<string, string>;
}) {
  const { ctx, guest: g } = props;
  const t = ctx.t.accommodation;
  const roomId = onlyRoom(g);
  const room =
    roomId === null
      ? t.noRoom
      : roomId === SEVERAL_ROOMS
        ? t.severalRooms
        : (props.labelOfRoom.get(roomId) ?? '');
  return (
    <tr>
      <td>
        <a href={accommodationPath(props.eventId, `/people/${g.registrationId}`)} dir="auto">
          {g.name}
        </a>
      </td>
      <td dir="auto">{g.organisation}</td>
      <td dir="auto">{wishText(ctx, g)}</td>
      <td>{stayText(ctx, g)}</td>
      <td dir="auto">{room}</td>
      <td dir="auto">{g.roomNeeds ?? '—'}</td>
    </tr>
  );
}

/** Each room's name as the people tables write it (with its hotel's when there are several). */
export function roomLabels(
  ctx: WebContext,
  view: { hotels: HotelRoomsView[] },
): Map<string, string> {
  const labels = new Map<string, string>();
  for (const h of view.hotels) {
    for (const room of h.rooms) {
      const name = roomName(ctx, room);
      labels.set(room.id, view.hotels.length > 1 ? `${h.name} · ${name}` : name);
    }
  }
  return labels;
}

export function HotelFields(props: { ctx: WebContext; form: FormState }) {
  const t = props.ctx.t.accommodation.hotel;
  const { form } = props;
  return (
    <>
      <TextField form={form} name="name" label={t.name} required maxLength={200} />
      <TextField form={form} name="address" label={t.address} required maxLength={300} />
      <TextField form={form} name="city" label={t.city} required maxLength={120} />
      <TextField form={form} name="phone" label={t.phone} type="tel" maxLength={40} dir="ltr" />
      <TextField form={form} name="email" label={t.email} type="email" maxLength={200} dir="ltr" />
      <TextField form={form} name="contactName" label={t.contactName} maxLength={200} />
    </>
  );
}
