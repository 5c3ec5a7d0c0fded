import { type Locale, LOCALES } from '#core';
import { en } from './en/index.js';
import { es } from './es/index.js';
import { fr } from './fr/index.js';

/**
 * The wording of pages (and, as they move here, emails and PDFs) in each language. The
 * English catalogue is the reference: the French and Spanish ones are typed against it,
 * so a missing key fails the build, and catalogue.spec.ts checks it again at run time.
 */
export type Catalogue = typeof en;

const CATALOGUES: Record<Locale, Catalogue> = { en, fr, es };

export function messages(locale: Locale): Catalogue {
  return CATALOGUES[locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first of fr, en, es that an Accept-Language header asks for, by its q-values. */
export function negotiateLocale(
  acceptLanguage: string | undefined,
  fallback: Locale = 'en',
): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: (tag ?? '').slice(0, 2).toLowerCase(), q: q ? Number(q) : 1, index };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((x) => x.tag).find(isLocale) ?? fallback;
}

/** Every leaf path of a catalogue with its kind (text, or a function and its arity). */
export function catalogueShape(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'function') out.set(path, `function/${value.length}`);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of catalogueShape(child, path ? `${path}.${key}` : key)) out.set(k, v);
    }
  } else out.set(path, typeof value);
  return out;
}

/** Looks up a dotted key ("registration.saved"): flash messages carry one across a redirect. */
export function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
