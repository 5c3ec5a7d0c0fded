import { redactUrl, trustProxySetting } from './configure-app.js';

describe('request log redaction', () => {
  it('hides login tokens in query strings', () => {
    expect(redactUrl('/login/magic?token=abc123&x=1')).toBe('/login/magic?token=[redacted]&x=1');
  });

  it('hides calendar subscription tokens in paths', () => {
    const token = 'Qm9vay1tZS1pbi10aGUtY2FsZW5kYXItcGxlYXNlX18';
    for (const url of [
      `/api/calendar/${token}.ics`,
      `/api/calendar/${token}.ics?x=1`,
      `/API/Calendar/${token}`,
      `/api/calendar%2F${token}.ics`,
    ]) {
      expect(redactUrl(url)).not.toContain(token);
      expect(redactUrl(url)).toContain('[redacted]');
    }
  });

  it('leaves other calendar routes readable', () => {
    const url = '/api/events/6b1f3c1e-0000-4000-8000-000000000001/calendar.ics';
    expect(redactUrl(url)).toBe(url);
    expect(redactUrl('/api/me/calendar.ics')).toBe('/api/me/calendar.ics');
  });
});

describe('trustProxySetting', () => {
  it('reads hop counts, booleans and address lists', () => {
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
  });
});
