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
};
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
      if (template !== 'magic_link') expect(mail.text).toContain('CPK <2027> & co');
      if (template !== 'magic_link') expect(mail.html).toContain('CPK &lt;2027&gt; &amp; co');
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
});
