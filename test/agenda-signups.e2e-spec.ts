import { DataSource } from 'typeorm';
import { Outbox, renderMessage } from '#messaging';
import { register } from './support/agenda-fixtures.js';
import { parseCsv } from './support/csv.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Waitlist promotion emails for sessions, and the bus list with everyone's phones. */
describe('session sign-ups: promotion emails and the bus list', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let org: { id: string; name: string };
  let eventId: string;
  let amina: Session;
  let carlos: Session;
  let joseph: Session;
  let facilitator: Session;
  let host: Session;
  const registrationOf: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('agenda_signups');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    org = await createOrganisation(t, admin, {
      name: 'Maison des Familles, Tanger',
      country: 'MA',
      city: 'Tangier',
    });
    eventId = (await createEvent(t, admin, { name: 'CPK 2027', languages: ['fr', 'en', 'es'] })).id;
    const person = (name: string, locale: string) =>
      signup(t, { name, locale, organisationId: org.id });
    amina = await person('Amina El Idrissi', 'fr');
    carlos = await person('Carlos Quispe', 'es');
    joseph = await person('Joseph Mukendi', 'en');
    facilitator = await person('Fatima Benali', 'fr');
    host = await person('Hassan Amrani', 'fr');
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);
    registrationOf.amina = await register(t, eventId, amina, org.id, {
      phone: '+212 600 000 001',
      emergencyContact: { name: 'Youssef Alaoui', phone: '+212 661 000 001', relation: 'brother' },
    });
    registrationOf.carlos = await register(t, eventId, carlos, org.id, {
      phone: '+51 987 654 321',
      emergencyContact: { name: 'Quispe, María "Mamá"', phone: '+51 1 234 5678' },
    });
    registrationOf.joseph = await register(t, eventId, joseph, org.id);
  });
  afterAll(() => t.close());

  const createSession = async (body: Record<string, unknown>) =>
    (
      await t
        .http()
        .post(`/api/events/${eventId}/sessions`)
        .set(admin.auth)
        .send({ status: 'published', signupRequired: true, ...body })
        .expect(201)
    ).body as { id: string; title: string };
  const visitBody = (overrides: Record<string, unknown>, siteVisit: Record<string, unknown>) => ({
    kind: 'site_visit',
    facilitatorIds: [facilitator.id],
    ...overrides,
    siteVisit: {
      hostOrganisationId: org.id,
      address: 'Rue de la Kasbah, Tanger',
      transport: 'bus',
      rules: ['No photos of beneficiaries'],
      ...siteVisit,
    },
  });
  const signUp = (sessionId: string, who: Session) =>
    t
      .http()
      .post(`/api/sessions/${sessionId}/signups`)
      .set(who.auth)
      .send({ acceptRules: true })
      .expect(201)
      .then((r) => r.body as { id: string; status: string; position: number | null });
  const promotionsFor = (sessionId: string) =>
    ds.query(
      `SELECT template, locale, recipient_account_id, recipient_email, payload, dedupe_key
         FROM messages WHERE template = 'signup_promoted' AND payload->>'sessionId' = $1`,
      [sessionId],
    ) as Promise<
      Array<{
        template: string;
        locale: string;
        recipient_account_id: string;
        recipient_email: string;
        payload: Record<string, unknown>;
        dedupe_key: string;
      }>
    >;

  it('a cancellation promotes the next person and writes exactly one signup_promoted email, in their language', async () => {
    const visit = await createSession(
      visitBody(
        {
          title: 'Visite du programme des mères',
          startsAt: '2027-10-27T09:00',
          endsAt: '2027-10-27T12:30',
        },
        {
          meetingPoint: 'Hotel lobby',
          departureAt: '2027-10-27T09:15',
          returnAt: '2027-10-27T12:15',
          seats: 1,
        },
      ),
    );
    expect((await signUp(visit.id, amina)).status).toBe('confirmed');
    const waiting = await signUp(visit.id, carlos);
    expect(waiting).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await signUp(visit.id, joseph)).position).toBe(2);
    expect(await promotionsFor(visit.id)).toHaveLength(0);

    await t.http().delete(`/api/sessions/${visit.id}/signups/me`).set(amina.auth).expect(204);

    const list = await t
      .http()
      .get(`/api/sessions/${visit.id}/signups`)
      .set(admin.auth)
      .expect(200);
    expect(list.body.confirmed.map((p: { accountId: string }) => p.accountId)).toEqual([carlos.id]);
    expect(list.body.waitlisted[0]).toMatchObject({ accountId: joseph.id, position: 1 });

    const mails = await promotionsFor(visit.id);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({
      locale: 'es', // Carlos's own language, not the event's first (fr)
      recipient_account_id: carlos.id,
      recipient_email: carlos.email,
      dedupe_key: `signup_promoted:${waiting.id}`,
      payload: {
        eventId,
        eventName: 'CPK 2027',
        eventTimezone: 'Africa/Casablanca',
        recipientName: 'Carlos Quispe',
        signupId: waiting.id,
        sessionId: visit.id,
        sessionTitle: 'Visite du programme des mères',
        sessionKind: 'site_visit',
        siteVisit: { meetingPoint: 'Hotel lobby', address: 'Rue de la Kasbah, Tanger' },
      },
    });

    // The worker renders the row as it stands: Spanish, event-zone times, the bus details.
    const email = renderMessage(mail.template, mail.locale, mail.payload);
    expect(email.subject).toBe('Se ha liberado una plaza: Visite du programme des mères');
    expect(email.text).toContain('Hola, Carlos Quispe:');
    expect(email.text).toContain(
      'Cuándo: miércoles, 27 de octubre de 2027, 09:00–12:30, hora de Tánger',
    );
    expect(email.text).toContain('Punto de encuentro: Hotel lobby');
    expect(email.text).toContain('Salida: miércoles, 27 de octubre de 2027, 09:15, hora de Tánger');
    expect(email.text).toContain('estaba en la lista de espera de esta sesión de «CPK 2027»');

    // The same promotion written again (a transaction run twice) is ignored by its key.
    await t.app.get(Outbox).enqueue(ds.manager, [
      {
        template: 'signup_promoted',
        recipientEmail: carlos.email,
        locale: 'es',
        eventId,
        payload: mail.payload,
        dedupeKey: mail.dedupe_key,
      },
    ]);
    expect(await promotionsFor(visit.id)).toHaveLength(1);
  });

  it('raising a workshop capacity promotes with an email in English to an English speaker', async () => {
    const workshop = await createSession({
      kind: 'workshop',
      title: 'How can we support families differently?',
      startsAt: '2027-10-26T14:00',
      endsAt: '2027-10-26T15:30',
      capacity: 1,
    });
    await signUp(workshop.id, carlos);
    const waiting = await signUp(workshop.id, joseph);
    expect(waiting.status).toBe('waitlisted');
    await t
      .http()
      .patch(`/api/sessions/${workshop.id}`)
      .set(admin.auth)
      .send({ capacity: 2 })
      .expect(200);
    const mails = await promotionsFor(workshop.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      locale: 'en',
      recipient_account_id: joseph.id,
      dedupe_key: `signup_promoted:${waiting.id}`,
      payload: { sessionKind: 'workshop', siteVisit: null },
    });
    const email = renderMessage('signup_promoted', 'en', mails[0].payload);
    expect(email.subject).toBe('A place is yours: How can we support families differently?');
    expect(email.text).toContain('When: Tuesday, 26 October 2027, 14:00–15:30, Tangier time');
  });

  describe('the bus list', () => {
    let visit: { id: string; title: string };

    beforeAll(async () => {
      visit = await createSession(
        visitBody(
          {
            title: 'Visit: Amal day centre',
            startsAt: '2027-10-28T09:00',
            endsAt: '2027-10-28T12:00',
          },
          {
            meetingPoint: 'Medina gate',
            departureAt: '2027-10-28T09:10',
            returnAt: '2027-10-28T11:50',
            transport: 'minibus',
            seats: 2,
          },
        ),
      );
      for (const who of [amina, carlos, joseph]) await signUp(visit.id, who);
      const list = await t
        .http()
        .get(`/api/sessions/${visit.id}/signups`)
        .set(facilitator.auth)
        .expect(200);
      // Attendance opens when the bus leaves: for a moment, the departure was a minute ago.
      const [{ departure_at: departure }] = await ds.query(
        `SELECT departure_at FROM site_visits WHERE session_id = $1`,
        [visit.id],
      );
      await ds.query(
        `UPDATE site_visits SET departure_at = now() - interval '1 minute' WHERE session_id = $1`,
        [visit.id],
      );
      await t
        .http()
        .patch(`/api/sessions/${visit.id}/signups/${list.body.confirmed[0].signupId}/attendance`)
        .set(facilitator.auth)
        .send({ attended: true })
        .expect(200);
      await ds.query(`UPDATE site_visits SET departure_at = $2 WHERE session_id = $1`, [
        visit.id,
        departure,
      ]);
    });

    const busCsv = async (who: Session) => {
      const res = await t
        .http()
        .get(`/api/sessions/${visit.id}/signups?format=csv`)
        .set(who.auth)
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      // Every CSV starts with a BOM (Excel then reads UTF-8).
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      const rows = parseCsv(res.text.slice(1));
      const at = rows.findIndex((r) => r[0] === 'status');
      return {
        raw: res.text,
        preamble: rows.slice(0, at),
        header: rows[at],
        rows: rows.slice(at + 1),
      };
    };

    it('gives organisers each person with their own mobile and emergency contact, field by field', async () => {
      const csv = await busCsv(admin);
      expect(csv.preamble.slice(0, 5)).toEqual([
        ['Visit: Amal day centre'],
        ['2027-10-28T09:00:00+00:00 - 2027-10-28T12:00:00+00:00'],
        ['Meeting point: Medina gate'],
        ['Departure 2027-10-28T09:10:00+00:00, return 2027-10-28T11:50:00+00:00'],
        ['Transport: minibus, 2 seats'],
      ]);
      expect(csv.header).toEqual([
        'status',
        'position',
        'name',
        'organisation',
        'country',
        'email',
        'phone',
        'emergency_contact',
        'emergency_phone',
        'rules_accepted',
        'attended',
      ]);
      expect(csv.rows).toEqual([
        [
          'confirmed',
          '',
          'Amina El Idrissi',
          'Maison des Familles, Tanger',
          'MA',
          amina.email,
          // Quoted as text: spreadsheets keep the + (and run no formula).
          "'+212 600 000 001",
          'Youssef Alaoui',
          "'+212 661 000 001",
          'yes',
          'yes',
        ],
        [
          'confirmed',
          '',
          'Carlos Quispe',
          'Maison des Familles, Tanger',
          'MA',
          carlos.email,
          "'+51 987 654 321",
          'Quispe, María "Mamá"',
          "'+51 1 234 5678",
          'yes',
          '',
        ],
        [
          'waitlisted',
          '1',
          'Joseph Mukendi',
          'Maison des Familles, Tanger',
          'MA',
          joseph.email,
          '',
          '',
          '',
          'yes',
          '',
        ],
      ]);
      // Commas and quotes inside fields are quoted, byte for byte.
      expect(csv.raw).toContain('"Quispe, María ""Mamá"""');
      expect(csv.raw).toContain('"Maison des Familles, Tanger"');

      const json = await t
        .http()
        .get(`/api/sessions/${visit.id}/signups`)
        .set(admin.auth)
        .expect(200);
      expect(json.body.confirmed[0]).toMatchObject({
        accountId: amina.id,
        phone: '+212 600 000 001',
        emergencyContact: { name: 'Youssef Alaoui', phone: '+212 661 000 001' },
      });
      expect(json.body.waitlisted[0]).toMatchObject({
        accountId: joseph.id,
        phone: null,
        emergencyContact: { name: null, phone: null },
      });
    });

    it("the session's facilitator sees the phones; the visit's host sees the list without them", async () => {
      expect((await busCsv(facilitator)).rows.map((r) => r[6])).toEqual([
        "'+212 600 000 001",
        "'+51 987 654 321",
        '',
      ]);
      const forHost = await busCsv(host);
      expect(forHost.rows.map((r) => r[6])).toEqual(['', '', '']);
      expect(forHost.rows[0][7]).toBe('Youssef Alaoui');
      expect(forHost.raw).not.toContain('+212 600 000 001');
    });

    it("another participant cannot read someone's phone anywhere", async () => {
      await t.http().get(`/api/sessions/${visit.id}/signups`).set(joseph.auth).expect(403);
      await t
        .http()
        .get(`/api/sessions/${visit.id}/signups?format=csv`)
        .set(joseph.auth)
        .expect(403);
      await t.http().get(`/api/registrations/${registrationOf.amina}`).set(joseph.auth).expect(404);
      await t.http().get(`/api/events/${eventId}/registrations`).set(joseph.auth).expect(403);
      await t
        .http()
        .get(`/api/events/${eventId}/registrations?format=csv`)
        .set(joseph.auth)
        .expect(403);
      const seen = [
        await t.http().get('/api/me/registrations').set(joseph.auth).expect(200),
        await t.http().get('/api/me/agenda').set(joseph.auth).expect(200),
        await t.http().get(`/api/sessions/${visit.id}`).set(joseph.auth).expect(200),
        await t.http().get(`/api/events/${eventId}/agenda`).set(joseph.auth).expect(200),
      ];
      for (const res of seen) {
        expect(JSON.stringify(res.body)).not.toMatch(/\+212 600 000 001|\+51 987 654 321/);
      }

      // The owner and the organisers do see it.
      const own = await t
        .http()
        .get(`/api/registrations/${registrationOf.amina}`)
        .set(amina.auth)
        .expect(200);
      expect(own.body.phone).toBe('+212 600 000 001');
      const byOrganiser = await t
        .http()
        .get(`/api/registrations/${registrationOf.amina}`)
        .set(admin.auth)
        .expect(200);
      expect(byOrganiser.body.phone).toBe('+212 600 000 001');
    });
  });
});
