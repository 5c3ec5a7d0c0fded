import { INTL_TAGS, type Locale, numberFormat } from '#core';
import { formatMinor, minorDigits } from '#finance';

/**
 * "645,50 €", "€645.50", "770,00 MAD": minor units written the reader's way. The amount
 * reaches Intl as exact decimal text (never a float), so large sums print to the cent.
 */
export function money(amountMinor: number, currency: string, locale: Locale): string {
  const digits = minorDigits(currency);
  return numberFormat(INTL_TAGS[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(formatMinor(amountMinor, currency) as unknown as number);
}

/** An amount for a form field: "645.50" in English, "645,50" in French and Spanish. */
export function amountField(amountMinor: number | null, currency: string, locale: Locale): string {
  if (amountMinor === null) return '';
  const text = formatMinor(amountMinor, currency);
  return locale === 'en' ? text : text.replace('.', ',');
}

export const financePath = (eventId: string) => `/console/events/${eventId}/finance`;
