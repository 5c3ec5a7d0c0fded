import {
  addMonths,
  maskPassportNumber,
  normalisePassportNumber,
  passportWarnings,
} from './passport.js';
import { groupArrivals } from './pickup-groups.js';
import { atVenue, visaLetterText } from './visa-letter.wording.js';
import { canMoveVisa, defaultVisaStatus, nextVisaStatuses } from './visa-rules.js';

const at = (iso: string) => new Date(iso);

describe('passports', () => {
  it('masks all but the last four characters, with a fixed number of dots', () => {
    expect(maskPassportNumber('B12341234')).toBe('•••••1234');
    expect(maskPassportNumber('AB123456')).toBe('•••••3456');
    expect(maskPassportNumber('A12345')).toBe('•••••');
    expect(normalisePassportNumber(' ab 12-34 567 ')).toBe('AB1234567');
  });

  it('adds months to calendar dates, clamping to the end of the month', () => {
    expect(addMonths('2027-10-30', 6)).toBe('2028-04-30');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-12-15', 1)).toBe('2028-01-15');
  });

  it('warns when the passport expires less than 6 months after the event ends', () => {
    expect(passportWarnings('2028-04-30', '2027-10-30')).toEqual([]);
    expect(passportWarnings('2028-04-29', '2027-10-30').map((w) => w.code)).toEqual([
      'passport_expires_within_6_months',
    ]);
    expect(passportWarnings('2027-10-30', '2027-10-30').map((w) => w.code)).toEqual([
      'passport_expires_before_event_end',
    ]);
    expect(passportWarnings(null, '2027-10-30')).toEqual([]);
    expect(passportWarnings('2028-01-01', '2027-10-30')[0].field).toBe('passport.expiresOn');
  });
});

describe('visa statuses', () => {
  it('start from the event rule', () => {
    expect(defaultVisaStatus('BF', ['BF', 'CD'])).toBe('letter_requested');
    expect(defaultVisaStatus('FR', ['BF', 'CD'])).toBe('not_required');
  });

  it('move along the allowed steps; participants only ask for a letter', () => {
    expect(canMoveVisa('letter_requested', 'letter_issued', 'organiser')).toBe(true);
    expect(canMoveVisa('letter_issued', 'applied', 'organiser')).toBe(true);
    expect(canMoveVisa('applied', 'granted', 'organiser')).toBe(true);
    expect(canMoveVisa('not_required', 'granted', 'organiser')).toBe(false);
    expect(canMoveVisa('not_required', 'letter_requested', 'participant')).toBe(true);
    expect(canMoveVisa(null, 'letter_requested', 'participant')).toBe(true);
    expect(canMoveVisa('letter_requested', 'letter_issued', 'participant')).toBe(false);
    expect(canMoveVisa('applied', 'letter_requested', 'participant')).toBe(false);
    expect(nextVisaStatuses('applied')).toEqual(['granted', 'refused']);
  });
});

describe('pick-up groups', () => {
  it('groups arrivals at one airport within 90 minutes of the first, apart from later ones', () => {
    const groups = groupArrivals([
      { id: 'b', airport: 'TNG', at: at('2027-10-24T15:25:00Z') },
      { id: 'a', airport: 'TNG', at: at('2027-10-24T14:05:00Z') },
      { id: 'c', airport: 'TNG', at: at('2027-10-24T17:05:00Z') },
      { id: 'd', airport: 'RAK', at: at('2027-10-24T14:30:00Z') },
    ]);
    expect(groups.map((g) => [g.id, g.members.map((m) => m.id)])).toEqual([
      ['TNG-1', ['a', 'b']],
      ['RAK-1', ['d']],
      ['TNG-2', ['c']],
    ]);
    expect(groups[0].lastAt.toISOString()).toBe('2027-10-24T15:25:00.000Z');
  });

  it('does not let a chain of close flights stretch one group over hours', () => {
    const times = ['10:00', '11:20', '12:40', '14:00'].map((t) => ({
      airport: 'TNG',
      at: at(`2027-10-24T${t}:00Z`),
    }));
    expect(groupArrivals(times).map((g) => g.members.length)).toEqual([2, 2]);
  });
});

describe('the invitation letter text', () => {
  const facts = {
    reference: 'TNG27-0001',
    verifyUrl: 'https://convene.example/verify/abc',
    issuedOn: '2027-06-01',
    eventName: 'Communities of Practice — Tangier 2027',
    eventStartDate: '2027-10-25',
    eventEndDate: '2027-10-30',
    venueName: 'Hôtel Continental',
    venueCity: 'Tangier',
    venueCountry: 'MA',
    participantName: 'Awa Traoré',
    organisationName: 'Maison des Familles',
    organisationCountry: 'BF',
    nationality: 'BF',
    passportNumber: 'B1234567',
    passportExpiresOn: '2031-01-31',
    signerName: 'Nadia Benali',
    signerOrganisation: 'Association Amal',
  };

  it('is written in the participant’s language with every fact a consulate looks for', () => {
    const fr = visaLetterText({ ...facts, locale: 'fr' });
    expect(fr.title).toBe("Lettre d'invitation");
    expect(fr.paragraphs[0]).toContain('du 25 octobre 2027 au 30 octobre 2027');
    expect(fr.details).toEqual(
      expect.arrayContaining([
        ['Nom', 'Awa Traoré'],
        ['Passeport n°', 'B1234567'],
        ["Date d'expiration du passeport", '31 janvier 2031'],
      ]),
    );
    expect(fr.signature[0]).toBe('Nadia Benali');
    const en = visaLetterText({ ...facts, locale: 'en' });
    expect(en.title).toBe('Invitation letter');
    expect(en.details).toContainEqual(['Passport number', 'B1234567']);
    const es = visaLetterText({ ...facts, locale: 'es' });
    expect(es.title).toBe('Carta de invitación');
    expect(es.paragraphs[0]).toContain('del 25 de octubre de 2027 al 30 de octubre de 2027');
  });

  it('names the city in the letter’s language and the venue with its article', () => {
    const fr = visaLetterText({ ...facts, locale: 'fr' });
    expect(fr.placeAndDate).toBe('Tanger, le 1er juin 2027');
    expect(fr.paragraphs[0]).toContain("au 30 octobre 2027 à l'Hôtel Continental, Tanger, Maroc.");
    const es = visaLetterText({ ...facts, locale: 'es' });
    expect(es.placeAndDate).toMatch(/^Tánger, /);
    expect(es.paragraphs[0]).toContain('en el Hôtel Continental, Tánger, Marruecos.');
    const en = visaLetterText({ ...facts, locale: 'en' });
    expect(en.paragraphs[0]).toContain('at the Hôtel Continental, Tangier, Morocco.');
    expect(atVenue('Centre Culturel', 'fr')).toBe('au Centre Culturel');
    expect(atVenue('Maison des Familles', 'fr')).toBe('à la Maison des Familles');
    expect(atVenue('Casablanca', 'fr')).toBe('à Casablanca');
  });
});
