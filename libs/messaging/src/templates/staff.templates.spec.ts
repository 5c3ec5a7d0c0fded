import { renderMessage } from './render.js';

const payload = {
  eventId: '6b1f3c1e-0000-4000-8000-000000000001',
  eventName: 'Encuentro de Tánger',
  eventStartDate: '2027-10-25',
  eventEndDate: '2027-10-30',
  eventTimezone: 'Africa/Casablanca',
  venueName: 'Hôtel Continental',
  venueCity: 'Tangier',
  recipientName: 'Nguyễn Thị Minh Khai-Hằng',
  inviterName: 'Claire Martin',
  role: 'facilitator',
  link: 'https://convene.test/login/magic?token=abc',
  expiresAt: '2027-10-08T09:15:00Z',
};

describe('staff invitation email', () => {
  it.each([
    ['fr', "Invitation à rejoindre l'équipe de « Encuentro de Tánger »", 'animateur·rice'],
    ['en', 'You are invited to join the team of "Encuentro de Tánger"', 'a facilitator'],
    ['es', 'Invitación a unirse al equipo de «Encuentro de Tánger»', 'facilitador/a'],
  ])('in %s says who invites, for which role, with the sign-in link', (locale, subject, role) => {
    const mail = renderMessage('staff_invitation', locale, payload);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain('Claire Martin');
    expect(mail.text).toContain(role);
    expect(mail.text).toContain('https://convene.test/login/magic?token=abc');
    expect(mail.html).toContain('href="https://convene.test/login/magic?token=abc"');
  });
});
