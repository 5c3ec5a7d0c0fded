import { addDays } from '#accommodation';
import { mediumDate, shortDate } from './accommodation-format.js';

describe('the rooms pages’ dates', () => {
  it('writes each language’s words', () => {
    expect(shortDate('2027-10-25', 'fr')).toBe('lun. 25 oct.');
    expect(shortDate('2027-10-25', 'es')).toBe('lun, 25 oct');
    // British English, as every other page, email and document writes it ("Mon, Oct 25"
    // was the runtime's American default).
    expect(shortDate('2027-10-25', 'en')).toBe('Mon 25 Oct');
    expect(mediumDate('2027-10-25', 'en')).toBe('25 Oct 2027');
    expect(mediumDate('2027-10-25', 'fr')).toBe('25 oct. 2027');
    expect(mediumDate('2027-10-25', 'es')).toBe('25 oct 2027');
  });

  it('gives the date asked, not a kept neighbour’s, once more dates were written than it keeps', () => {
    // Two years of nights: more than the writer keeps, so it clears and writes again.
    const dates = Array.from({ length: 1_500 }, (_, i) => addDays('2027-01-01', i));
    const first = dates.map((d) => shortDate(d, 'fr'));
    expect(new Set(first).size).toBeGreaterThan(360);
    expect(dates.map((d) => shortDate(d, 'fr'))).toEqual(first);
    expect(shortDate('2028-02-29', 'fr')).toBe('mar. 29 févr.');
    expect(shortDate('2028-02-29', 'es')).toBe('mar, 29 feb');
  });
});
