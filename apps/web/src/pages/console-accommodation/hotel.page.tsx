import { type HotelView, type OccupancyHotelView, ROOM_TYPES } from '#accommodation';
import type { EventView } from '#events';
import { ActionButton, ErrorSummary, Form, type FormState } from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';
import { accommodationPath, shortDate } from './accommodation-format.js';
import { HotelFields, OccupancyGrid } from './overview.page.js';

/** A hotel: its details, the rooms it holds per night and type, who sleeps in each. */
export function HotelPage(props: {
  ctx: WebContext;
  event: EventView;
  hotel: HotelView;
  nights: string[];
  /** Its rooms night by night; none while it holds no room. */
  occupancy?: OccupancyHotelView;
  occupancyNights: string[];
  form: FormState;
  inventoryForm: FormState;
  notice?: string;
}) {
  const { ctx, event, hotel, nights } = props;
  const t = ctx.t.accommodation;
  const base = accommodationPath(event.id, `/hotels/${hotel.id}`);
  const booked = new Map(hotel.inventory.map((row) => [row.night, row.rooms]));
  const cellValue = (type: string, night: string) => {
    const typed = props.inventoryForm.values[`${type}.${night}`];
    if (typed !== undefined) return String(typed);
    return String(booked.get(night)?.[type as 'single'] ?? 0);
  };
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
      <p class="toolbar no-print">
        <a href={accommodationPath(event.id)}>{t.hotelPage.back}</a>
        <a href={`${base}/rooming-list`}>{t.roomingList}</a>
      </p>
      {props.notice && (
        <p class="warning" role="alert">
          {props.notice}
        </p>
      )}
      <section class="card" aria-labelledby="ac-inventory">
        <h2 id="ac-inventory">{t.hotelPage.inventoryTitle}</h2>
        <p class="hint">{t.hotelPage.inventoryHint}</p>
        <ErrorSummary ctx={ctx} form={props.inventoryForm} labels={{}} />
        <Form ctx={ctx} action={`${base}/inventory`}>
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="ac-inventory">
            <table class="ac-inventory" aria-labelledby="ac-inventory">
              <thead>
                <tr>
                  <th scope="col">{t.hotelPage.night}</th>
                  {ROOM_TYPES.map((type) => (
                    <th scope="col">{t.roomTypes[type]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {nights.map((night) => (
                  <tr>
                    <th scope="row">{shortDate(night, ctx.locale)}</th>
                    {ROOM_TYPES.map((type) => (
                      <td>
                        <input
                          type="number"
                          min="0"
                          max="200"
                          inputMode="numeric"
                          name={`${type}.${night}`}
                          value={cellValue(type, night)}
                          aria-label={t.hotelPage.roomsOf(
                            t.roomTypes[type],
                            shortDate(night, ctx.locale),
                          )}
                          aria-invalid={
                            props.inventoryForm.errors[`${type}.${night}`] ? 'true' : undefined
                          }
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit" class="btn">
            {t.hotelPage.saveInventory}
          </button>
        </Form>
      </section>

      <section class="card" aria-labelledby="ac-occupancy-title" id="ac-occupancy">
        <h2 id="ac-occupancy-title">{t.hotelPage.occupancyTitle}</h2>
        {props.occupancy && props.occupancy.rooms.length > 0 ? (
          <OccupancyGrid
            ctx={ctx}
            hotel={props.occupancy}
            nights={props.occupancyNights}
            labelledBy="ac-occupancy-title"
          />
        ) : (
          <p>{t.hotelPage.noRooms}</p>
        )}
      </section>
      <section class="card" aria-labelledby="ac-details">
        <h2 id="ac-details">{t.hotelPage.detailsTitle}</h2>
        <ErrorSummary ctx={ctx} form={props.form} labels={labels} />
        <Form ctx={ctx} action={base}>
          <HotelFields ctx={ctx} form={props.form} />
          <button type="submit" class="btn">
            {t.hotel.save}
          </button>
        </Form>
      </section>
      <ActionButton
        ctx={ctx}
        action={`${base}/remove`}
        label={t.hotel.remove}
        variant="danger"
        confirm={t.hotel.removeConfirm}
      />
    </div>
  );
}
