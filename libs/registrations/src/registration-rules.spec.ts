import { recipientLocale } from '#messaging';
import {
  canApply,
  canConsent,
  type EventFacts,
  placementOnConsent,
  placement,
  registrationClosedReason,
  seatsToPromote,
} from './registration-rules.js';

const event = (overrides: Partial<EventFacts> = {}): EventFacts => ({
  status: 'published',
  timezone: 'Africa/Casablanca',
  capacity: 2,
  requiresApproval: false,
  registrationOpensAt: new Date('2027-01-01T00:00:00Z'),
  registrationClosesAt: new Date('2027-09-30T23:00:00Z'),
  ...overrides,
});
const during = new Date('2027-05-01T12:00:00Z');

describe('registration rules', () => {
  describe('registrationClosedReason', () => {
    it('is open inside the window of a published event', () => {
      expect(registrationClosedReason(event(), during)).toBeNull();
      expect(
        registrationClosedReason(
          event({ registrationOpensAt: null, registrationClosesAt: null }),
          during,
        ),
      ).toBeNull();
    });

    it('names the opening and closing instants in the event zone', () => {
      // Casablanca is on permanent UTC+0 from 2026-09-20 (tzdata 2026c).
      expect(registrationClosedReason(event(), new Date('2026-12-31T23:59:59Z'))).toBe(
        'Registration opens on 2027-01-01T00:00:00+00:00',
      );
      expect(registrationClosedReason(event(), new Date('2027-09-30T23:00:00Z'))).toBe(
        'Registration closed on 2027-09-30T23:00:00+00:00',
      );
    });

    it('refuses drafts, closed and archived events whatever the window', () => {
      expect(registrationClosedReason(event({ status: 'draft' }), during)).toMatch(/not published/);
      expect(registrationClosedReason(event({ status: 'closed' }), during)).toBe(
        'Registration is closed for this event',
      );
      expect(registrationClosedReason(event({ status: 'archived' }), during)).toMatch(/archived/);
      expect(
        registrationClosedReason(event({ status: 'closed' }), during, { ignoreWindow: true }),
      ).not.toBeNull();
    });

    it('lets organisers register people outside the window', () => {
      expect(
        registrationClosedReason(event(), new Date('2027-10-01T00:00:00Z'), {
          ignoreWindow: true,
        }),
      ).toBeNull();
    });
  });

  describe('placement', () => {
    it('confirms while seats remain, then waitlists', () => {
      expect(placement(event(), 0)).toBe('confirmed');
      expect(placement(event(), 1)).toBe('confirmed');
      expect(placement(event(), 2)).toBe('waitlisted');
      expect(placement(event(), 5)).toBe('waitlisted');
    });

    it('holds for approval first when the event requires it', () => {
      const e = event({ requiresApproval: true });
      expect(placement(e, 0)).toBe('pending');
      expect(placement(e, 0, { approved: true })).toBe('confirmed');
      expect(placement(e, 2, { approved: true })).toBe('waitlisted');
    });
  });

  it('promotes as many as there are free seats and people waiting', () => {
    expect(seatsToPromote(20, 19, 5)).toBe(1);
    expect(seatsToPromote(20, 10, 5)).toBe(5);
    expect(seatsToPromote(20, 20, 5)).toBe(0);
    expect(seatsToPromote(20, 25, 5)).toBe(0); // capacity lowered below the confirmed count
  });

  describe('registrations made on behalf of someone', () => {
    it('give a seat on consent without the approval step, or the waitlist when full', () => {
      const approval = event({ requiresApproval: true, capacity: 2 });
      expect(placementOnConsent(approval, 0)).toBe('confirmed');
      expect(placementOnConsent(approval, 1)).toBe('confirmed');
      expect(placementOnConsent(approval, 2)).toBe('waitlisted');
      expect(placementOnConsent(event({ capacity: 1 }), 1)).toBe('waitlisted');
    });

    it('can only be consented to once, and only cancelled before that', () => {
      expect(canConsent('awaiting_consent')).toBe(true);
      for (const s of ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'] as const) {
        expect(canConsent(s)).toBe(false);
      }
      expect(canApply('cancel', 'awaiting_consent')).toBe(true);
      expect(canApply('approve', 'awaiting_consent')).toBe(false);
      expect(canApply('reject', 'awaiting_consent')).toBe(false);
    });
  });

  it('allows each action only from the statuses it makes sense from', () => {
    expect(canApply('approve', 'pending')).toBe(true);
    expect(canApply('approve', 'waitlisted')).toBe(false);
    expect(canApply('reject', 'waitlisted')).toBe(true);
    expect(canApply('reject', 'confirmed')).toBe(false);
    for (const s of ['pending', 'confirmed', 'waitlisted'] as const)
      expect(canApply('cancel', s)).toBe(true);
    expect(canApply('cancel', 'cancelled')).toBe(false);
    expect(canApply('cancel', 'rejected')).toBe(false);
  });

  it('writes emails in the recipient language, else the event first language', () => {
    expect(recipientLocale('es', ['fr', 'en'])).toBe('es');
    expect(recipientLocale(null, ['fr', 'en'])).toBe('fr');
    expect(recipientLocale('de', ['xx', 'en'])).toBe('en');
    expect(recipientLocale(undefined, [])).toBe('en');
  });
});
