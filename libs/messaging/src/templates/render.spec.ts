import { TEMPLATE_NAMES } from '../template-names.js';
import { localDateTime } from './format.js';
import { renderMessage, UnknownTemplateError } from './render.js';

const event = {
  eventId: '6b1f3c1e-0000-4000-8000-000000000001',
  eventName: 'CPK <2027> & co',
  eventStartDate: '2027-10-25',
  eventEndDate: '2027-10-30',
  eventTimezone: 'Africa/Casablanca',
  venueName: 'Hôtel Continental',
  venueCity: 'Tangier',
};
const payloads: Record<string, Record<string, unknown>> = {
  magic_link: {
    recipientName: 'Amina',
    link: 'https://convene.test/login/magic?token=abc',
    expiresAt: '2027-10-28T09:15:00Z',
  },
  email_verification: {
    recipientName: 'Amina',
    link: 'https://convene.test/verify-email?token=abc',
    expiresAt: '2027-10-30T09:15:00Z',
  },
  password_reset: {
    recipientName: 'Amina',
    link: 'https://convene.test/password/reset?token=abc',
    expiresAt: '2027-10-28T09:15:00Z',
  },
  announcement: {
    ...event,
    recipientName: 'Amina',
    subject: 'Bus',
    body: 'Line 1\n\n<script>x</script>',
  },
  session_changed: {
    ...event,
    recipientName: 'Amina',
    sessionId: 's1',
    sessionTitle: 'Atelier',
    startsAt: '2027-10-28T09:00:00Z',
    endsAt: '2027-10-28T10:30:00Z',
    roomName: 'Salle 2',
    status: 'scheduled',
    changes: ['time', 'room'],
  },
  signup_promoted: {
    ...event,
    recipientName: 'Amina',
    signupId: 'g1',
    sessionId: 's2',
    sessionTitle: 'Atelier « familles »',
    sessionKind: 'workshop',
    startsAt: '2027-10-26T14:00:00Z',
    endsAt: '2027-10-26T15:30:00Z',
    roomName: 'Salle Ibn Battuta',
    siteVisit: null,
  },
  visa_letter_issued: { ...event, registrationId: 'r1', recipientName: 'Amina' },
};
const visitPromotion = {
  ...payloads.signup_promoted,
  sessionTitle: "Visit of the mothers' programme",
  sessionKind: 'site_visit',
  startsAt: '2027-10-27T08:30:00Z',
  endsAt: '2027-10-27T13:00:00Z',
  roomName: null,
  siteVisit: {
    meetingPoint: 'Hotel lobby',
    departureAt: '2027-10-27T08:45:00Z',
    returnAt: '2027-10-27T12:30:00Z',
    address: 'Rue de la Kasbah, Tangier',
    hostOrganisationName: 'Association Amal',
  },
};
/** Emails about the account, not an event. */
const ACCOUNT_TEMPLATES = ['magic_link', 'email_verification', 'password_reset'];
const payloadOf = (template: string) =>
  payloads[template] ?? { ...event, registrationId: 'r1', recipientName: 'Amina', reason: null };

