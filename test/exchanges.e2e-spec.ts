import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { exchangeForEvent } from '#exchanges';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
import { createEvent, createOrganisation, loginAdmin, type Session } from './support/factories.js';
import { fastAccounts, registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Issue 14: Kogl Taaba (Ouagadougou) visits Solidarité Batoto (Kinshasa), and Batoto
 * returns the visit. Through the real API: the pair linked both ways (and the database
 * refusing half a pair), the state as the visits end, visitors nominated by the visiting
 * side's managers only or invited by email (a real SMTP server), the host's own staff
 * seeing their visitors and building the programme, another host getting 404, and the
 * figures the network reports.
 */
let t: TestApp;
let ds: DataSource;
let sink: SmtpSink;
let worker: INestApplicationContext;
let admin: Session;
let kogl: { id: string };
let batoto: { id: string };
let cameleon: { id: string };
let koglManager: Session;
let koglMember: Session;
let batotoStaff: Session;
let cameleonStaff: Session;
let visitA: string;
let visitB: string;
let visitC: string;
let exchangeA: string;
let exchangeB: string;
let exchangeC: string;
let programmeId: string;

const immersion = (
  hostOrganisationId: string,
  startDate: string,
  endDate: string,
  name: string,
) => ({
  name,
  kind: 'immersion',
  hostOrganisationId,
  timezone: 'Africa/Kinshasa',
  startDate,
  endDate,
  capacity: 6,
  languages: ['fr', 'en'],
  venue: { name: 'Maison des Familles', city: 'Kinshasa', country: 'CD' },
});

beforeAll(async () => {
  t = await startTestApp('exchanges');
  ds = t.app.get(DataSource);
  sink = await SmtpSink.start();
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0, smtpMaxPerSecond: 200 },
      { backoffMs: 150, attempts: 4, relayIntervalMs: 100 },
    ),
    { logger: false },
  );
  admin = await loginAdmin(t);
  kogl = await createOrganisation(t, admin, { name: 'Kogl Taaba', country: 'BF' });
  batoto = await createOrganisation(t, admin, { name: 'Solidarité Batoto', country: 'CD' });
  cameleon = await createOrganisation(t, admin, { name: 'Cameleon', country: 'PH' });
  [koglManager, koglMember] = await fastAccounts(t, 2, {
    organisationId: kogl.id,
    prefix: 'kogl',
  });
  [batotoStaff] = await fastAccounts(t, 1, { organisationId: batoto.id, prefix: 'batoto' });
  [cameleonStaff] = await fastAccounts(t, 1, { organisationId: cameleon.id, prefix: 'cam' });
  visitA = (
    await createEvent(
      t,
      admin,
      immersion(batoto.id, '2027-03-08', '2027-03-12', 'Kogl Taaba à Kinshasa'),
    )
  ).id;
  visitB = (
    await createEvent(
      t,
      admin,
      immersion(kogl.id, '2027-05-10', '2027-05-14', 'Batoto à Ouagadougou'),
    )
  ).id;
  visitC = (
    await createEvent(
      t,
      admin,
      immersion(cameleon.id, '2027-06-07', '2027-06-11', 'Kogl Taaba à Manille'),
    )
  ).id;
});

afterAll(async () => {
  await worker?.close();
  await sink?.close();
  await t?.close();
});

