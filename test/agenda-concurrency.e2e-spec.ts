import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { confirmMany, sessionBody } from './support/agenda-fixtures.js';
import { createEvent, createOrganisation, loginAdmin, type Session } from './support/factories.js';
import { baseUrl, fastAccounts } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * How we know these can fail: with the session row lock (lockSession) replaced by a
 * plain SELECT, the 100-person rush confirmed more than 12; with the exclusion
 * constraint dropped, the double sign-up race let both requests win.
 */
describe('agenda sign-ups under concurrency', () => {
  let t: TestApp;
  let ds: DataSource;
  let url: string;
  let admin: Session;
  let organisationId: string;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestApp('agenda_concurrency');
    ds = t.app.get(DataSource);
    url = await baseUrl(t);
    admin = await loginAdmin(t);
    organisationId = (await createOrganisation(t, admin)).id;
    eventId = (await createEvent(t, admin, { capacity: 500 })).id;
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, session: Session, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { ...session.auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (res) => ({
      status: res.status,
      body: (res.status === 204 ? {} : await res.json()) as Record<string, unknown>,
    }));

  async function publishedSession(overrides: Record<string, unknown>) {
    const res = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send(sessionBody({ status: 'published', signupRequired: true, ...overrides }))
      .expect(201);
    return res.body as { id: string; capacity: number };
  }

  it('100 simultaneous sign-ups for a 12-seat visit: 12 confirmed, 88 waitlisted in order; 12 cancellations promote 12', async () => {
    const visit = await publishedSession({
      kind: 'site_visit',
      title: "Visit of the mothers' programme",
      startsAt: '2027-10-27T09:00',
      endsAt: '2027-10-27T13:00',
      siteVisit: {
        hostOrganisationId: organisationId,
        address: 'Tangier medina',
        meetingPoint: 'Hotel lobby',
        transport: 'bus',
        seats: 12,
        hostLimit: 20,
        rules: ['No photos of beneficiaries'],
      },
    });
    expect(visit.capacity).toBe(12);
    const people = await fastAccounts(t, 100, { organisationId, prefix: 'visit' });
    await confirmMany(t, eventId, people, organisationId);

    const results = await Promise.all(
      people.map((p) =>
        call('POST', `/api/sessions/${visit.id}/signups`, p, { acceptRules: true }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    const confirmed = results.filter((r) => r.body.status === 'confirmed');
    const waitlisted = results.filter((r) => r.body.status === 'waitlisted');
    expect(confirmed).toHaveLength(12);
    expect(waitlisted).toHaveLength(88);
    expect(waitlisted.map((r) => r.body.position).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 88 }, (_, i) => i + 1),
    );

    // Waitlist order is arrival order (seq): every confirmed seat came before every waitlisting.
    const rows: Array<{ account_id: string; status: string }> = await ds.query(
      `SELECT account_id, status FROM signups WHERE session_id = $1 ORDER BY seq`,
      [visit.id],
    );
    expect(rows.slice(0, 12).every((r) => r.status === 'confirmed')).toBe(true);
    expect(rows.slice(12).every((r) => r.status === 'waitlisted')).toBe(true);
    const firstTwelveWaiting = rows.slice(12, 24).map((r) => r.account_id);

    // 12 confirmed people cancel at once: exactly the next 12 in line move up.
    const holders = people.filter((p) => confirmed.some((c) => c.body.accountId === p.id));
    const cancels = await Promise.all(
      holders.map((p) => call('DELETE', `/api/sessions/${visit.id}/signups/me`, p)),
    );
    expect(cancels.map((c) => c.status)).toEqual(Array(12).fill(204));
    const after: Array<{ account_id: string; status: string }> = await ds.query(
      `SELECT account_id, status FROM signups WHERE session_id = $1 AND status <> 'cancelled' ORDER BY seq`,
      [visit.id],
    );
    const nowConfirmed = after.filter((r) => r.status === 'confirmed').map((r) => r.account_id);
    expect(nowConfirmed).toHaveLength(12);
    expect(new Set(nowConfirmed)).toEqual(new Set(firstTwelveWaiting));
    expect(after.filter((r) => r.status === 'waitlisted')).toHaveLength(76);

    const list = await t
      .http()
      .get(`/api/sessions/${visit.id}/signups`)
      .set(admin.auth)
      .expect(200);
    expect(list.body.confirmed).toHaveLength(12);
    expect(list.body.waitlisted[0].position).toBe(1);
  });

  it('raising a capacity by 30 confirms the next 30 in line at once, passing over one who now sits elsewhere then', async () => {
    const at = { startsAt: '2027-10-28T14:00', endsAt: '2027-10-28T15:30' };
    const workshop = await publishedSession({
      kind: 'workshop',
      title: 'Peer supervision',
      ...at,
      capacity: 5,
    });
    const other = await publishedSession({
      kind: 'workshop',
      title: 'Same hour',
      ...at,
      capacity: 10,
    });
    const people = await fastAccounts(t, 40, { organisationId, prefix: 'raise' });
    await confirmMany(t, eventId, people, organisationId);
    for (const p of people) {
      const res = await call('POST', `/api/sessions/${workshop.id}/signups`, p, {});
      expect(res.status).toBe(201);
    }
    const line: Array<{ account_id: string }> = await ds.query(
      `SELECT account_id FROM signups WHERE session_id = $1 AND status = 'waitlisted' ORDER BY seq`,
      [workshop.id],
    );
    expect(line).toHaveLength(35);
    // The third in line takes a seat in a session at the same hour meanwhile.
    const elsewhere = people.find((p) => p.id === line[2].account_id)!;
    const there = await call('POST', `/api/sessions/${other.id}/signups`, elsewhere, {});
    expect(there.body.status).toBe('confirmed');

    await t
      .http()
      .patch(`/api/sessions/${workshop.id}`)
      .set(admin.auth)
      .send({ capacity: 35 })
      .expect(200);
    const after: Array<{ account_id: string; status: string }> = await ds.query(
      `SELECT account_id, status FROM signups WHERE session_id = $1 ORDER BY seq`,
      [workshop.id],
    );
    const promoted = after
      .slice(5)
      .filter((r) => r.status === 'confirmed')
      .map((r) => r.account_id);
    const expected = line
      .map((r) => r.account_id)
      .filter((id) => id !== elsewhere.id)
      .slice(0, 30);
    expect(promoted).toEqual(expected);
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(35);
    expect(after.find((r) => r.account_id === elsewhere.id)!.status).toBe('waitlisted');
  });

  it('one person firing sign-ups for two overlapping sessions at once: at most one wins', async () => {
    const [person] = await fastAccounts(t, 1, { organisationId, prefix: 'double' });
    await confirmMany(t, eventId, [person], organisationId);
    for (let round = 0; round < 5; round++) {
      const day = `2027-10-2${5 + (round % 5)}`;
      const a = await publishedSession({
        title: `A${round}`,
        startsAt: `${day}T14:00`,
        endsAt: `${day}T16:00`,
      });
      const b = await publishedSession({
        title: `B${round}`,
        startsAt: `${day}T15:00`,
        endsAt: `${day}T17:00`,
      });
      const [ra, rb] = await Promise.all([
        call('POST', `/api/sessions/${a.id}/signups`, person),
        call('POST', `/api/sessions/${b.id}/signups`, person),
      ]);
      const won = [ra, rb].filter((r) => r.status === 201 && r.body.status === 'confirmed');
      expect(won).toHaveLength(1);
      const lost = [ra, rb].find((r) => r.status !== 201);
      expect(lost?.status).toBe(409);
      expect((lost?.body.details as { conflicts: Array<{ type: string }> }).conflicts[0].type).toBe(
        'participant_overlap',
      );
    }
    const held: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM signups WHERE account_id = $1 AND status = 'confirmed'`,
      [person.id],
    );
    expect(held[0].n).toBe(5);
  });
  /*
   * Deterministic: the test holds the session row, so the first move waits inside its
   * transaction and the second queues behind it. Merged over a copy read before the
   * locks (as it was), the second move back saw "no time change": the session went back
   * to 10:00 while its sign-ups stayed at 11:00 and no change was recorded.
   */
  it('two organisers moving a session at once: the second moves from where the first left it', async () => {
    const session = await publishedSession({
      title: 'Moved twice',
      startsAt: '2027-10-30T10:00',
      endsAt: '2027-10-30T11:00',
    });
    const [person] = await fastAccounts(t, 1, { organisationId, prefix: 'moved' });
    await confirmMany(t, eventId, [person], organisationId);
    expect((await call('POST', `/api/sessions/${session.id}/signups`, person)).status).toBe(201);

    const lockWaiters = async () =>
      (
        (await ds.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )) as Array<{ n: number }>
      )[0].n;
    const until = async (done: () => Promise<boolean>) => {
      for (let i = 0; i < 500; i++) {
        if (await done()) return;
        await sleep(10);
      }
      throw new Error('timed out waiting for the requests to queue up');
    };
    const blocker = new pg.Client({ connectionString: t.db.url });
    await blocker.connect();
    let results: Array<{ status: number }>;
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [session.id]);
      const later = call('PATCH', `/api/sessions/${session.id}`, admin, {
        startsAt: '2027-10-30T11:00',
        endsAt: '2027-10-30T12:00',
      });
      await until(async () => (await lockWaiters()) >= 1);
      const back = call('PATCH', `/api/sessions/${session.id}`, admin, {
        startsAt: '2027-10-30T10:00',
        endsAt: '2027-10-30T11:00',
      });
      await until(async () => (await lockWaiters()) >= 2);
      await blocker.query('COMMIT');
      results = await Promise.all([later, back]);
    } finally {
      await blocker.end();
    }
    expect(results.map((r) => r.status)).toEqual([200, 200]);

    const [row]: Array<{ session_starts: Date; signup_starts: Date; changes: number }> =
      await ds.query(
        `SELECT s.starts_at AS session_starts, g.starts_at AS signup_starts,
                (SELECT count(*)::int FROM session_changes c WHERE c.session_id = s.id) AS changes
           FROM sessions s JOIN signups g ON g.session_id = s.id AND g.account_id = $2
          WHERE s.id = $1`,
        [session.id, person.id],
      );
    expect(row.session_starts.toISOString()).toBe('2027-10-30T10:00:00.000Z');
    expect(row.signup_starts.toISOString()).toBe('2027-10-30T10:00:00.000Z');
    expect(row.changes).toBe(2);
  });
});
