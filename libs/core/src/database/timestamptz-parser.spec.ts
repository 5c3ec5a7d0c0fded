import pg from 'pg';
import { parseTimestamptz, useFastTimestamptzParser } from './timestamptz-parser.js';

const pgOwn: (text: string) => Date | number | null = pg.types.getTypeParser(1184, 'text');

const same = (text: string) => {
  const ours = parseTimestamptz(text);
  const theirs = pgOwn(text);
  const value = (v: Date | number | null) => (v instanceof Date ? v.getTime() : v);
  expect({ text, value: value(ours) }).toEqual({ text, value: value(theirs) });
  expect(ours instanceof Date).toBe(theirs instanceof Date);
};

describe('parseTimestamptz', () => {
  it('reads PostgreSQL ISO output as pg does, whatever the offset and the fraction', () => {
    const offsets = ['+00', '+01', '-03', '+05:30', '+05:45', '-09:30', '+14', '-12', '+00:19:32'];
    const fractions = ['', '.1', '.12', '.123', '.1234', '.123456', '.999999', '.000001'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let k = 0; k < 400; k++) {
      // 1901 to 2099: instants a meeting, a passport or an audit log may hold.
      const instant = new Date(Date.UTC(1901, 0, 1) + (next() % 6_250_000) * 1_000_000);
      const local = instant.toISOString().slice(0, 19).replace('T', ' ');
      same(`${local}${fractions[k % fractions.length]}${offsets[k % offsets.length]}`);
    }
    expect(parseTimestamptz('2027-10-28 09:00:00+01')).toEqual(new Date('2027-10-28T08:00:00Z'));
    expect(parseTimestamptz('2026-09-20 02:30:00.5-05:30')).toEqual(
      new Date('2026-09-20T08:00:00.500Z'),
    );
  });

  it('leaves the rarer shapes to pg and gives what pg gives', () => {
    for (const text of [
      'infinity',
      '-infinity',
      '0099-03-01 10:00:00+00',
      '0001-01-01 00:00:00+00 BC',
      '12345-06-07 08:09:10+00',
      '2027-10-28 09:00:00.+00',
      '2027-10-28 09:00:00Z',
      '2027-10-28',
      'not a date',
    ]) {
      same(text);
    }
  });

  it('is what pg clients use once installed', () => {
    useFastTimestamptzParser();
    expect(pg.types.getTypeParser(1184, 'text')).toBe(parseTimestamptz);
  });
});
