import { DataSource } from 'typeorm';
import { DEMO_EVENT, DEMO_ORGANISER, DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import { seedFoundation } from '../scripts/seed/seed-foundation.js';
import { seedRegistrations } from '../scripts/seed/seed-registrations.js';
import { dataSourceOptions } from '#core';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('demo seed: the Tangier meeting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('reg_seed');
  });
  afterAll(() => t.close());

  const seedOnce = async () => {
    const ds = new DataSource(dataSourceOptions(t.db.url));
    await ds.initialize();
    try {
      await seedRegistrations(await seedFoundation(ds));
    } finally {
      await ds.destroy();
    }
  };

  it('reads "26 participants from 19 organisations in 10 countries", and seeding twice changes nothing', async () => {
    await seedOnce();
    const ds = t.app.get(DataSource);
    const snapshot = () =>
      ds.query(
        `SELECT (SELECT count(*)::int FROM registrations) AS registrations,
                (SELECT count(*)::int FROM registration_status_changes) AS changes,
                (SELECT count(*)::int FROM accounts) AS accounts,
                (SELECT count(*)::int FROM messages) AS messages`,
      );
    const first = await snapshot();
    await seedOnce();
    expect(await snapshot()).toEqual(first);
    expect(first[0]).toMatchObject({ registrations: 26, changes: 26, messages: 0 });

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO_ORGANISER.email, password: DEMO_PASSWORD })
      .expect(200);
    const [event] = await ds.query(`SELECT id FROM events WHERE slug = $1`, [DEMO_EVENT.slug]);
    const stats = await t
      .http()
      .get(`/api/events/${event.id}/stats`)
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
      .expect(200);
    expect(stats.body).toMatchObject({
      participants: 26,
      organisations: 19,
      countries: 10,
      summary: '26 participants from 19 organisations in 10 countries',
      waitlist: 0,
      byStatus: { confirmed: 26, pending: 0, waitlisted: 0, cancelled: 0, rejected: 0 },
    });
    expect(stats.body.byCountry.map((c: { country: string }) => c.country).sort()).toEqual([
      'BF',
      'CD',
      'CG',
      'CM',
      'FR',
      'MA',
      'MG',
      'ML',
      'PE',
      'SN',
    ]);
    expect(
      stats.body.byCountry.reduce(
        (n: number, c: { participants: number }) => n + c.participants,
        0,
      ),
    ).toBe(26);

    // A generated participant can log in and sees their registration.
    const p = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'participant01@convene.demo', password: DEMO_PASSWORD })
      .expect(200);
    const mine = await t
      .http()
      .get('/api/me/registrations')
      .set({ Authorization: `Bearer ${p.body.accessToken}` })
      .expect(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ status: 'confirmed', event: { slug: DEMO_EVENT.slug } });
  });
});
