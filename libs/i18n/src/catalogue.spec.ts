import { LOCALES } from '#core';
import { catalogueShape, lookup, messages, negotiateLocale } from './catalogue.js';

describe('message catalogues', () => {
  const reference = catalogueShape(messages('en'));

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every key of en, of the same kind', (l) => {
    const shape = catalogueShape(messages(l));
    const missing = [...reference.keys()].filter((k) => !shape.has(k));
    const extra = [...shape.keys()].filter((k) => !reference.has(k));
    const differing = [...reference].filter(([k, kind]) => shape.has(k) && shape.get(k) !== kind);
    expect({ missing, extra, differing }).toEqual({ missing: [], extra: [], differing: [] });
  });

  it('has no empty text in any language', () => {
    for (const l of LOCALES) {
      for (const [key] of catalogueShape(messages(l))) {
        const text = lookup(messages(l), key);
        if (text !== undefined)
          expect({ key, l, empty: text.trim() === '' }).toMatchObject({ empty: false });
      }
    }
  });

  it('negotiates Accept-Language by q-value and falls back to English', () => {
    expect(negotiateLocale('de-DE,es;q=0.8,fr;q=0.9')).toBe('fr');
    expect(negotiateLocale('es-PE,es;q=0.9,en;q=0.8')).toBe('es');
    expect(negotiateLocale('de, *;q=0.5')).toBe('en');
    expect(negotiateLocale(undefined, 'fr')).toBe('fr');
    expect(negotiateLocale('fr;q=0, es')).toBe('es');
  });
});
