import { cleanTexts, eventTextsIn, textIn, textWithLanguage } from './event-texts.js';

describe('event texts in the reader language', () => {
  const event = {
    name: 'Rencontre de Tanger',
    description: 'Trois jours de travail.',
    languages: ['fr', 'es'],
    names: { fr: 'Rencontre de Tanger', en: 'Tangier meeting', es: 'Encuentro de Tánger' },
    descriptions: { fr: 'Trois jours de travail.', es: 'Tres días de trabajo.' },
    practicalInfo: { es: 'Traiga su pasaporte.' },
  };

  it("picks the reader's language when the event has a text in it", () => {
    expect(eventTextsIn(event, 'es')).toEqual({
      name: 'Encuentro de Tánger',
      description: 'Tres días de trabajo.',
      practicalInfo: 'Traiga su pasaporte.',
    });
    expect(eventTextsIn(event, 'en').name).toBe('Tangier meeting');
  });

  it("falls back to the event's languages in order, then any, then the plain column", () => {
    expect(eventTextsIn(event, 'en').description).toBe('Trois jours de travail.');
    expect(eventTextsIn(event, 'fr').practicalInfo).toBe('Traiga su pasaporte.');
    expect(textIn({}, 'en', ['fr'], 'Plain name')).toBe('Plain name');
    expect(textIn(undefined, 'en', [], null)).toBeNull();
    const old = { name: 'Old event', description: null, languages: ['en'] };
    expect(eventTextsIn(old, 'fr')).toEqual({
      name: 'Old event',
      description: null,
      practicalInfo: null,
    });
  });

  it('keeps only known languages with some text', () => {
    expect(cleanTexts({ fr: ' Bonjour ', en: '   ', de: 'Hallo', es: 3 })).toEqual({
      fr: 'Bonjour',
    });
  });

  it('says which language a text is in, or none for the plain column', () => {
    const names = { fr: 'Atelier', es: 'Taller' };
    expect(textWithLanguage(names, 'es', ['fr'])).toEqual({ text: 'Taller', language: 'es' });
    expect(textWithLanguage(names, 'en', ['fr', 'es'])).toEqual({
      text: 'Atelier',
      language: 'fr',
    });
    expect(textWithLanguage({ es: 'Taller' }, 'en', ['fr'])).toEqual({
      text: 'Taller',
      language: 'es',
    });
    expect(textWithLanguage({}, 'en', ['fr'], 'Plain')).toEqual({ text: 'Plain', language: null });
  });
});