describe('renderMessage', () => {
  it.each(TEMPLATE_NAMES.flatMap((t) => ['fr', 'en', 'es'].map((l) => [t, l])))(
    '%s in %s has a subject, a text part, a small HTML part and a footer',
    (template, locale) => {
      const mail = renderMessage(template, locale, payloadOf(template));
      expect(mail.subject.length).toBeGreaterThan(3);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.text).toMatch(/\n--\n.+/);
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.html.length).toBeLessThan(8_000);
      expect(mail.html).not.toMatch(/<img|<script|https?:\/\/(?!convene\.test)/);
      if (!ACCOUNT_TEMPLATES.includes(template)) {
        expect(mail.text).toContain('CPK <2027> & co');
        expect(mail.html).toContain('CPK &lt;2027&gt; &amp; co');
      }
    },
  );

  it('writes each language differently', () => {
    const subjects = ['fr', 'en', 'es'].map(
      (l) =>
        renderMessage('registration_confirmed', l, payloadOf('registration_confirmed')).subject,
    );
    expect(subjects).toEqual([
      'Inscription confirmée : CPK <2027> & co',
      'Registration confirmed: CPK <2027> & co',
      'Inscripción confirmada: CPK <2027> & co',
    ]);
  });

  it('sends the confirmation and reset links with their own wording in each language', () => {
    const fr = renderMessage('email_verification', 'fr', payloads.email_verification);
    expect(fr.subject).toBe('Confirmez votre adresse e-mail pour Convene');
    expect(fr.text).toContain(
      'Confirmer mon adresse:\nhttps://convene.test/verify-email?token=abc',
    );
    const es = renderMessage('password_reset', 'es', payloads.password_reset);
    expect(es.subject).toBe('Elija una nueva contraseña de Convene');
    expect(es.text).toContain('caduca a las 09:15 UTC');
    expect(es.html).toContain('href="https://convene.test/password/reset?token=abc"');
  });

  it('links a registration email to its page, with the cancel line only while it holds a place', () => {
    const link = 'https://convene.test/my/registrations/r1';
    const confirmed = renderMessage('registration_confirmed', 'fr', {
      ...payloadOf('registration_confirmed'),
      link,
    });
    expect(confirmed.text).toContain('annulez votre inscription dans Convene');
    expect(confirmed.text).toContain(`Voir ou annuler mon inscription:\n${link}`);
    expect(confirmed.html).toContain(`href="${link}"`);
    const cancelled = renderMessage('registration_cancelled', 'es', {
      ...payloadOf('registration_cancelled'),
      link,
    });
    expect(cancelled.text).toContain(`Ver mi inscripción:\n${link}`);
    expect(cancelled.text).not.toContain('anule su inscripción');
    // A row written before links existed still renders, without a button.
    const old = renderMessage(
      'registration_waitlisted',
      'en',
      payloadOf('registration_waitlisted'),
    );
    expect(old.text).not.toContain('/my/registrations');
  });

  it('falls back to English for a locale it does not write', () => {
    expect(renderMessage('magic_link', 'de', payloads.magic_link).subject).toBe(
      'Your Convene login link',
    );
  });

  it('refuses an unknown template', () => {
    expect(() => renderMessage('nope', 'en', {})).toThrow(UnknownTemplateError);
  });

  it('writes local times with the zone rules of moment-timezone, not ICU', () => {
    // Casablanca: UTC+1 in October 2024, UTC+0 for good from 2026-09-20.
    expect(localDateTime('2024-10-28T08:00:00Z', 'Africa/Casablanca', 'fr', 'Tanger')).toBe(
      'lundi 28 octobre 2024, 09:00, heure de Tanger',
    );
    expect(localDateTime('2027-10-28T09:00:00Z', 'Africa/Casablanca', 'es', 'Tánger')).toBe(
      'jueves, 28 de octubre de 2027, 09:00, hora de Tánger',
    );
    expect(localDateTime('2027-10-28T09:00:00Z', 'Africa/Casablanca', 'en', 'Tangier')).toBe(
      'Thursday, 28 October 2027, 09:00, Tangier time',
    );
    const mail = renderMessage('session_changed', 'fr', payloads.session_changed);
    expect(mail.text).toContain('jeudi 28 octobre 2027, 09:00–10:30, heure de Tanger');
    expect(mail.text).toContain('du lundi 25 octobre 2027 au samedi 30 octobre 2027');
  });

  it('keeps the announcement body as text and escapes it in HTML', () => {
    const mail = renderMessage('announcement', 'en', payloads.announcement);
    expect(mail.text).toContain('Line 1\n\n<script>x</script>');
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  describe('signup_promoted', () => {
    it('names the event and the session, with its time in the event zone, in each language', () => {
      const fr = renderMessage('signup_promoted', 'fr', payloads.signup_promoted);
      expect(fr.subject).toBe("Une place s'est libérée : Atelier « familles »");
      expect(fr.text).toContain('Bonjour Amina,');
      expect(fr.text).toContain(
        "une place s'est libérée pour « Atelier « familles » » (CPK <2027> & co)",
      );
      expect(fr.text).toContain('Quand: mardi 26 octobre 2027, 14:00–15:30, heure de Tanger');
      expect(fr.text).toContain('Salle: Salle Ibn Battuta');
      expect(fr.text).toContain(
        "--\nVous recevez ce message parce que vous étiez sur la liste d'attente de cette session de « CPK <2027> & co » sur Convene.",
      );

      const en = renderMessage('signup_promoted', 'en', payloads.signup_promoted);
      expect(en.subject).toBe('A place is yours: Atelier « familles »');
      expect(en.text).toContain('When: Tuesday, 26 October 2027, 14:00–15:30, Tangier time');
      expect(en.text).toContain('Room: Salle Ibn Battuta');
      expect(en.text).toContain(
        'you were on the waiting list for this session of "CPK <2027> & co"',
      );

      const es = renderMessage('signup_promoted', 'es', payloads.signup_promoted);
      expect(es.subject).toBe('Se ha liberado una plaza: Atelier « familles »');
      expect(es.text).toContain('Hola, Amina:');
      expect(es.text).toContain(
        'Cuándo: martes, 26 de octubre de 2027, 14:00–15:30, hora de Tánger',
      );
      expect(es.text).toContain('Sala: Salle Ibn Battuta');
      expect(es.text).toContain('estaba en la lista de espera de esta sesión de «CPK <2027> & co»');

      for (const mail of [fr, en, es]) {
        expect(mail.html).toContain('Atelier « familles »');
        expect(mail.html).toContain('CPK &lt;2027&gt; &amp; co');
        expect(mail.text).not.toMatch(/Hotel lobby|Point de rendez-vous|Meeting point/);
      }
    });

    it('gives a site visit its meeting point and departure time', () => {
      const expected = {
        fr: [
          'Point de rendez-vous: Hotel lobby',
          'Départ: mercredi 27 octobre 2027, 08:45, heure de Tanger',
          'Retour: 12:30',
          "Le groupe part à l'heure depuis le point de rendez-vous",
        ],
        en: [
          'Meeting point: Hotel lobby',
          'Departure: Wednesday, 27 October 2027, 08:45, Tangier time',
          'Return: 12:30',
          'Address: Rue de la Kasbah, Tangier',
          'Hosted by: Association Amal',
        ],
        es: [
          'Punto de encuentro: Hotel lobby',
          'Salida: miércoles, 27 de octubre de 2027, 08:45, hora de Tánger',
          'Regreso: 12:30',
        ],
      };
      for (const [locale, lines] of Object.entries(expected)) {
        const mail = renderMessage('signup_promoted', locale, visitPromotion);
        for (const line of lines) expect(mail.text).toContain(line);
        expect(mail.html).toContain('Hotel lobby');
      }
    });

    it('shows the time of the day in Morocco as it was then (UTC+1 during 2024 October)', () => {
      const mail = renderMessage('signup_promoted', 'fr', {
        ...visitPromotion,
        startsAt: '2024-10-28T08:00:00Z',
        endsAt: '2024-10-28T11:00:00Z',
        siteVisit: { ...visitPromotion.siteVisit, departureAt: '2024-10-28T08:15:00Z' },
      });
      expect(mail.text).toContain('lundi 28 octobre 2024, 09:00–12:00, heure de Tanger');
      expect(mail.text).toContain('Départ: lundi 28 octobre 2024, 09:15, heure de Tanger');
    });
  });

  it('tells the participant their visa letter is ready, in each language, without the letter', () => {
    const subjects = ['fr', 'en', 'es'].map((l) => {
      const mail = renderMessage('visa_letter_issued', l, payloads.visa_letter_issued);
      expect(mail.text).toContain('CPK <2027> & co');
      expect(mail.text).toMatch(/Convene/);
      return mail.subject;
    });
    expect(subjects).toEqual([
      "Votre lettre d'invitation est prête : CPK <2027> & co",
      'Your invitation letter is ready: CPK <2027> & co',
      'Su carta de invitación está lista: CPK <2027> & co',
    ]);
  });

  it('links the visa letter email to the travel page of the registration, when the URL is known', () => {
    const links = { publicUrl: 'https://convene.test/' };
    const fr = renderMessage('visa_letter_issued', 'fr', payloads.visa_letter_issued, links);
    expect(fr.text).toContain(
      'Télécharger ma lettre (page Voyage):\nhttps://convene.test/my/registrations/r1/travel',
    );
    expect(fr.html).toContain('href="https://convene.test/my/registrations/r1/travel"');
    const es = renderMessage('visa_letter_issued', 'es', payloads.visa_letter_issued, links);
    expect(es.text).toContain('Descárguela en Convene');
    expect(es.text).toContain('https://convene.test/my/registrations/r1/travel');
    // Without the app's address the email still goes, without a link.
    const bare = renderMessage('visa_letter_issued', 'en', payloads.visa_letter_issued);
    expect(bare.text).not.toContain('/my/registrations/');
  });
});

