import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { seed } from '../scripts/seed.js';
import { DEMO_EVENT, DEMO_ORGANISER, DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import { pdfText } from './support/pdf-text.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The whole demo seed, twice, then every badge of the week: slow on a busy machine.
jest.setTimeout(240_000);

/* The demo's week on site: every confirmed person has a badge, the first morning's desk. */
describe('onsite demo seed', () => {
  let t: TestApp;
  let ds: DataSource;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestApp('onsite_seed');
    ds = t.app.get(DataSource);
    await seed(t.config);
    await seed(t.config); // idempotent: nothing doubles
    [{ id: eventId }] = await ds.query(`SELECT id FROM events WHERE slug = $1`, [DEMO_EVENT.slug]);
  });
  afterAll(() => t.close());

  it('gives every confirmed registration a badge code and checks a few people in at 08:xx', async () => {
    const [{ confirmed, codes }] = await ds.query(
      `SELECT (SELECT count(*)::int FROM registrations WHERE event_id = $1 AND status = 'confirmed') AS confirmed,
              (SELECT count(*)::int FROM badge_codes WHERE event_id = $1) AS codes`,
      [eventId],
    );
    expect(codes).toBe(confirmed);
    const rows = (await ds.query(
      `SELECT c.day::text AS day, to_char(c.checked_in_at AT TIME ZONE 'UTC', 'HH24:MI') AS at
         FROM check_ins c WHERE c.event_id = $1 ORDER BY c.checked_in_at`,
      [eventId],
    )) as Array<{ day: string; at: string }>;
    expect(rows.length).toBeGreaterThanOrEqual(4);
    // Tangier is UTC+0 in October 2027: the desk opened at half past eight.
    for (const r of rows) {
      expect(r.day).toBe('2027-10-25');
      expect(r.at).toMatch(/^08:[3-5]\d$/);
    }
  });

  it('prints the whole week’s badges, names in their own scripts', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO_ORGANISER.email, password: DEMO_PASSWORD })
      .expect(200);
    const res = await t
      .http()
      .get(`/api/events/${eventId}/badges.pdf`)
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = pdfText(res.body).replace(/\s+/g, ' ');
    expect(text).toContain('خديجة بنت عبد الرحمن الإدريسي');
    expect(text).toContain('Nguyễn Thị Minh Khai-Hằng');
  });
});
