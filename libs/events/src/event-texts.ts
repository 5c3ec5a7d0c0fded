import { LOCALES, type Locale } from '#core';

/** A text of an event in some of its languages: `{ fr: "...", en: "..." }`. */
export type LocalizedTexts = Partial<Record<Locale, string>>;

const isLocale = (l: string): l is Locale => (LOCALES as readonly string[]).includes(l);

/** Keeps only known languages with some text (trimmed); an empty field means "no text". */
export function cleanTexts(texts: Record<string, unknown> | null | undefined): LocalizedTexts {
  const out: LocalizedTexts = {};
  for (const [lang, value] of Object.entries(texts ?? {})) {
    if (isLocale(lang) && typeof value === 'string' && value.trim() !== '') {
      out[lang] = value.trim();
    }
  }
  return out;
}

/**
 * The text a reader sees: in their own language when the event has it, else in the
 * event's languages in the event's order, else in any language it has, else `fallback`.
 */
export function textIn(
  texts: LocalizedTexts | null | undefined,
  locale: string,
  languages: readonly string[] = [],
  fallback: string | null = null,
): string | null {
  const map = texts ?? {};
  const found = textLanguageOf(map, locale) ?? firstTextLanguage(map, languages);
  return found ? (map[found] as string) : (Object.values(map).find((t) => !!t) ?? fallback);
}

const textLanguageOf = (map: LocalizedTexts, lang: string): Locale | undefined =>
  isLocale(lang) && map[lang] ? lang : undefined;

// Read for every text of every session of an agenda: no array of candidates per call.
function firstTextLanguage(map: LocalizedTexts, langs: readonly string[]): Locale | undefined {
  for (const lang of langs) {
    const found = textLanguageOf(map, lang);
    if (found) return found;
  }
  return undefined;
}

/**
 * As `textIn`, saying which language the text is in (null for the plain `fallback`,
 * whose language is not recorded), so a page can mark a text that is not in the
 * reader's language (`lang` attribute, "in English").
 */
export function textWithLanguage(
  texts: LocalizedTexts | null | undefined,
  locale: string,
  languages: readonly string[] = [],
  fallback: string | null = null,
): { text: string | null; language: Locale | null } {
  const map = texts ?? {};
  const found =
    textLanguageOf(map, locale) ??
    firstTextLanguage(map, languages) ??
    firstTextLanguage(map, LOCALES);
  return found
    ? { text: map[found] as string, language: found }
    : { text: fallback, language: null };
}

/** The shape shared by the Event entity and its API view, for `eventTextsIn`. */
interface HasTexts {
  name: string;
  description: string | null;
  languages: string[];
  names?: LocalizedTexts | null;
  descriptions?: LocalizedTexts | null;
  practicalInfo?: LocalizedTexts | null;
}

/**
 * An event's view for one reader: `name` and `description` in their language (else the
 * event's languages in order), each with the language it is in; every translation stays
 * in `names`, `descriptions` and `practicalInfo`.
 */
export function eventViewIn<V extends HasTexts>(
  view: V,
  locale: string,
): V & { nameLanguage: Locale | null; descriptionLanguage: Locale | null } {
  const first = (view.languages.find(isLocale) ?? null) as Locale | null;
  const name = textWithLanguage(view.names, locale, view.languages, view.name);
  const description = textWithLanguage(view.descriptions, locale, view.languages, view.description);
  return {
    ...view,
    name: name.text ?? view.name,
    nameLanguage: name.language ?? first,
    description: description.text,
    descriptionLanguage: description.text ? (description.language ?? first) : null,
  };
}

/** An event's name, description and practical information in the reader's language. */
export function eventTextsIn(
  event: HasTexts,
  locale: string,
): { name: string; description: string | null; practicalInfo: string | null } {
  return {
    name: textIn(event.names, locale, event.languages, event.name) ?? event.name,
    description: textIn(event.descriptions, locale, event.languages, event.description),
    practicalInfo: textIn(event.practicalInfo, locale, event.languages, null),
  };
}
