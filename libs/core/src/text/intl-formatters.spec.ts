import { collator, dateTimeFormat, displayNames, numberFormat } from './intl-formatters.js';

describe('kept Intl formatters', () => {
  const at = new Date('2027-10-28T09:00:00Z');

  it('hands back the same formatter for the same locale and options, built once', () => {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC' };
    const first = dateTimeFormat('fr-FR', options);
    expect(dateTimeFormat('fr-FR', { ...options })).toBe(first);
    expect(first.format(at)).toBe('28 octobre');
  });

  it('keeps locales and options apart', () => {
    const long: Intl.DateTimeFormatOptions = { month: 'long', timeZone: 'UTC' };
    expect(dateTimeFormat('es-ES', long).format(at)).toBe('octubre');
    expect(dateTimeFormat('en-GB', long).format(at)).toBe('October');
    expect(dateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(at)).toBe('Oct');
    expect(numberFormat('fr-FR').format(1234.5)).toBe('1\u202f234,5');
    expect(numberFormat('en-GB').format(1234.5)).toBe('1,234.5');
    expect(numberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(12)).toBe(
      '12,00\u00a0€',
    );
    expect(displayNames('fr-FR', { type: 'region' }).of('PE')).toBe('Pérou');
    expect(displayNames('fr-FR', { type: 'language' }).of('vi')).toBe('vietnamien');
    expect(['Zoé', 'Élodie', 'Ana'].sort(collator('fr-FR').compare)).toEqual([
      'Ana',
      'Élodie',
      'Zoé',
    ]);
  });

  it('still refuses what Intl refuses', () => {
    expect(() => dateTimeFormat('not a locale!')).toThrow(RangeError);
    expect(() => numberFormat('en-GB', { style: 'currency' })).toThrow(TypeError);
  });

  it('does not grow without bound when callers pass many tags', () => {
    const first = numberFormat('en-GB', { minimumFractionDigits: 0 });
    for (let i = 0; i < 300; i++)
      numberFormat('en-GB', { minimumIntegerDigits: (i % 21) + 1, maximumFractionDigits: i % 20 });
    // The cap emptied the store at least once: the first formatter was built again.
    expect(numberFormat('en-GB', { minimumFractionDigits: 0 })).not.toBe(first);
  });
});
