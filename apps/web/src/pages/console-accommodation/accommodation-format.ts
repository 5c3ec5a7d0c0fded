import type { RoomType } from '#accommodation';
import { dateTimeFormat, DomainError, INTL_TAGS, keptBy, type Locale, LOCALES } from '#core';
import type { WebContext } from '../../http/web-context.js';

// A meeting's stays fall on a few dozen dates, written again for each of up to a thousand
// people and each room's night on one page: each is written once per language and kept.
const MAX_DATES_KEPT = 1_000;

/** Writes plain dates (YYYY-MM-DD) with `options`, each date once per language. */
function dateWriter(options: Intl.DateTimeFormatOptions) {
  const writers = new Map(
    LOCALES.map((locale) => [
      locale,
      keptBy(MAX_DATES_KEPT, (date: string) =>
        dateTimeFormat(INTL_TAGS[locale], options).format(new Date(`${date}T12:00:00Z`)),
      ),
    ]),
  );
  return (date: string, locale: Locale): string => writers.get(locale)!(date);
}

/** Plain dates (a night, a check-in) written the reader's way: "lun. 25 oct.". */
export const shortDate = dateWriter({
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** "25 oct. 2027": for lists a hotel reads. */
export const mediumDate = dateWriter({ dateStyle: 'medium', timeZone: 'UTC' });

/** The hotel's own name for a room, else its type and number in the reader's language. */
export function roomName(
  ctx: WebContext,
  room: { customLabel: string | null; roomType: RoomType; position: number },
): string {
  return room.customLabel ?? `${ctx.t.accommodation.roomTypes[room.roomType]} ${room.position}`;
}

/** A refusal of the accommodation services, told in the reader's language. */
export function refusalText(ctx: WebContext, e: unknown): string | null {
  if (!(e instanceof DomainError) || e.code !== 'conflict') return null;
  const t = ctx.t.accommodation.errors;
  const details = (e.details ?? {}) as { reason?: string; night?: string };
  const night = details.night ? shortDate(details.night, ctx.locale) : '';
  switch (details.reason) {
    case 'room_full':
      return t.roomFull(night);
    case 'room_not_booked':
      return t.roomNotBooked(night);
    case 'rooms_in_use':
      return t.roomsInUse;
    case 'not_confirmed':
      return t.notConfirmed;
    case 'hotel_in_use':
      return t.hotelInUse;
    default:
      return null;
  }
}

export const accommodationPath = (eventId: string, rest = '') =>
  `/console/events/${eventId}/accommodation${rest}`;