describe('an exchange and its return visit', () => {
  it('refuses what is not an immersion exchange, naming the field', async () => {
    const meeting = await createEvent(t, admin);
    const notImmersion = await t
      .http()
      .post('/api/exchanges')
      .set(admin.auth)
      .send({ eventId: meeting.id, visitingOrganisationId: kogl.id })
      .expect(400);
    expect(notImmersion.body.details.field).toBe('eventId');
    const same = await t
      .http()
      .post('/api/exchanges')
      .set(admin.auth)
      .send({ eventId: visitA, visitingOrganisationId: batoto.id })
      .expect(400);
    expect(same.body.details.field).toBe('visitingOrganisationId');
    const wrongHost = await t
      .http()
      .post('/api/exchanges')
      .set(admin.auth)
      .send({ eventId: visitA, visitingOrganisationId: kogl.id, hostOrganisationId: cameleon.id })
      .expect(400);
    expect(wrongHost.body.details.field).toBe('hostOrganisationId');
    // A network member cannot make one.
    await t
      .http()
      .post('/api/exchanges')
      .set(koglMember.auth)
      .send({ eventId: visitA, visitingOrganisationId: kogl.id })
      .expect(403);
  });

  it('creates both visits, the host taken from the immersion, and links them both ways', async () => {
    const programme = await t
      .http()
      .post('/api/programmes')
      .set(admin.auth)
      .send({ names: { en: 'Family support 2027', fr: 'Soutien aux familles 2027' }, year: 2027 })
      .expect(201);
    programmeId = programme.body.id;
    expect(programme.body.slug).toBe('family-support-2027');

    const a = await t
      .http()
      .post('/api/exchanges')
      .set(admin.auth)
      .send({ eventId: visitA, visitingOrganisationId: kogl.id, programmeId })
      .expect(201);
    expect(a.body).toMatchObject({
      visitingOrganisation: { id: kogl.id, name: 'Kogl Taaba', country: 'BF' },
      hostOrganisation: { id: batoto.id, country: 'CD' },
      state: 'planned',
      returnExchangeId: null,
    });
    exchangeA = a.body.id;
    exchangeB = (
      await t
        .http()
        .post('/api/exchanges')
        .set(admin.auth)
        .send({ eventId: visitB, visitingOrganisationId: batoto.id, programmeId })
        .expect(201)
    ).body.id;
    exchangeC = (
      await t
        .http()
        .post('/api/exchanges')
        .set(admin.auth)
        .send({ eventId: visitC, visitingOrganisationId: kogl.id })
        .expect(201)
    ).body.id;
    await t
      .http()
      .post('/api/exchanges')
      .set(admin.auth)
      .send({ eventId: visitA, visitingOrganisationId: kogl.id })
      .expect(409);

    // Kogl -> Cameleon is not the way back from Kogl -> Batoto.
    const wrongWay = await t
      .http()
      .put(`/api/exchanges/${exchangeA}/return`)
      .set(admin.auth)
      .send({ returnExchangeId: exchangeC })
      .expect(400);
    expect(wrongWay.body.details.field).toBe('returnExchangeId');

    const linked = await t
      .http()
      .put(`/api/exchanges/${exchangeA}/return`)
      .set(admin.auth)
      .send({ returnExchangeId: exchangeB })
      .expect(200);
    expect(linked.body.returnExchangeId).toBe(exchangeB);
    expect(linked.body.returnEvent).toMatchObject({ id: visitB, startDate: '2027-05-10' });
    const back = await t.http().get(`/api/exchanges/${exchangeB}`).set(koglMember.auth).expect(200);
    expect(back.body.returnExchangeId).toBe(exchangeA);
  });

  it('the database itself refuses half a pair or a pair that is not the same partners swapped', async () => {
    // One side only: the other does not name it back.
    await expect(
      ds.query(`UPDATE exchanges SET return_exchange_id = NULL WHERE id = $1`, [exchangeB]),
    ).rejects.toThrow(/return visit/);
    // Kogl -> Cameleon named as the return of Kogl -> Batoto, both ways.
    await expect(
      ds.transaction(async (m) => {
        await m.query(`UPDATE exchanges SET return_exchange_id = NULL WHERE id IN ($1, $2)`, [
          exchangeA,
          exchangeB,
        ]);
        await m.query(`UPDATE exchanges SET return_exchange_id = $2 WHERE id = $1`, [
          exchangeA,
          exchangeC,
        ]);
        await m.query(`UPDATE exchanges SET return_exchange_id = $2 WHERE id = $1`, [
          exchangeC,
          exchangeA,
        ]);
      }),
    ).rejects.toThrow(/exchanges_return_swapped|foreign key/);
    const rows = (await ds.query(
      `SELECT id, return_exchange_id FROM exchanges WHERE id IN ($1, $2, $3) ORDER BY id`,
      [exchangeA, exchangeB, exchangeC],
    )) as Array<{ id: string; return_exchange_id: string | null }>;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r.return_exchange_id]));
    expect(byId).toEqual({ [exchangeA]: exchangeB, [exchangeB]: exchangeA, [exchangeC]: null });
  });
});

