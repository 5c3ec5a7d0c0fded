import { offsetMinutesAt, zoneTransitions } from '#core';

const DAY_MS = 86_400_000;
const UNIX_EPOCH = 0;
/** Far enough back to reach a zone's first rule. */
const BEGINNING_OF_TIME = new Date(-8.64e15);

interface Observance {
  /** Local wall-clock time of the onset, in the offset in force before it. */
  onsetLocal: string;
  fromMinutes: number;
  toMinutes: number;
  name?: string;
}

/**
 * A VTIMEZONE block for `zone`, right for every instant between `from` and `to`: the
 * observance in force at `from`, then one observance per offset change up to `to`.
 *
 * Built from our zone rules (moment-timezone data through #core), never from the
 * runtime's ICU, and with explicit onsets instead of RRULEs: a rule cannot describe
 * Africa/Casablanca, which drops to UTC+0 for Ramadan (a different date every year)
 * and has stayed on UTC+0 since 2026-09-20. Clients that know the TZID may use their
 * own data; the others read these offsets.
 */
export function buildVTimezone(zone: string, from: Date, to: Date): string {
  // A day either side, so reminders and all-day views near the edges resolve too.
  const start = new Date(from.getTime() - DAY_MS);
  const end = new Date(to.getTime() + DAY_MS);
  const transitions = zoneTransitions(zone, BEGINNING_OF_TIME, end);
  const before = transitions.filter((t) => t.at.getTime() <= start.getTime());
  const during = transitions.filter((t) => t.at.getTime() > start.getTime());

  const inForce = offsetMinutesAt(zone, start);
  const last = before.at(-1);
  const first: Observance =
    last &&
    last.at.getTime() >= UNIX_EPOCH &&
    Number.isInteger(last.offsetBeforeMinutes) &&
    Number.isInteger(last.offsetAfterMinutes)
      ? {
          onsetLocal: localStamp(last.at, last.offsetBeforeMinutes),
          fromMinutes: last.offsetBeforeMinutes,
          toMinutes: last.offsetAfterMinutes,
          name: last.abbreviation,
        }
      : {
          // No usable change since 1970 (or only local mean time): one fixed offset.
          onsetLocal: '19700101T000000',
          fromMinutes: inForce,
          toMinutes: inForce,
          name: last?.abbreviation ?? (inForce === 0 ? 'UTC' : undefined),
        };
  const observances: Observance[] = [
    first,
    ...during.map((t) => ({
      onsetLocal: localStamp(t.at, t.offsetBeforeMinutes),
      fromMinutes: t.offsetBeforeMinutes,
      toMinutes: t.offsetAfterMinutes,
      name: t.abbreviation,
    })),
  ];

  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  for (const o of observances) {
    // Clocks going forward is "daylight"; anything else (Morocco's Ramadan switch, its
    // return to UTC+0, a fixed offset) is "standard". Clients only use the offsets.
    const kind = o.toMinutes > o.fromMinutes ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${o.onsetLocal}`,
      `TZOFFSETFROM:${utcOffset(o.fromMinutes)}`,
      `TZOFFSETTO:${utcOffset(o.toMinutes)}`,
      ...(o.name ? [`TZNAME:${o.name.replace(/[\\;,]/g, (c) => `\\${c}`)}`] : []),
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** "+0100", "-0500", "+0530"; seconds only when a zone really has them (local mean time). */
export function utcOffset(minutes: number): string {
  const totalSeconds = Math.round(minutes * 60);
  const sign = totalSeconds < 0 ? '-' : '+';
  const abs = Math.abs(totalSeconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hhmm = `${pad(Math.floor(abs / 3600))}${pad(Math.floor((abs % 3600) / 60))}`;
  return `${sign}${hhmm}${abs % 60 ? pad(abs % 60) : ''}`;
}

/** The wall-clock time an instant shows at a given offset, as an iCalendar local DATE-TIME. */
function localStamp(instant: Date, offsetMinutes: number): string {
  const local = new Date(instant.getTime() + Math.round(offsetMinutes * 60) * 1000);
  return local.toISOString().slice(0, 19).replace(/[-:]/g, '');
}
