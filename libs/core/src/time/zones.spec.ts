import moment from 'moment-timezone';
import {
  formatInZone,
  isValidTimeZone,
  localDateOf,
  offsetMinutesAt,
  parseInstant,
  toZonedIso,
  zoneTransitions,
} from './zones.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) =>
  new Date(Date.UTC(y, mo - 1, d, h, mi));

describe('time zones, independent of the runtime ICU', () => {
  it('knows Morocco returned to permanent UTC+0 on 2026-09-20 (tzdata 2026c)', () => {
    expect(offsetMinutesAt('Africa/Casablanca', utc(2027, 10, 28, 9))).toBe(0);
    expect(toZonedIso(utc(2027, 10, 28, 9), 'Africa/Casablanca')).toBe('2027-10-28T09:00:00+00:00');
  });

  it('has Casablanca at +01 before the decree and +00 during Ramadan 2026', () => {
    expect(offsetMinutesAt('Africa/Casablanca', utc(2026, 1, 10, 12))).toBe(60);
    expect(offsetMinutesAt('Africa/Casablanca', utc(2026, 3, 1, 12))).toBe(0);
    expect(offsetMinutesAt('Africa/Casablanca', utc(2026, 5, 1, 12))).toBe(60);
  });

  it('writes negative, half-hour and zero offsets', () => {
    expect(toZonedIso(utc(2027, 1, 15, 14, 5), 'America/Lima')).toBe('2027-01-15T09:05:00-05:00');
    expect(toZonedIso(utc(2027, 1, 15, 14, 5), 'Asia/Kolkata')).toBe('2027-01-15T19:35:00+05:30');
    expect(toZonedIso(utc(2027, 1, 15, 23, 59), 'Africa/Ouagadougou')).toBe(
      '2027-01-15T23:59:00+00:00',
    );
    expect(toZonedIso(utc(2027, 1, 15, 23, 30), 'Asia/Manila')).toBe('2027-01-16T07:30:00+08:00');
  });

  it('reads wall-clock input in the event zone and offset input as an instant', () => {
    expect(parseInstant('2026-05-04T09:00', 'Africa/Casablanca')?.toISOString()).toBe(
      '2026-05-04T08:00:00.000Z',
    );
    expect(parseInstant('2027-10-28T09:00:00', 'Africa/Casablanca')?.toISOString()).toBe(
      '2027-10-28T09:00:00.000Z',
    );
    expect(parseInstant('2026-05-04T09:00:00-05:00', 'Africa/Casablanca')?.toISOString()).toBe(
      '2026-05-04T14:00:00.000Z',
    );
  });

  it('refuses malformed timestamps', () => {
    for (const bad of ['2026-13-01T09:00', '2026-02-30T09:00', 'tomorrow', '2026-05-04', '']) {
      expect(parseInstant(bad, 'Europe/Paris')).toBeUndefined();
    }
  });

  it('validates IANA zone names', () => {
    expect(isValidTimeZone('Africa/Casablanca')).toBe(true);
    expect(isValidTimeZone('America/Lima')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('formats dates the local way without trusting ICU zone rules', () => {
    const text = formatInZone(utc(2027, 10, 28, 9), 'Africa/Casablanca', 'fr-FR');
    expect(text).toBe('jeudi 28 octobre 2027 à 09:00');
    expect(localDateOf(utc(2026, 5, 4, 23, 30), 'Africa/Casablanca')).toBe('2026-05-05');
  });

  it('lists the Ramadan and 2026-09-20 transitions for Casablanca', () => {
    const transitions = zoneTransitions('Africa/Casablanca', utc(2026, 1, 1), utc(2026, 12, 31));
    expect(transitions.map((t) => [t.offsetBeforeMinutes, t.offsetAfterMinutes])).toEqual([
      [60, 0],
      [0, 60],
      [60, 0],
    ]);
  });

  it('gives the same local date as moment, every few hours across offset changes', () => {
    const differing: string[] = [];
    for (const zone of [
      'Africa/Casablanca',
      'America/New_York',
      'Pacific/Chatham',
      'America/Lima',
    ]) {
      // Every 3 h 17 min, so the instants fall on every hour of the day, March 2026 to 2027.
      for (let t = Date.UTC(2026, 2, 1); t < Date.UTC(2028, 0, 1); t += 197 * 60_000) {
        const instant = new Date(t);
        const expected = moment(instant).tz(zone).format('YYYY-MM-DD');
        if (localDateOf(instant, zone) !== expected)
          differing.push(`${zone} ${instant.toISOString()}`);
      }
    }
    expect(differing).toEqual([]);
    expect(() => localDateOf(new Date(), 'Mars/Olympus')).toThrow('Unknown time zone');
  });
});