describe('visitors', () => {
  it('only managers of the visiting organisation (or organisers) nominate, and only its members', async () => {
    const body = {
      email: `awa-${Date.now()}@example.org`,
      name: 'Awa Sawadogo',
      locale: 'fr',
      profession: 'social_worker',
    };
    // Not a manager yet.
    await t
      .http()
      .post(`/api/exchanges/${exchangeA}/visitors`)
      .set(koglManager.auth)
      .send(body)
      .expect(403);
    // A manager must belong to the organisation.
    const outsider = await t
      .http()
      .post(`/api/organisations/${kogl.id}/managers`)
      .set(admin.auth)
      .send({ accountId: batotoStaff.id })
      .expect(400);
    expect(outsider.body.details.field).toBe('accountId');
    await t
      .http()
      .post(`/api/organisations/${kogl.id}/managers`)
      .set(admin.auth)
      .send({ accountId: koglManager.id })
      .expect(201);
    await t
      .http()
      .post(`/api/organisations/${kogl.id}/managers`)
      .set(koglMember.auth)
      .send({ accountId: koglMember.id })
      .expect(403);

    const nominated = await t
      .http()
      .post(`/api/exchanges/${exchangeA}/visitors`)
      .set(koglManager.auth)
      .send(body)
      .expect(201);
    expect(nominated.body.registration.status).toBe('awaiting_consent');
    expect(nominated.body.accountCreated).toBe(true);
    // Someone of another organisation: 400 on email, and nothing was created.
    const wrong = await t
      .http()
      .post(`/api/exchanges/${exchangeA}/visitors`)
      .set(koglManager.auth)
      .send({ ...body, email: cameleonStaff.email })
      .expect(400);
    expect(wrong.body.details.field).toBe('email');
    // The manager of Kogl does not nominate Batoto's visitors for the return visit.
    await t
      .http()
      .post(`/api/exchanges/${exchangeB}/visitors`)
      .set(koglManager.auth)
      .send(body)
      .expect(403);
    // Nor does the host's staff for the visit they receive.
    await t
      .http()
      .post(`/api/exchanges/${exchangeA}/visitors`)
      .set(batotoStaff.auth)
      .send(body)
      .expect(403);
  });

  it('an organiser invites a visitor by email: the consent email reaches the person', async () => {
    const email = `thida-${Date.now()}@example.org`;
    await t
      .http()
      .post(`/api/exchanges/${exchangeA}/visitors`)
      .set(admin.auth)
      .send({ email, name: 'Issa Ouédraogo', locale: 'fr', profession: 'psychologist' })
      .expect(201);
    const until = Date.now() + 30_000;
    while (!sink.received.some((m) => JSON.stringify(m.to).includes(email))) {
      if (Date.now() > until) throw new Error('no invitation email');
      await new Promise((r) => setTimeout(r, 100));
    }
    const mail = sink.received.find((m) => JSON.stringify(m.to).includes(email))!;
    expect(mail.text).toMatch(/Kogl Taaba à Kinshasa/);
    expect(mail.text).toMatch(/token=/);
  });

  it("the host organisation's staff see their visitors (no phones) and arrivals; another host gets 404", async () => {
    const [visitor] = await fastAccounts(t, 1, { organisationId: kogl.id, prefix: 'visitor' });
    await t
      .http()
      .post(`/api/events/${visitA}/registrations`)
      .set(visitor.auth)
      .send(registrationBody(kogl.id, { dietary: 'Sans porc', phone: '+226 70 11 22 33' }))
      .expect(201);
    const seen = await t
      .http()
      .get(`/api/exchanges/${exchangeA}/visitors`)
      .set(batotoStaff.auth)
      .expect(200);
    const names = seen.body.visitors.map((v: { name: string }) => v.name);
    expect(names).toContain('Awa Sawadogo');
    const mine = seen.body.visitors.find(
      (v: { registrationId: string; dietary: string }) => v.dietary === 'Sans porc',
    );
    expect(mine).toMatchObject({
      organisation: { name: 'Kogl Taaba' },
      profession: 'social_worker',
    });
    expect(JSON.stringify(seen.body)).not.toContain('+226 70 11 22 33');
    expect(JSON.stringify(seen.body)).not.toMatch(/passport/i);
    // The same answer the arrivals list gives hosts (no phones).
    const arrivals = await t
      .http()
      .get(`/api/events/${visitA}/arrivals`)
      .set(batotoStaff.auth)
      .expect(200);
    expect(JSON.stringify(arrivals.body)).not.toContain('+226 70 11 22 33');
    await t.http().get(`/api/events/${visitA}/stats`).set(batotoStaff.auth).expect(200);

    // Cameleon hosts its own immersion, not this one.
    await t.http().get(`/api/exchanges/${exchangeC}/visitors`).set(cameleonStaff.auth).expect(200);
    await t.http().get(`/api/exchanges/${exchangeA}/visitors`).set(cameleonStaff.auth).expect(404);
    await t.http().get(`/api/exchanges/${exchangeA}/visitors`).set(koglMember.auth).expect(404);
    await t.http().get(`/api/events/${visitA}/arrivals`).set(cameleonStaff.auth).expect(403);
  });

  it('the host builds the programme with the agenda tools; visitors read it in their language', async () => {
    const session = await t
      .http()
      .post(`/api/events/${visitA}/sessions`)
      .set(batotoStaff.auth)
      .send({
        kind: 'team_meeting',
        title: "Réunion d'équipe du lundi",
        titles: { en: 'Monday team meeting' },
        startsAt: '2027-03-08T09:00',
        endsAt: '2027-03-08T11:00',
      })
      .expect(201);
    expect(session.body.kind).toBe('team_meeting');
    await t
      .http()
      .post(`/api/events/${visitA}/sessions`)
      .set(batotoStaff.auth)
      .send({
        kind: 'observation_day',
        title: 'Journée d’observation',
        startsAt: '2027-03-09T08:00',
        endsAt: '2027-03-09T17:00',
      })
      .expect(201);
    await t
      .http()
      .post(`/api/events/${visitA}/agenda/publish`)
      .set(batotoStaff.auth)
      .send({})
      .expect(200);
    // Another host may not touch it.
    await t
      .http()
      .post(`/api/events/${visitA}/sessions`)
      .set(cameleonStaff.auth)
      .send({
        kind: 'family_workshop',
        title: 'Atelier',
        startsAt: '2027-03-10T09:00',
        endsAt: '2027-03-10T10:00',
      })
      .expect(403);
    const agenda = await t
      .http()
      .get(`/api/events/${visitA}/agenda?lang=en`)
      .set(koglMember.auth)
      .expect(200);
    expect(JSON.stringify(agenda.body)).toContain('Monday team meeting');
  });
});

