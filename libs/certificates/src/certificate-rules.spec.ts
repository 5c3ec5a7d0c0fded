import { hoursAndMinutes, totalMinutes } from './attendance.js';
import { writtenDuration } from './certificate-text.js';
import { asciiName, eventEndsAt, hasEnded } from './certificates.service.js';

describe('certificate rules', () => {
  it('counts real minutes, across a change of offset (Casablanca, 20 September 2026)', () => {
    // 00:30 +01 to 02:30 +00: two hours on the wall clock, three lived.
    const night = {
      startsAt: new Date('2026-09-19T23:30:00Z'),
      endsAt: new Date('2026-09-20T02:30:00Z'),
    };
    const morning = {
      startsAt: new Date('2026-09-19T08:00:00Z'),
      endsAt: new Date('2026-09-19T11:30:00Z'),
    };
    expect(totalMinutes([night])).toBe(180);
    expect(totalMinutes([night, morning])).toBe(390);
    expect(hoursAndMinutes(750)).toEqual([12, 30]);
  });

  it('writes durations the local way', () => {
    expect(writtenDuration(750, 'fr')).toBe('12 h 30');
    expect(writtenDuration(750, 'es')).toBe('12 h 30 min');
    expect(writtenDuration(750, 'en')).toBe('12 h 30 min');
    expect(writtenDuration(180, 'fr')).toBe('3 h');
    expect(writtenDuration(65, 'en')).toBe('1 h 05 min');
  });

  it('ends an event at midnight after its last day, in its own zone', () => {
    const event = { endDate: '2026-09-21', timezone: 'Africa/Casablanca' };
    // Morocco is on UTC+0 since 20 September 2026: midnight is 00:00Z.
    expect(eventEndsAt(event).toISOString()).toBe('2026-09-22T00:00:00.000Z');
    expect(hasEnded(event, new Date('2026-09-21T23:59:59Z'))).toBe(false);
    expect(hasEnded(event, new Date('2026-09-22T00:00:00Z'))).toBe(true);
    const manila = { endDate: '2026-12-31', timezone: 'Asia/Manila' };
    expect(eventEndsAt(manila).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('names files in ASCII: accents dropped, other scripts become "participant"', () => {
    expect(asciiName('Nguyễn Thị Minh Khai-Hằng')).toBe('Nguyen-Thi-Minh-Khai-Hang');
    expect(asciiName('Đặng Văn Lâm')).toBe('Dang-Van-Lam');
    expect(asciiName('María Lucía Fernández')).toBe('Maria-Lucia-Fernandez');
    expect(asciiName('محمد بن عبد الرحمن')).toBe('participant');
    expect(asciiName('../../etc/passwd')).toBe('etc-passwd');
  });
});
