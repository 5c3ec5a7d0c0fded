import { DataSource } from 'typeorm';
import { confirmMany } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { baseUrl, fastAccounts } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Two organisers assign people at once: the database alone keeps every room within its
 * capacity and within the rooms the hotel holds that night.
 */
describe('room assignment under concurrency', () => {
  let t: TestApp;
  let url: string;
  let organisers: Session[];
  let eventId: string;
  let people: string[];
  let twin1: string;
  let twin2: string;

  const call = async (who: Session, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/api${path}`, {
      method,
      headers: { ...who.auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json().catch(() => null)) as Record<string, unknown>,
    };
  };

  beforeAll(async () => {
    t = await startTestApp('accommodation_concurrency');
    url = await baseUrl(t);
    const admin = await loginAdmin(t);
    const second = await signup(t, { name: 'Second Organiser' });
    organisers = [admin, second];
    const org = await createOrganisation(t, admin);
    eventId = (await createEvent(t, admin, { capacity: 100 })).id;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: second.id, role: 'organiser' })
      .expect(201);
    const accounts = await fastAccounts(t, 24, { organisationId: org.id });
    await confirmMany(t, eventId, accounts, org.id);
    const ds = t.app.get(DataSource);
    people = (
      (await ds.query(`SELECT id FROM registrations WHERE event_id = $1 ORDER BY id`, [
        eventId,
      ])) as Array<{ id: string }>
    ).map((r) => r.id);
    const hotel = await t
      .http()
      .post(`/api/events/${eventId}/accommodation/hotels`)
      .set(admin.auth)
      .send({ name: 'Hôtel Continental', address: '36 Rue Dar El Baroud', city: 'Tanger' })
      .expect(201);
    // Two twins on most nights, one on the 27th: the second twin is not ours that night.
    const nights = ['2027-10-25', '2027-10-26', '2027-10-27', '2027-10-28', '2027-10-29'];
    const cells = nights.map((night) => ({
      roomType: 'twin',
      night,
      rooms: night === '2027-10-27' ? 1 : 2,
    }));
    const withRooms = await t
      .http()
      .put(`/api/events/${eventId}/accommodation/hotels/${hotel.body.id}/inventory`)
      .set(admin.auth)
      .send({ cells })
      .expect(200);
    [twin1, twin2] = withRooms.body.rooms.map((r: { id: string }) => r.id);
  });

  afterAll(() => t?.close());

  it('puts exactly two people in a twin when 12 requests from two organisers race for it', async () => {
    const results = await Promise.all(
      people.slice(0, 12).map((id, i) =>
        call(organisers[i % 2], 'PUT', `/events/${eventId}/accommodation/assignments/${id}`, {
          roomId: twin1,
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    expect(results.find((r) => r.status === 409)!.body.details).toMatchObject({
      reason: 'room_full',
    });
    const [{ max }] = (await t.app.get(DataSource).query(
      `SELECT max(n)::int AS max FROM (SELECT count(*) AS n FROM room_assignments
        WHERE room_id = $1 GROUP BY night) x`,
      [twin1],
    )) as Array<{ max: number }>;
    expect(max).toBe(2);
  });

  it('never lends a room the hotel does not hold that night, even under a rush', async () => {
    const rest = people.slice(12);
    const results = await Promise.all(
      rest.map((id, i) =>
        call(organisers[i % 2], 'PUT', `/events/${eventId}/accommodation/assignments/${id}`, {
          roomId: twin2,
        }),
      ),
    );
    // Twin 2 is not booked on the 27th: every whole-stay assignment is refused on that night.
    expect(results.every((r) => r.status === 409)).toBe(true);
    expect(results[0].body.details).toMatchObject({
      reason: 'room_not_booked',
      night: '2027-10-27',
    });
    const otherNights = await Promise.all(
      rest.map((id, i) =>
        call(organisers[i % 2], 'PUT', `/events/${eventId}/accommodation/assignments/${id}`, {
          roomId: twin2,
          nights: ['2027-10-25', '2027-10-26'],
        }),
      ),
    );
    expect(otherNights.filter((r) => r.status === 200)).toHaveLength(2);
    const rows = (await t.app
      .get(DataSource)
      .query(
        `SELECT night::text, count(*)::int AS n FROM room_assignments WHERE room_id = $1 GROUP BY night`,
        [twin2],
      )) as Array<{ night: string; n: number }>;
    expect(rows.every((r) => r.n <= 2)).toBe(true);
    expect(rows.find((r) => r.night === '2027-10-27')).toBeUndefined();
  });

  it('refuses to lower a night below the rooms in use, and the suggestion never overfills', async () => {
    const hotelId = (
      (await t.app
        .get(DataSource)
        .query(`SELECT hotel_id FROM accommodation_rooms WHERE id = $1`, [twin1])) as Array<{
        hotel_id: string;
      }>
    )[0].hotel_id;
    const lower = await call(
      organisers[0],
      'PUT',
      `/events/${eventId}/accommodation/hotels/${hotelId}/inventory`,
      {
        cells: [{ roomType: 'twin', night: '2027-10-25', rooms: 1 }],
      },
    );
    expect(lower.status).toBe(409);
    expect(lower.body.details).toMatchObject({ reason: 'rooms_in_use' });
    // Both organisers press "suggest" at once: still at most two per room and night.
    const suggestions = await Promise.all(
      organisers.map((o) => call(o, 'POST', `/events/${eventId}/accommodation/suggestion`)),
    );
    expect(suggestions.map((s) => s.status)).toEqual([200, 200]);
    const [{ max }] = (await t.app.get(DataSource).query(
      `SELECT coalesce(max(n), 0)::int AS max FROM (SELECT count(*) AS n FROM room_assignments
        GROUP BY room_id, night) x`,
    )) as Array<{ max: number }>;
    expect(max).toBeLessThanOrEqual(2);
  });
});