describe('links to the session page', () => {
  it('the promotion email links to the session page of its event, in each language', () => {
    const payload = { ...payloads.signup_promoted, eventSlug: 'tangier-2027', sessionId: 's2' };
    const links = { publicUrl: 'https://convene.test/' };
    const fr = renderMessage('signup_promoted', 'fr', payload, links);
    expect(fr.text).toContain('Voir la session:\nhttps://convene.test/e/tangier-2027/sessions/s2');
    expect(fr.html).toContain('href="https://convene.test/e/tangier-2027/sessions/s2"');
    expect(renderMessage('signup_promoted', 'es', payload, links).text).toContain(
      'Ver la sesión:\nhttps://convene.test/e/tangier-2027/sessions/s2',
    );
    expect(renderMessage('signup_promoted', 'en', payload, links).text).not.toContain('/api/');
    const moved = { ...payloads.session_changed, status: 'published', eventSlug: 'tangier-2027' };
    expect(renderMessage('session_changed', 'en', moved, links).text).toContain(
      'See the session:\nhttps://convene.test/e/tangier-2027/sessions/s1',
    );
    const gone = { ...moved, status: 'cancelled' };
    expect(renderMessage('session_changed', 'en', gone, links).text).not.toContain('/sessions/');
    // Rows queued before payloads carried the slug go without a link.
    expect(
      renderMessage('signup_promoted', 'en', payloads.signup_promoted, links).text,
    ).not.toContain('/sessions/');
  });
});
