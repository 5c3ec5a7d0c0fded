import { DataSource } from 'typeorm';
import { createEvent, createOrganisation, loginAdmin, type Session } from './support/factories.js';
import { baseUrl, fastAccounts, registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * How we know the rush test can fail: we ran it with the event lock taken out of
 * RegistrationsService.create (the event read with a plain SELECT instead of
 * RegistrationLedger.lockEvent, so every transaction counts confirmed seats on its
 * own snapshot). Result: 26 confirmed for 20 seats (oversold), 23 waitlisted, and 151
 * requests refused because their waitlist numbers collided on the unique
 * (event_id, waitlist_seq) index. The test failed on its first assertion. With the
 * lock back, 20 confirmed / 180 waitlisted with numbers 1..180, every run.
 */
describe('registrations under concurrency', () => {
  let t: TestApp;
  let ds: DataSource;
  let url: string;
  let admin: Session;
  let organisationId: string;

  beforeAll(async () => {
    t = await startTestApp('reg_concurrency');
    ds = t.app.get(DataSource);
    url = await baseUrl(t);
    admin = await loginAdmin(t);
    organisationId = (await createOrganisation(t, admin)).id;
  });
  afterAll(() => t.close());

  const post = (path: string, session: Session, body: unknown = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { ...session.auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (res) => ({
      status: res.status,
      body: (await res.json()) as Record<string, unknown>,
    }));

  it('200 simultaneous registrations for 20 seats: exactly 20 confirmed, 180 waitlisted in arrival order', async () => {
    const event = await createEvent(t, admin, { capacity: 20 });
    const people = await fastAccounts(t, 200, { organisationId });

    const results = await Promise.all(
      people.map((p) =>
        post(`/api/events/${event.id}/registrations`, p, registrationBody(organisationId)),
      ),
    );

    expect(results.map((r) => r.status)).toEqual(Array(200).fill(201));
    const statuses = results.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(180);

    // The database agrees, and nothing else crept in.
    const counts = (await ds.query(
      `SELECT status, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY status`,
      [event.id],
    )) as Array<{ status: string; n: number }>;
    expect(Object.fromEntries(counts.map((c) => [c.status, c.n]))).toEqual({
      confirmed: 20,
      waitlisted: 180,
    });

    // Arrival order = the order in which requests got the event lock, which is when the
    // creation was recorded (clock_timestamp()). Every confirmed seat was decided before
    // every waitlisting, and waitlist numbers follow that order without gaps.
    const decided = (await ds.query(
      `SELECT r.status, r.waitlist_seq, c.changed_at FROM registrations r
         JOIN registration_status_changes c ON c.registration_id = r.id AND c.from_status IS NULL
        WHERE r.event_id = $1 ORDER BY c.changed_at, r.waitlist_seq NULLS FIRST`,
      [event.id],
    )) as Array<{ status: string; waitlist_seq: number | null }>;
    expect(decided.slice(0, 20).every((d) => d.status === 'confirmed')).toBe(true);
    expect(decided.slice(20).map((d) => d.waitlist_seq)).toEqual(
      Array.from({ length: 180 }, (_, i) => i + 1),
    );

    // Each person sees their own place in the queue, 1..180.
    const positions = results
      .filter((r) => r.body.status === 'waitlisted')
      .map((r) => r.body.waitlistPosition as number)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));

    // One outbox row per registration, of the right kind.
    const mail = (await ds.query(
      `SELECT template, count(*)::int AS n FROM messages WHERE event_id = $1 GROUP BY template`,
      [event.id],
    )) as Array<{ template: string; n: number }>;
    expect(Object.fromEntries(mail.map((m) => [m.template, m.n]))).toEqual({
      registration_confirmed: 20,
      registration_waitlisted: 180,
    });
  }, 120_000);

  it('20 simultaneous cancellations promote exactly the first 20 waitlisted, in order, none twice', async () => {
    const event = await createEvent(t, admin, { capacity: 20 });
    const people = await fastAccounts(t, 50, { organisationId, prefix: 'cancel' });
    // Register one by one so the arrival order is known: people[0..19] confirmed, 20..49 waitlisted.
    const ids: string[] = [];
    for (const p of people) {
      const r = await post(
        `/api/events/${event.id}/registrations`,
        p,
        registrationBody(organisationId),
      );
      expect(r.status).toBe(201);
      ids.push(r.body.id as string);
    }

    const cancels = await Promise.all(
      people
        .slice(0, 20)
        .map((p, i) => post(`/api/registrations/${ids[i]}/cancel`, p, { reason: 'Cannot travel' })),
    );
    expect(cancels.map((c) => [c.status, c.body.status])).toEqual(
      Array(20).fill([200, 'cancelled']),
    );

    const rows = (await ds.query(
      `SELECT id, status, waitlist_seq FROM registrations WHERE event_id = $1`,
      [event.id],
    )) as Array<{ id: string; status: string; waitlist_seq: number | null }>;
    const statusOf = new Map(rows.map((r) => [r.id, r.status]));
    expect(ids.slice(0, 20).map((id) => statusOf.get(id))).toEqual(Array(20).fill('cancelled'));
    expect(ids.slice(20, 40).map((id) => statusOf.get(id))).toEqual(Array(20).fill('confirmed'));
    expect(ids.slice(40).map((id) => statusOf.get(id))).toEqual(Array(10).fill('waitlisted'));

    // Each promotion recorded exactly once, by the system, and mailed exactly once.
    const promotions = (await ds.query(
      `SELECT registration_id, count(*)::int AS n FROM registration_status_changes
        WHERE event_id = $1 AND from_status = 'waitlisted' AND to_status = 'confirmed' AND changed_by IS NULL
        GROUP BY registration_id`,
      [event.id],
    )) as Array<{ registration_id: string; n: number }>;
    expect(promotions.map((p) => p.registration_id).sort()).toEqual(ids.slice(20, 40).sort());
    expect(promotions.every((p) => p.n === 1)).toBe(true);
    const promotedMail = (await ds.query(
      `SELECT count(*)::int AS n FROM messages WHERE event_id = $1 AND template = 'registration_promoted'`,
      [event.id],
    )) as Array<{ n: number }>;
    expect(promotedMail[0].n).toBe(20);

    // In order: promotions happened in waitlist order.
    const order = (await ds.query(
      `SELECT r.waitlist_seq FROM registration_status_changes c JOIN registrations r ON r.id = c.registration_id
        WHERE c.event_id = $1 AND c.from_status = 'waitlisted' ORDER BY c.changed_at`,
      [event.id],
    )) as Array<{ waitlist_seq: number }>;
    expect(order.map((o) => o.waitlist_seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    // The ten still waiting now hold places 1..10.
    const stillWaiting = await Promise.all(
      people
        .slice(40)
        .map((p, i) =>
          fetch(`${url}/api/registrations/${ids[40 + i]}`, { headers: p.auth }).then(
            (r) => r.json() as Promise<{ waitlistPosition: number }>,
          ),
        ),
    );
    expect(stillWaiting.map((s) => s.waitlistPosition)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
  }, 120_000);

  it('organisers approving many at once for the last seats confirm only as many as there are seats', async () => {
    // Proved it can fail: with RegistrationWorkflow reading the event without
    // ledger.lockEvent, approvals counted seats and took waitlist numbers on their own
    // snapshots; the run failed on the first assertion below (a 409 from the unique
    // (event_id, waitlist_seq) index where every approval should succeed).
    const event = await createEvent(t, admin, { capacity: 3, requiresApproval: true });
    const people = await fastAccounts(t, 11, { organisationId, prefix: 'approve' });
    const ids: string[] = [];
    for (const p of people) {
      const r = await post(
        `/api/events/${event.id}/registrations`,
        p,
        registrationBody(organisationId),
      );
      expect([r.status, r.body.status]).toEqual([201, 'pending']);
      ids.push(r.body.id as string);
    }

    const approvals = await Promise.all(
      ids.slice(0, 10).map((id) => post(`/api/registrations/${id}/approve`, admin)),
    );
    expect(approvals.map((a) => a.status)).toEqual(Array(10).fill(200));
    const statuses = approvals.map((a) => a.body.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(7);
    // Each waitlisted person got their own place, 1..7, none shared.
    expect(
      approvals
        .filter((a) => a.body.status === 'waitlisted')
        .map((a) => a.body.waitlistPosition as number)
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const [{ n }] = (await ds.query(
      `SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND status = 'confirmed'`,
      [event.id],
    )) as Array<{ n: number }>;
    expect(n).toBe(3);

    // The same approval sent twice at once (two organisers, two tabs): one wins, one 409.
    const twice = await Promise.all([
      post(`/api/registrations/${ids[10]}/approve`, admin),
      post(`/api/registrations/${ids[10]}/approve`, admin),
    ]);
    expect(twice.map((a) => a.status).sort()).toEqual([200, 409]);
    const changes = (await ds.query(
      `SELECT count(*)::int AS n FROM registration_status_changes
        WHERE registration_id = $1 AND from_status = 'pending'`,
      [ids[10]],
    )) as Array<{ n: number }>;
    expect(changes[0].n).toBe(1);
  });

  it('the same person racing themselves gets one registration and 409s', async () => {
    const event = await createEvent(t, admin, { capacity: 5 });
    const [p] = await fastAccounts(t, 1, { organisationId, prefix: 'twin' });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        post(`/api/events/${event.id}/registrations`, p, registrationBody(organisationId)),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
  });
});
