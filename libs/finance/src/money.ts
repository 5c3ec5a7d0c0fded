/**
 * Money as integer minor units (cents, centimes, francs) with an ISO 4217 code. Never a
 * float: sums are integer additions, conversions are BigInt arithmetic on a decimal rate.
 */

/** ISO 4217 codes in use (funds, metals and testing codes left out). */
export const ISO_CURRENCIES = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
    'GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT ' +
    'LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR ' +
    'NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP ' +
    'STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD ' +
    'XCG XOF XPF YER ZAR ZMW ZWG'
  ).split(' '),
);

/** ISO 4217 minor-unit exponents that are not 2. */
const EXPONENTS: Record<string, number> = {
  ...Object.fromEntries(
    'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' ').map((c) => [c, 0]),
  ),
  ...Object.fromEntries('BHD IQD JOD KWD LYD OMR TND'.split(' ').map((c) => [c, 3])),
};

export const isCurrencyCode = (v: unknown): v is string =>
  typeof v === 'string' && ISO_CURRENCIES.has(v);

/** Digits after the decimal point: EUR 2, XOF 0, TND 3. */
export function minorDigits(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** The largest amount Convene accepts for one cost line, in minor units (fits a JS integer). */
export const MAX_AMOUNT_MINOR = 1_000_000_000_00;

export interface Money {
  amountMinor: number;
  currency: string;
}

/**
 * "1234.5" or "1234,50" (typed by a person, in the currency's units) to minor units.
 * Returns null when the text is not an amount with at most the currency's digits.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const clean = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(clean);
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > digits) return null;
  const minor = Number(m[1]) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) && minor <= MAX_AMOUNT_MINOR ? minor : null;
}

/** Minor units back to a plain decimal ("1234.50"), for CSV cells and form fields. */
export function formatMinor(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = BigInt(Math.abs(amountMinor));
  if (digits === 0) return `${sign}${abs}`;
  const base = 10n ** BigInt(digits);
  return `${sign}${abs / base}.${(abs % base).toString().padStart(digits, '0')}`;
}

/** The scale of stored rates: numeric(20,10) in PostgreSQL, 10 decimals here. */
const RATE_DECIMALS = 10;

/** A rate as a positive decimal string ("10.85", "0.0925") with at most 10 decimals, or null. */
export function parseRate(text: string): bigint | null {
  const clean = text.trim().replace(',', '.');
  const m = /^(\d{1,9})(?:\.(\d{1,10}))?$/.exec(clean);
  if (!m) return null;
  const scaled =
    BigInt(m[1]) * 10n ** BigInt(RATE_DECIMALS) + BigInt((m[2] ?? '').padEnd(RATE_DECIMALS, '0'));
  return scaled > 0n ? scaled : null;
}

/** A scaled rate back to its shortest decimal text ("10.85"). */
export function rateText(scaled: bigint): string {
  const base = 10n ** BigInt(RATE_DECIMALS);
  const frac = (scaled % base).toString().padStart(RATE_DECIMALS, '0').replace(/0+$/, '');
  return frac ? `${scaled / base}.${frac}` : `${scaled / base}`;
}

/**
 * An amount in `from` to minor units of `to`, at `rate` units of `to` for one unit of
 * `from`, rounded half away from zero. All BigInt: no float ever touches the sum.
 */
export function convertMinor(amountMinor: number, from: string, to: string, rate: bigint): number {
  if (from === to) return amountMinor;
  const num = BigInt(amountMinor) * rate * 10n ** BigInt(minorDigits(to));
  const den = 10n ** BigInt(minorDigits(from) + RATE_DECIMALS);
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (abs + den / 2n) / den;
  return Number(neg ? -q : q);
}
