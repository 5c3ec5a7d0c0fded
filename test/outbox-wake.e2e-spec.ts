import pg from 'pg';
import { DataSource } from 'typeorm';
import { OutboxWake } from '#messaging';
import { createEvent, createOrganisation, loginAdmin, type Session } from './support/factories.js';
import { fastAccounts, registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * A registration's commit no longer carries the relay's NOTIFY (which held PostgreSQL's
 * notification-queue lock through the commit flush, under the event lock): OutboxWake
 * sends it after the commit. Every other writer of the outbox still notifies in its own
 * transaction.
 */
describe('outbox wake-up after the admission commits', () => {
  let t: TestApp;
  let admin: Session;
  let listener: pg.Client;
  const heard: number[] = [];

  const quiet = () => new Promise((r) => setTimeout(r, 600));
  async function heardWithin(ms: number, count: number): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (heard.length >= count) return true;
      await new Promise((r) => setTimeout(r, 25));
    }
    return heard.length >= count;
  }

  beforeAll(async () => {
    t = await startTestApp('outbox-wake');
    admin = await loginAdmin(t);
    listener = new pg.Client({ connectionString: t.db.url });
    await listener.connect();
    listener.on('notification', (n) => heard.push(n.processId));
    await listener.query('LISTEN messages_outbox');
  });
  afterAll(async () => {
    await listener.end();
    await t.close();
  });

  it('registers without notifying inside the commit, then wakes the relay once it committed', async () => {
    const organisation = await createOrganisation(t, admin);
    const event = await createEvent(t, admin, { capacity: 1 });
    const [first, second] = await fastAccounts(t, 2, { organisationId: organisation.id });
    await quiet();
    heard.length = 0;

    // With the wake-up silenced, the admission's own transaction must not notify.
    const wake = t.app.get(OutboxWake);
    const realPoke = wake.poke;
    let pokes = 0;
    Object.defineProperty(wake, 'poke', { value: () => pokes++, configurable: true });
    const res = await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set(first.auth)
      .send(registrationBody(organisation.id));
    expect([res.status, res.body.status]).toEqual([201, 'confirmed']);
    await quiet();
    expect(heard).toEqual([]);
    expect(pokes).toBe(1);
    const [{ n }] = (await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM messages WHERE event_id = $1`, [event.id])) as Array<{
      n: number;
    }>;
    expect(n).toBe(1);

    // With it, the relay hears about the second (waitlisted) registration after its commit.
    Object.defineProperty(wake, 'poke', { value: realPoke, configurable: true });
    const waitlisted = await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set(second.auth)
      .send(registrationBody(organisation.id));
    expect([waitlisted.status, waitlisted.body.status]).toEqual([201, 'waitlisted']);
    expect(await heardWithin(3000, 1)).toBe(true);
  });

  it('keeps the NOTIFY in the transaction of every other writer of the outbox', async () => {
    await quiet();
    heard.length = 0;
    await t.app.get(DataSource).query(
      `INSERT INTO messages (template, locale, recipient_email, payload, dedupe_key, status, attempts)
       VALUES ('registration_confirmed', 'en', 'someone@example.org', '{}', 'outbox-wake-test', 'queued', 0)`,
    );
    expect(await heardWithin(3000, 1)).toBe(true);
  });
});