describe('state and figures', () => {
  const stateOf = async (id: string) =>
    (await t.http().get(`/api/exchanges/${id}`).set(koglMember.auth).expect(200)).body.state;
  const moveToPast = (eventId: string, start: string, end: string) =>
    ds.query(`UPDATE events SET start_date = $2, end_date = $3 WHERE id = $1`, [
      eventId,
      start,
      end,
    ]);

  it('planned, then awaiting its return, then done once the return visit ended', async () => {
    expect(await stateOf(exchangeA)).toBe('planned');
    await moveToPast(visitA, '2026-03-08', '2026-03-12');
    expect(await stateOf(exchangeA)).toBe('awaiting_return');
    expect(await stateOf(exchangeB)).toBe('planned');
    expect(await exchangeForEvent(ds, visitA)).toEqual({
      id: exchangeA,
      visitingOrganisationId: kogl.id,
      hostOrganisationId: batoto.id,
      returnExchangeId: exchangeB,
      state: 'awaiting_return',
    });
    await moveToPast(visitB, '2026-05-10', '2026-05-14');
    expect(await stateOf(exchangeA)).toBe('done');
    expect(await stateOf(exchangeB)).toBe('done');
    // A one-way visit over with no return expected is done too.
    await moveToPast(visitC, '2026-06-07', '2026-06-11');
    expect(await stateOf(exchangeC)).toBe('awaiting_return');
    await t
      .http()
      .patch(`/api/exchanges/${exchangeC}`)
      .set(admin.auth)
      .send({ returnNotNeeded: true })
      .expect(200);
    expect(await stateOf(exchangeC)).toBe('done');
    expect(await exchangeForEvent(ds, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('the programme counts immersions, social workers and countries, filtered by partner, country and year', async () => {
    const get = async (query = '') =>
      (
        await t
          .http()
          .get(`/api/programmes/${programmeId}${query}`)
          .set(koglMember.auth)
          .expect(200)
      ).body;
    const all = await get();
    expect(all.items.map((i: { eventId: string }) => i.eventId)).toEqual([visitA, visitB]);
    // One confirmed social worker (the self-registered visitor); the nominees have not consented.
    expect(all.figures).toEqual({ immersions: 2, socialWorkers: 1, countries: 2 });
    expect(all.partners.map((p: { name: string }) => p.name).sort()).toEqual([
      'Kogl Taaba',
      'Solidarité Batoto',
    ]);
    expect((await get(`?partner=${cameleon.id}`)).items).toEqual([]);
    expect((await get('?country=BF')).items).toHaveLength(2);
    expect((await get('?country=KH')).figures).toEqual({
      immersions: 0,
      socialWorkers: 0,
      countries: 0,
    });
    expect((await get('?year=2026')).items).toHaveLength(2);
    expect((await get('?year=2027')).items).toHaveLength(0);
    const bad = await t
      .http()
      .get(`/api/programmes/${programmeId}?country=ZZ`)
      .set(koglMember.auth)
      .expect(400);
    expect(bad.body.message).toMatch(/country/);
    // Members read it; only organisers write it.
    await t
      .http()
      .post('/api/programmes')
      .set(koglMember.auth)
      .send({ names: { en: 'X' }, year: 2027 })
      .expect(403);
    await t.http().get(`/api/programmes/${programmeId}`).expect(401);
  });
});
