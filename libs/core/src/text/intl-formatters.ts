/*
 * Every Intl formatter is built here, once per locale and options (ESLint refuses `new Intl`
 * elsewhere). A DateTimeFormat holds about 26 KB of ICU memory outside V8's heap, which V8
 * does not count, so it is freed only when a collection happens to reach its small wrapper:
 * built per date, 300 page views took the API from 165 to 350 MiB resident. Building one
 * also costs 20-50 µs against under 1 µs to format with it. Locales come from the app's
 * three and options from code, so the set stays small; the cap only guards against a caller
 * that would pass a client's own tag.
 */
import type { Locale } from '../validation/validators.js';

/**
 * The BCP 47 tag each of the app's languages is formatted with (dates, numbers, country
 * names), the same in pages, emails, calendars and documents. British English writes
 * "Thursday, 28 October 2027".
 */
export const INTL_TAGS: Readonly<Record<Locale, string>> = {
  fr: 'fr-FR',
  en: 'en-GB',
  es: 'es-ES',
};

const MAX_FORMATTERS = 256;
const formatters = new Map<string, unknown>();

function kept<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  const key = `${kind} ${locale} ${options ? JSON.stringify(options) : ''}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function dateTimeFormat(
  locale: string,
  options?: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return kept('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(
  locale: string,
  options?: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  return kept('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function displayNames(locale: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames {
  return kept('names', locale, options, () => new Intl.DisplayNames([locale], options));
}

export function collator(locale: string, options?: Intl.CollatorOptions): Intl.Collator {
  return kept('collator', locale, options, () => new Intl.Collator(locale, options));
}

export function pluralRules(locale: string): Intl.PluralRules {
  return kept('plural', locale, undefined, () => new Intl.PluralRules(locale));
}

export function listFormat(locale: string, options?: Intl.ListFormatOptions): Intl.ListFormat {
  return kept('list', locale, options, () => new Intl.ListFormat(locale, options));
}
