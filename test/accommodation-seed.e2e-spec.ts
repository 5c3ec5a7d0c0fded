import { DataSource } from 'typeorm';
import { seed } from '../scripts/seed.js';
import { DEMO_EVENT, DEMO_ORGANISER, DEMO_PASSWORD } from '../scripts/seed/demo-data.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/* The Tangier demo's hotel: most of the 26 in rooms, a few not, a list sent with a change. */
describe('accommodation demo seed', () => {
  let t: TestApp;
  let ds: DataSource;
  let eventId: string;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp('accommodation_seed');
    ds = t.app.get(DataSource);
    await seed(t.config);
    [{ id: eventId }] = await ds.query(`SELECT id FROM events WHERE slug = $1`, [DEMO_EVENT.slug]);
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO_ORGANISER.email, password: DEMO_PASSWORD })
      .expect(200);
    auth = { Authorization: `Bearer ${res.body.accessToken}` };
  });
  afterAll(() => t?.close());

  it('seeds Hôtel Continental with most participants in rooms and a few without', async () => {
    const occ = (await t.http().get(`/api/events/${eventId}/accommodation`).set(auth).expect(200))
      .body;
    expect(occ.hotels).toHaveLength(1);
    expect(occ.hotels[0].name).toBe('Hôtel Continental');
    expect(occ.guests).toHaveLength(26);
    const unassigned = occ.unassigned.length;
    expect(unassigned).toBeGreaterThan(0);
    expect(unassigned).toBeLessThan(8);
    for (const room of occ.hotels[0].rooms) {
      for (const n of room.nights) expect(n.occupants.length).toBeLessThanOrEqual(room.capacity);
    }
    const khadija = occ.guests.find((g: { name: string }) => g.name.startsWith('خديجة'));
    expect(khadija.roomPreference).toBe('single');
  });

  it('has a rooming list sent with a change since, and changes nothing when seeded again', async () => {
    const [{ id: hotelId }] = await ds.query(
      `SELECT id FROM accommodation_hotels WHERE event_id = $1`,
      [eventId],
    );
    const list = (
      await t
        .http()
        .get(`/api/events/${eventId}/accommodation/hotels/${hotelId}/rooming-list`)
        .set(auth)
        .expect(200)
    ).body;
    expect(list.sentAt).not.toBeNull();
    expect(list.changes).toEqual([
      expect.objectContaining({ kind: 'dates', name: expect.any(String) }),
    ]);
    const count = async () =>
      (await ds.query(
        `SELECT (SELECT count(*) FROM accommodation_hotels)::int AS h, (SELECT count(*) FROM room_assignments)::int AS a,
                (SELECT count(*) FROM accommodation_stays)::int AS s, (SELECT count(*) FROM rooming_list_sends)::int AS l`,
      )) as unknown[];
    const before = await count();
    await seed(t.config);
    expect(await count()).toEqual(before);
  });
});
