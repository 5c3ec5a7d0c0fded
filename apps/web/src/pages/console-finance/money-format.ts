import { INTL_TAGS, type Locale, numberFormat } from '#core';
import { formatMinor, minorDigits } from '#finance';

/**
 * "645,50 €", "€645.50", "770,00 MAD": minor units written the reader's way. The amount
 * reaches Intl as exact decimal text (never a float), so large sums print to the cent.
 */
export function money(amountMinor: number, currency: string, locale: Locale): string {
  return moneyFormat(locale, currency).format(
    formatMinor(amountMinor, currency) as unknown as number,
  );
}

// The finance report writes about six amounts for each of 850 people: its options object
// and the formatter cache's key for each was 3 MB of garbage per view. Bounded by the
// languages times the currencies in use.
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: Locale, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = minorDigits(currency);
    format = numberFormat(INTL_TAGS[locale], {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    if (moneyFormats.size >= 64) moneyFormats.clear();
    moneyFormats.set(key, format);
  }
  return format;
}

/** An amount for a form field: "645.50" in English, "645,50" in French and Spanish. */
export function amountField(amountMinor: number | null, currency: string, locale: Locale): string {
  if (amountMinor === null) return '';
  const text = formatMinor(amountMinor, currency);
  return locale === 'en' ? text : text.replace('.', ',');
}

export const financePath = (eventId: string) => `/console/events/${eventId}/finance`;
