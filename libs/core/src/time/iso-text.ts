/**
 * The UTC fields of an instant as ISO 8601 text, the same text `Date#toISOString` gives.
 * V8 builds that text through a runtime call and a printf: 450 ns a date on Node 20,
 * against about 130 ns by plain arithmetic here. An agenda of 120 sessions prints 360
 * instants and dates, a page of the organisers' list 150, a CSV of 10,000 registrations
 * 20,000 (bench/README.md, "Dates written by hand").
 */

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const MS_PER_DAY = 86_400_000;
/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: toISOString writes years outside as ±YYYYYY. */
const FOUR_DIGIT_YEARS_FROM = -62_167_219_200_000;
const FOUR_DIGIT_YEARS_UNTIL = 253_402_300_800_000;

const inFourDigitYears = (ms: number) => ms >= FOUR_DIGIT_YEARS_FROM && ms < FOUR_DIGIT_YEARS_UNTIL;

/**
 * The proleptic Gregorian date of a day counted from 1970-01-01, as YYYY-MM-DD
 * (Howard Hinnant's days_from_civil inverse; eras of 400 years keep it exact).
 */
function dateOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${TWO_DIGITS[Math.floor(year / 100)]}${TWO_DIGITS[year % 100]}-${TWO_DIGITS[month]}-${TWO_DIGITS[dayOfMonth]}`;
}

/** YYYY-MM-DDTHH:MM:SS of whole milliseconds within years 0-9999. */
function dateTimeOf(ms: number): string {
  const day = Math.floor(ms / MS_PER_DAY);
  const seconds = Math.floor((ms - day * MS_PER_DAY) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${dateOfDay(day)}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds % 60]}`;
}

/*
 * Each writer below takes milliseconds since the epoch. A Date keeps whole milliseconds,
 * cut towards zero (Math.trunc); a sum with an old zone's offset of odd seconds may not.
 */

/** YYYY-MM-DD of the instant in UTC. */
export function isoDateUtc(instant: number): string {
  if (!inFourDigitYears(instant)) return new Date(instant).toISOString().slice(0, 10);
  return dateOfDay(Math.floor(Math.trunc(instant) / MS_PER_DAY));
}

/** YYYY-MM-DDTHH:MM:SS of the instant in UTC, its milliseconds left out. */
export function isoDateTimeUtc(instant: number): string {
  if (!inFourDigitYears(instant)) return new Date(instant).toISOString().slice(0, 19);
  return dateTimeOf(Math.trunc(instant));
}

/** The instant as toISOString writes it, 2027-10-28T09:00:00.000Z. */
export function isoInstantUtc(instant: number): string {
  if (!inFourDigitYears(instant)) return new Date(instant).toISOString();
  const ms = Math.trunc(instant);
  return `${dateTimeOf(ms)}.${THREE_DIGITS[ms - Math.floor(ms / 1000) * 1000]}Z`;
}

/** An offset east of UTC, rounded to whole minutes, as ISO text: +01:00, -05:00, +00:00. */
export function isoOffset(minutes: number): string {
  const abs = Math.abs(Math.round(minutes));
  return `${minutes < 0 && abs > 0 ? '-' : '+'}${TWO_DIGITS[Math.floor(abs / 60)]}:${TWO_DIGITS[abs % 60]}`;
}
