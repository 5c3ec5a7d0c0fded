import pg from 'pg';

const TIMESTAMPTZ_OID = 1184;

/** pg's own parser (postgres-date), kept for every shape the fast path leaves to it. */
const parsePostgresDate: (text: string) => Date | number | null = pg.types.getTypeParser(
  TIMESTAMPTZ_OID,
  'text',
);

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);
const isDigits = (s: string, from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

/**
 * PostgreSQL's text form of a timestamptz as a Date, the same Date pg's own parser
 * (postgres-date) gives. pg's parser runs three regular expressions per value; an agenda
 * of 120 sessions reads 360 of them and their match arrays were 15 % of everything the
 * API allocated for it. The shape PostgreSQL writes with DateStyle ISO
 * (`2027-10-28 09:00:00.123456+00`, `+05:30`) is read by hand; anything else (BC, a
 * five-digit year, infinity, a year before 100) goes to pg's parser.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const n = text.length;
  if (
    n < 22 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 32 || // space
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    !isDigits(text, 0, 4) ||
    !isDigits(text, 5, 7) ||
    !isDigits(text, 8, 10) ||
    !isDigits(text, 11, 13) ||
    !isDigits(text, 14, 16) ||
    !isDigits(text, 17, 19)
  ) {
    return parsePostgresDate(text);
  }
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    // Fractions of a second: milliseconds kept, the rest cut, as Date.UTC does with pg's.
    const start = ++i;
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === start) return parsePostgresDate(text);
    for (let k = 0; k < 3; k++) ms = ms * 10 + (start + k < i ? digit(text, start + k) : 0);
  }
  const sign = text.charCodeAt(i);
  if ((sign !== 43 && sign !== 45) || i + 3 > n || !isDigits(text, i + 1, i + 3)) {
    return parsePostgresDate(text);
  }
  let offsetSeconds = two(text, i + 1) * 3600;
  i += 3;
  for (let unit = 60; i < n && unit >= 1; unit /= 60) {
    if (text.charCodeAt(i) !== 58 || i + 3 > n || !isDigits(text, i + 1, i + 3)) {
      return parsePostgresDate(text);
    }
    offsetSeconds += two(text, i + 1) * unit;
    i += 3;
  }
  if (i !== n) return parsePostgresDate(text);
  const year = two(text, 0) * 100 + two(text, 2);
  if (year < 100) return parsePostgresDate(text);
  const utc = Date.UTC(
    year,
    two(text, 5) - 1,
    two(text, 8),
    two(text, 11),
    two(text, 14),
    two(text, 17),
    ms,
  );
  return new Date(utc - (sign === 45 ? -1 : 1) * offsetSeconds * 1000);
}

/**
 * Reads timestamptz columns with `parseTimestamptz` in every pg client of this process.
 * The bare baselines in bench/ call it too, so both sides parse the same way.
 */
export function useFastTimestamptzParser(): void {
  pg.types.setTypeParser(TIMESTAMPTZ_OID, parseTimestamptz);
}
