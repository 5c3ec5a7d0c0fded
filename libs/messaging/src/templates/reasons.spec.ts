import { INTERNAL_REASONS } from './registration.templates.js';
import { renderMessage } from './render.js';

const event = {
  eventId: '6b1f3c1e-0000-4000-8000-000000000001',
  eventName: 'Tanger 2027',
  eventStartDate: '2027-10-25',
  eventEndDate: '2027-10-30',
  eventTimezone: 'Africa/Casablanca',
  registrationId: 'r1',
  recipientName: 'Amina',
};

describe('reasons Convene writes itself', () => {
  const templates = [
    'registration_confirmed',
    'registration_promoted',
    'registration_cancelled',
    'registration_rejected',
  ];
  for (const locale of ['fr', 'es']) {
    it(`never reach a ${locale} reader in English, neither as text nor as a code`, () => {
      for (const template of templates) {
        for (const [code, english] of Object.entries(INTERNAL_REASONS)) {
          for (const reason of [english, code]) {
            const mail = renderMessage(template, locale, { ...event, reason });
            for (const part of [mail.text, mail.html, mail.subject]) {
              expect(part).not.toContain(english);
              expect(part).not.toContain(code);
            }
            expect(mail.text).not.toMatch(/Motif indiqué|Motivo indicado/);
          }
        }
      }
    });
  }

  it('an organiser’s own words stay, under "reason given by the organisers"', () => {
    const mail = renderMessage('registration_rejected', 'fr', {
      ...event,
      reason: 'Dossier incomplet',
    });
    expect(mail.text).toContain("Motif indiqué par l'équipe d'organisation : Dossier incomplet");
  });

  it('an internal reason with something to say is said in the reader’s language', () => {
    const fr = renderMessage('registration_confirmed', 'fr', {
      ...event,
      reason: 'Registered by an organiser',
    });
    expect(fr.text).toContain(
      "Cette inscription a été faite pour vous par l'équipe d'organisation.",
    );
    const es = renderMessage('registration_confirmed', 'es', {
      ...event,
      reason: 'The person gave consent',
    });
    expect(es.text).toContain('Usted dio su consentimiento.');
  });
});
