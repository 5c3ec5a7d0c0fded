import { badRequest, type Locale, LOCALES } from '#core';
import { cleanTexts, type LocalizedTexts, textWithLanguage } from '#events';

/** A site visit's rules in each language: `{ fr: ["..."], en: ["..."] }`. */
export type LocalizedLists = Partial<Record<Locale, string[]>>;

const isLocale = (l: string): l is Locale => (LOCALES as readonly string[]).includes(l);

/** Keeps known languages with at least one non-empty rule (each trimmed). */
export function cleanLists(lists: Record<string, unknown> | null | undefined): LocalizedLists {
  const out: LocalizedLists = {};
  for (const [lang, value] of Object.entries(lists ?? {})) {
    if (!isLocale(lang) || !Array.isArray(value)) continue;
    const items = value
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter(Boolean);
    if (items.length > 0) out[lang] = items;
  }
  return out;
}

/** What a reader sees of a session, each text with the language it is in. */
export interface SessionTextsView {
  title: string;
  /** The language of `title`; differs from the reader's when theirs has no title. */
  titleLanguage: Locale | null;
  description: string | null;
  descriptionLanguage: Locale | null;
  /** Whether the reader's language lacks one of the texts the session has. */
  translationMissing: boolean;
}

interface HasSessionTexts {
  title: string;
  description: string | null;
  titles?: LocalizedTexts | null;
  descriptions?: LocalizedTexts | null;
}

/**
 * A session's title and description in the reader's language, else in the event's
 * languages in order, else any written, else the plain columns (the event's first).
 */
export function sessionTextsIn(
  s: HasSessionTexts,
  locale: string,
  eventLanguages: readonly string[],
): SessionTextsView {
  const title = textWithLanguage(s.titles, locale, eventLanguages, s.title);
  const description = textWithLanguage(s.descriptions, locale, eventLanguages, s.description);
  const plainLanguage = (eventLanguages.find(isLocale) ?? null) as Locale | null;
  const titleLanguage = title.language ?? plainLanguage;
  const descriptionLanguage = description.text ? (description.language ?? plainLanguage) : null;
  return {
    title: title.text ?? s.title,
    titleLanguage,
    description: description.text,
    descriptionLanguage,
    translationMissing:
      (titleLanguage !== null && titleLanguage !== locale) ||
      (descriptionLanguage !== null && descriptionLanguage !== locale),
  };
}

/** A visit's rules in the reader's language (same order of fallbacks), with that language. */
export function rulesIn(
  rulesTexts: LocalizedLists | null | undefined,
  plain: string[],
  locale: string,
  eventLanguages: readonly string[],
): { rules: string[]; rulesLanguage: Locale | null } {
  const map = rulesTexts ?? {};
  for (const lang of [locale, ...eventLanguages, ...LOCALES]) {
    const list = isLocale(lang) ? map[lang] : undefined;
    if (list && list.length > 0) return { rules: list, rulesLanguage: lang as Locale };
  }
  const first = (eventLanguages.find(isLocale) ?? null) as Locale | null;
  return { rules: plain, rulesLanguage: plain.length > 0 ? first : null };
}

/**
 * The texts a write stores: the per-language map and the plain column (the text in the
 * event's first language, else the first written). A map given replaces the current
 * one; a plain text alone is the event's first language's.
 */
export function mergeTexts(
  field: string,
  given: Record<string, unknown> | undefined,
  plain: string | null | undefined,
  current: { texts: LocalizedTexts; plain: string | null } | undefined,
  eventLanguages: readonly string[],
): { texts: LocalizedTexts; plain: string | null } {
  const first = (eventLanguages.find(isLocale) ?? 'fr') as Locale;
  if (given !== undefined) {
    if (Object.keys(given).some((k) => !isLocale(k))) {
      throw badRequest(`${field} may only hold the languages fr, en and es`, { field });
    }
    const texts = cleanTexts(given);
    const written = texts[first] ?? LOCALES.map((l) => texts[l]).find(Boolean) ?? null;
    return { texts, plain: plain?.trim() || written };
  }
  if (plain !== undefined) {
    const texts = { ...(current?.texts ?? {}) };
    if (plain?.trim()) texts[first] = plain.trim();
    else delete texts[first];
    return { texts, plain: plain?.trim() || null };
  }
  return current ?? { texts: {}, plain: null };
}
