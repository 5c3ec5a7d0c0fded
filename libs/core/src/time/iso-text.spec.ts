import { isoDateTimeUtc, isoDateUtc, isoInstantUtc, isoOffset } from './iso-text.js';

const viaDate = (ms: number) => new Date(ms).toISOString();

/** A fixed sequence (xorshift), so a failure names the same instants on every run. */
function* instants(count: number, from: number, until: number): Generator<number> {
  let x = 0x2545f491;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    yield from + Math.floor(((x >>> 0) / 0x1_0000_0000) * (until - from));
  }
}

describe('ISO text of an instant, written by hand', () => {
  const edges = [
    '0000-01-01T00:00:00.000Z',
    '0000-02-29T23:59:59.999Z',
    '0001-01-01T00:00:00.000Z',
    '1582-10-15T12:00:00.000Z',
    '1899-12-31T23:59:59.999Z',
    '1900-02-28T23:59:59.000Z',
    '1900-03-01T00:00:00.000Z',
    '1969-12-31T23:59:59.999Z',
    '1970-01-01T00:00:00.000Z',
    '1970-01-01T00:00:00.001Z',
    '2000-02-29T12:34:56.789Z',
    '2026-09-20T02:00:00.000Z',
    '2027-10-28T09:00:00.000Z',
    '2100-02-28T23:59:59.999Z',
    '2100-03-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
  ].map((text) => Date.parse(text));

  it('gives toISOString’s own text at the edges of days, years, leap years and eras', () => {
    for (const ms of edges) {
      expect(Number.isNaN(ms)).toBe(false);
      expect({ ms, text: isoDateTimeUtc(ms) }).toEqual({ ms, text: viaDate(ms).slice(0, 19) });
      expect({ ms, text: isoDateUtc(ms) }).toEqual({ ms, text: viaDate(ms).slice(0, 10) });
      expect({ ms, text: isoInstantUtc(ms) }).toEqual({ ms, text: viaDate(ms) });
    }
  });

  it('gives toISOString’s own text for 200,000 instants across years 0 to 9999', () => {
    const from = Date.parse('0000-01-01T00:00:00Z');
    const until = Date.parse('9999-12-31T23:59:59.999Z');
    let differences = 0;
    for (const ms of instants(200_000, from, until)) {
      if (isoDateTimeUtc(ms) !== viaDate(ms).slice(0, 19)) differences++;
      if (isoDateUtc(ms) !== viaDate(ms).slice(0, 10)) differences++;
      if (isoInstantUtc(ms) !== viaDate(ms)) differences++;
    }
    expect(differences).toBe(0);
  });

  it('leaves years outside 0-9999 to Date, which writes them with a sign', () => {
    const later = Date.parse('+010000-01-01T00:00:00Z');
    const earlier = Date.parse('-000001-12-31T23:59:59Z');
    for (const ms of [later, earlier]) {
      expect(isoDateTimeUtc(ms)).toBe(viaDate(ms).slice(0, 19));
      expect(isoDateUtc(ms)).toBe(viaDate(ms).slice(0, 10));
      expect(isoInstantUtc(ms)).toBe(viaDate(ms));
    }
    expect(isoDateTimeUtc(later).startsWith('+010000-01-01T')).toBe(true);
  });

  it('cuts fractions of a millisecond as Date does, before and after 1970', () => {
    for (const ms of [1_796_000_000_123.9, -1.5, -0.4, 86_399_999.99, -86_400_000.7]) {
      expect({ ms, text: isoInstantUtc(ms) }).toEqual({ ms, text: viaDate(ms) });
      expect({ ms, text: isoDateTimeUtc(ms) }).toEqual({ ms, text: viaDate(ms).slice(0, 19) });
      expect({ ms, text: isoDateUtc(ms) }).toEqual({ ms, text: viaDate(ms).slice(0, 10) });
    }
  });

  it('refuses an invalid instant as Date does', () => {
    expect(() => isoDateTimeUtc(Number.NaN)).toThrow(RangeError);
    expect(() => isoDateUtc(Number.NaN)).toThrow(RangeError);
    expect(() => isoInstantUtc(Number.NaN)).toThrow(RangeError);
  });

  it('writes offsets as ±HH:MM', () => {
    expect(isoOffset(0)).toBe('+00:00');
    expect(isoOffset(60)).toBe('+01:00');
    expect(isoOffset(-300)).toBe('-05:00');
    expect(isoOffset(330)).toBe('+05:30');
    expect(isoOffset(-570)).toBe('-09:30');
    expect(isoOffset(840)).toBe('+14:00');
  });

  it('rounds an offset of odd seconds to the minute, as toZonedIso did', () => {
    // Paris's mean time before 1911 was 9 min 21 s east; Dublin's 25 min 21 s west.
    expect(isoOffset(9.35)).toBe('+00:09');
    expect(isoOffset(-25.35)).toBe('-00:25');
    expect(isoOffset(-0.3)).toBe('+00:00');
  });
});
