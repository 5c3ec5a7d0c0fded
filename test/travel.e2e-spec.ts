import { DataSource } from 'typeorm';
import { FieldCipher } from '#core';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PASSPORT_A = 'B7654321';

describe('travel plans and visas', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let otherOrganiser: Session;
  let eventId: string;
  let otherEventId: string;
  let orgOuaga: string;
  const people: Record<string, Session> = {};
  const regs: Record<string, string> = {};

  const http = () => t.http();
  const travel = (who: Session, reg: string, body: unknown) =>
    http()
      .put(`/api/registrations/${reg}/travel`)
      .set(who.auth)
      .send(body as object);

  async function staff(event: string, person: Session, role = 'organiser') {
    await http()
      .post(`/api/events/${event}/staff`)
      .set(admin.auth)
      .send({ accountId: person.id, role })
      .expect(201);
  }

  async function register(key: string, name: string, locale: string) {
    people[key] = await signup(t, { name, locale });
    const res = await http()
      .post(`/api/events/${eventId}/registrations`)
      .set(people[key].auth)
      .send(registrationBody(orgOuaga))
      .expect(201);
    regs[key] = res.body.id;
  }

  beforeAll(async () => {
    t = await startTestApp('travel');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    organiser = await signup(t, { name: 'Nadia Benali' });
    otherOrganiser = await signup(t, { name: 'Other Organiser' });
    orgOuaga = (
      await createOrganisation(t, admin, {
        name: 'Maison des Familles de Ouagadougou',
        country: 'BF',
        city: 'Ouagadougou',
      })
    ).id;
    eventId = (await createEvent(t, admin, { name: 'Tangier 2027' })).id;
    otherEventId = (await createEvent(t, admin, { name: 'Immersion Kinshasa' })).id;
    await staff(eventId, organiser);
    await staff(otherEventId, otherOrganiser);
    await register('awa', 'Awa Traoré', 'fr');
    await register('lucia', 'Lucía Quispe', 'es');
    await register('joseph', 'Joseph Mukendi', 'fr');
    await register('fatou', 'Fatou Ndiaye', 'en');
  });
  afterAll(() => t.close());

  it('lets only organisers set the visa rules, and checks every code', async () => {
    await http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(people.awa.auth)
      .send({ visaRequiredFor: ['BF'] })
      .expect(403);
    const bad = await http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(organiser.auth)
      .send({ visaRequiredFor: ['BF', 'XX'] })
      .expect(400);
    expect(bad.body.message).toMatch(/visaRequiredFor/);
    const res = await http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(organiser.auth)
      .send({ visaRequiredFor: ['cd', 'BF', 'PH'] })
      .expect(200);
    expect(res.body).toMatchObject({
      eventId,
      country: 'MA',
      visaRequiredFor: ['BF', 'CD', 'PH'],
      plansToReview: 0,
    });
    const read = await http().get(`/api/events/${eventId}/visa-rules`).set(organiser.auth);
    expect(read.body.visaRequiredFor).toEqual(['BF', 'CD', 'PH']);
  });

  it('stores the passport number encrypted and shows it in full only to its holder', async () => {
    const res = await travel(people.awa, regs.awa, {
      passport: { nationality: 'bf', number: ' b765 4321 ', expiresOn: '2031-01-31' },
      arrival: {
        flightNumber: 'at 571',
        airport: 'tng',
        at: '2027-10-24T14:05',
        airportTimezone: 'Africa/Casablanca',
      },
    }).expect(200);
    expect(res.body.passport).toEqual({
      nationality: 'BF',
      number: PASSPORT_A,
      numberMasked: false,
      expiresOn: '2031-01-31',
    });
    expect(res.body.warnings).toEqual([]);

    const [row] = await ds.query(
      `SELECT passport_number_encrypted AS stored FROM travel_plans WHERE registration_id = $1`,
      [regs.awa],
    );
    expect(row.stored).toMatch(/^v1\./);
    expect(row.stored).not.toContain(PASSPORT_A);
    expect(row.stored).not.toContain('7654321');
    expect(new FieldCipher(t.config.dataEncryptionKey).decrypt(row.stored)).toBe(PASSPORT_A);

    const own = await http().get(`/api/registrations/${regs.awa}/travel`).set(people.awa.auth);
    expect(own.body.passport.number).toBe(PASSPORT_A);
    const seen = await http()
      .get(`/api/registrations/${regs.awa}/travel`)
      .set(organiser.auth)
      .expect(200);
    expect(seen.body.passport).toMatchObject({ number: '•••••4321', numberMasked: true });
    expect(JSON.stringify(seen.body)).not.toContain(PASSPORT_A);
  });

  it('reads flight times at the airport, stores UTC and answers with the offset (Morocco on UTC+0)', async () => {
    const res = await travel(people.awa, regs.awa, {
      departure: {
        flightNumber: 'IB3313',
        airport: 'MAD',
        at: '2027-10-31T10:00',
        airportTimezone: 'Europe/Madrid',
      },
    }).expect(200);
    // The arrival sent before is kept: PUT only replaces the sections it sends.
    expect(res.body.arrival).toEqual({
      flightNumber: 'AT571',
      airport: 'TNG',
      at: '2027-10-24T14:05:00+00:00',
      airportTimezone: 'Africa/Casablanca',
      atEventTime: '2027-10-24T14:05:00+00:00',
    });
    expect(res.body.departure).toEqual({
      flightNumber: 'IB3313',
      airport: 'MAD',
      at: '2027-10-31T10:00:00+01:00',
      airportTimezone: 'Europe/Madrid',
      atEventTime: '2027-10-31T09:00:00+00:00',
    });
    const [row] = await ds.query(
      `SELECT arrival_at, departure_at FROM travel_plans WHERE registration_id = $1`,
      [regs.awa],
    );
    expect(row.arrival_at.toISOString()).toBe('2027-10-24T14:05:00.000Z');
    expect(row.departure_at.toISOString()).toBe('2027-10-31T09:00:00.000Z');

    // An offset is an instant; without a zone the leg is shown in the event's zone.
    const lucia = await travel(people.lucia, regs.lucia, {
      arrival: { flightNumber: 'AT 982', airport: 'TNG', at: '2027-10-24T16:30:00+01:00' },
    }).expect(200);
    expect(lucia.body.arrival).toMatchObject({
      at: '2027-10-24T15:30:00+00:00',
      airportTimezone: null,
    });
  });

  it('starts the visa status from the rules, and records it', async () => {
    const awa = await http().get(`/api/registrations/${regs.awa}/travel`).set(people.awa.auth);
    expect(awa.body.visa).toMatchObject({ required: true, status: 'letter_requested' });
    expect(awa.body.visa.history).toEqual([
      expect.objectContaining({
        from: null,
        to: 'letter_requested',
        by: { id: people.awa.id, name: 'Awa Traoré' },
      }),
    ]);
    const lucia = await travel(people.lucia, regs.lucia, {
      passport: { nationality: 'PE', number: 'P0099887', expiresOn: '2030-06-30' },
    }).expect(200);
    expect(lucia.body.visa).toMatchObject({ required: false, status: 'not_required' });

    // A nationality that needs a visa moves a not_required plan to letter_requested.
    const joseph = await travel(people.joseph, regs.joseph, {
      passport: { nationality: 'FR', number: '12AB34567', expiresOn: '2032-05-01' },
    }).expect(200);
    expect(joseph.body.visa.status).toBe('not_required');
    const changed = await travel(organiser, regs.joseph, {
      passport: { nationality: 'CD' },
    }).expect(200);
    expect(changed.body.visa.status).toBe('letter_requested');
    expect(changed.body.passport).toMatchObject({ nationality: 'CD', number: '•••••4567' });
    const [{ stored }] = await ds.query(
      `SELECT passport_number_encrypted AS stored FROM travel_plans WHERE registration_id = $1`,
      [regs.joseph],
    );
    expect(new FieldCipher(t.config.dataEncryptionKey).decrypt(stored)).toBe('12AB34567');
  });

  it('moves visa statuses step by step, organisers only, with an audit row and one email', async () => {
    // These people never give their letter details: issuing by a move is confirmed.
    const move = (who: Session, reg: string, status: string, note?: string) =>
      http()
        .patch(`/api/registrations/${reg}/visa`)
        .set(who.auth)
        .send({
          status,
          ...(note ? { note } : {}),
          ...(status === 'letter_issued' ? { withoutLetterDetails: true } : {}),
        });

    const self = await move(people.awa, regs.awa, 'granted').expect(403);
    expect(self.body.message).toMatch(/organisers/);
    const jump = await move(organiser, regs.awa, 'granted').expect(409);
    expect(jump.body.details).toMatchObject({
      from: 'letter_requested',
      to: 'granted',
      allowed: ['letter_issued', 'not_required'],
    });
    await move(organiser, regs.awa, 'letter_issued', 'Sent by post as well').expect(200);
    await move(organiser, regs.awa, 'applied').expect(200);
    const granted = await move(organiser, regs.awa, 'granted').expect(200);
    expect(granted.body).toMatchObject({ status: 'granted', allowedNext: ['refused'] });
    expect(granted.body.history.map((h: { from: string; to: string }) => [h.from, h.to])).toEqual([
      [null, 'letter_requested'],
      ['letter_requested', 'letter_issued'],
      ['letter_issued', 'applied'],
      ['applied', 'granted'],
    ]);
    expect(granted.body.history[1]).toMatchObject({
      by: { id: organiser.id, name: 'Nadia Benali' },
      note: 'Sent by post as well',
    });
    expect(granted.body.history[1].at).toMatch(/\+00:00$/);
    // The same status again records nothing.
    await move(organiser, regs.awa, 'granted').expect(200);

    const audit = await ds.query(
      `SELECT from_status, to_status, changed_by, changed_at FROM visa_status_changes
        WHERE registration_id = $1 ORDER BY changed_at`,
      [regs.awa],
    );
    expect(audit).toHaveLength(4);
    expect(audit[3]).toMatchObject({
      from_status: 'applied',
      to_status: 'granted',
      changed_by: organiser.id,
    });
    expect(audit[3].changed_at).toBeInstanceOf(Date);
    const mails = await ds.query(
      `SELECT locale, payload FROM messages WHERE template = 'visa_letter_issued' AND recipient_account_id = $1`,
      [people.awa.id],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].locale).toBe('fr');
    expect(JSON.stringify(mails[0].payload)).not.toContain(PASSPORT_A);

    // A participant may ask for a letter themselves.
    const asked = await move(people.lucia, regs.lucia, 'letter_requested').expect(200);
    expect(asked.body).toMatchObject({ status: 'letter_requested', allowedNext: [] });
    expect(asked.body.history.at(-1)).toMatchObject({
      from: 'not_required',
      to: 'letter_requested',
      by: { id: people.lucia.id },
    });
    const bad = await move(organiser, regs.lucia, 'sent').expect(400);
    expect(bad.body.message).toMatch(/status must be one of/);
  });

  it('keeps every travel plan and letter from other participants and other events’ organisers', async () => {
    const intruders = [people.lucia, otherOrganiser];
    for (const who of intruders) {
      await http().get(`/api/registrations/${regs.awa}/travel`).set(who.auth).expect(404);
      await travel(who, regs.awa, { passport: { nationality: 'FR' } }).expect(404);
      await http()
        .patch(`/api/registrations/${regs.awa}/visa`)
        .set(who.auth)
        .send({ status: 'letter_requested' })
        .expect(404);
      const letter = await http()
        .get(`/api/registrations/${regs.awa}/visa-letter.pdf`)
        .set(who.auth)
        .expect(404);
      expect(letter.headers['content-type']).toMatch(/json/);
    }
    await http().get(`/api/events/${eventId}/visas`).set(otherOrganiser.auth).expect(403);
    await http().get(`/api/events/${eventId}/visas`).set(people.awa.auth).expect(403);
    await http().get(`/api/events/${eventId}/arrivals`).set(people.lucia.auth).expect(403);
    await http().get(`/api/events/${eventId}/visa-rules`).set(otherOrganiser.auth).expect(403);
    // The organiser of another event changes nothing here either.
    await http()
      .put(`/api/events/${eventId}/visa-rules`)
      .set(otherOrganiser.auth)
      .send({ visaRequiredFor: ['FR'] })
      .expect(403);
    await http().get(`/api/events/${eventId}/arrivals`).set(otherOrganiser.auth).expect(403);
    await http()
      .get(`/api/events/${eventId}/arrivals?format=csv`)
      .set(otherOrganiser.auth)
      .expect(403);
    const rules = await http().get(`/api/events/${eventId}/visa-rules`).set(organiser.auth);
    expect(rules.body.visaRequiredFor).toEqual(['BF', 'CD', 'PH']);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM travel_plans WHERE registration_id = $1 AND passport_nationality = 'BF'`,
      [regs.awa],
    );
    expect(n).toBe(1);
  });

  it('warns about a passport expiring within 6 months of the event end', async () => {
    const res = await travel(people.fatou, regs.fatou, {
      passport: { nationality: 'SN', number: 'A0011223', expiresOn: '2028-01-15' },
    }).expect(200);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({
        field: 'passport.expiresOn',
        code: 'passport_expires_within_6_months',
      }),
    ]);
  });

  it('lists everyone’s visa state for organisers, with filters and pages, never a passport number', async () => {
    const list = await http().get(`/api/events/${eventId}/visas`).set(organiser.auth).expect(200);
    expect(list.body.total).toBe(4);
    expect(list.body.byStatus).toMatchObject({
      granted: 1,
      letter_requested: 2,
      not_required: 1,
      unknown: 0,
    });
    const byName = Object.fromEntries(
      list.body.items.map((i: { account: { name: string } }) => [i.account.name, i]),
    );
    expect(byName['Awa Traoré']).toMatchObject({
      registrationId: regs.awa,
      nationality: 'BF',
      passportExpiresOn: '2031-01-31',
      passportNumberOnFile: true,
      passportWarning: null,
      visaRequired: true,
      visaStatus: 'granted',
    });
    expect(byName['Awa Traoré'].letterIssuedAt).toMatch(/\+00:00$/);
    expect(byName['Fatou Ndiaye']).toMatchObject({
      visaRequired: false,
      passportWarning: 'passport_expires_within_6_months',
    });
    const text = JSON.stringify(list.body);
    for (const number of [PASSPORT_A, '4321', 'P0099887', '12AB34567', 'A0011223']) {
      expect(text).not.toContain(number);
    }

    const q = (query: string) =>
      http().get(`/api/events/${eventId}/visas?${query}`).set(organiser.auth).expect(200);
    expect((await q('status=letter_requested')).body.items.map(name)).toEqual([
      'Joseph Mukendi',
      'Lucía Quispe',
    ]);
    expect((await q('nationality=bf')).body.items.map(name)).toEqual(['Awa Traoré']);
    expect((await q('passportExpiring=true')).body.items.map(name)).toEqual(['Fatou Ndiaye']);
    expect((await q('q=lucia')).body.items.map(name)).toEqual(['Lucía Quispe']);
    const page = (await q('pageSize=3&page=2')).body;
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items).toHaveLength(1);

    const late = await signup(t, { name: 'Zoé Sans Passeport' });
    await http()
      .post(`/api/events/${eventId}/registrations`)
      .set(late.auth)
      .send(registrationBody(orgOuaga))
      .expect(201);
    expect((await q('status=unknown')).body.items.map(name)).toEqual(['Zoé Sans Passeport']);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const expectField = async (body: unknown, field: string) => {
      const res = await travel(people.fatou, regs.fatou, body).expect(400);
      expect(res.body.message).toContain(field);
      const named = res.body.details.field ?? res.body.details.fields?.[0]?.field;
      expect(named).toBe(field);
    };
    const arrival = { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T14:05' };
    await expectField({ passport: { nationality: 'XX' } }, 'passport.nationality');
    await expectField({ passport: { nationality: 'Senegal' } }, 'passport.nationality');
    await expectField({ passport: { nationality: 'SN', number: 'A1!' } }, 'passport.number');
    await expectField({ passport: { nationality: 'SN', number: null } }, 'passport.number');
    await expectField(
      { passport: { nationality: 'SN', expiresOn: '2020-01-01' } },
      'passport.expiresOn',
    );
    await expectField(
      { passport: { nationality: 'SN', expiresOn: '2031-02-30' } },
      'passport.expiresOn',
    );
    await expectField({ arrival: { ...arrival, airport: 'TN' } }, 'arrival.airport');
    await expectField({ arrival: { ...arrival, airport: 'T1G' } }, 'arrival.airport');
    await expectField({ departure: { ...arrival, airport: 'TANGIER' } }, 'departure.airport');
    await expectField(
      { arrival: { ...arrival, flightNumber: 'the blue one' } },
      'arrival.flightNumber',
    );
    await expectField({ arrival: { ...arrival, at: '2027-10-24 14:05' } }, 'arrival.at');
    await expectField({ arrival: { ...arrival, at: '2027-13-01T10:00' } }, 'arrival.at');
    await expectField({ arrival: { ...arrival, at: '2027-02-30T25:61' } }, 'arrival.at');
    await expectField({ arrival: { ...arrival, at: 'tomorrow' } }, 'arrival.at');
    await expectField(
      { arrival: { ...arrival, airportTimezone: 'Mars/Olympus' } },
      'arrival.airportTimezone',
    );
    await expectField(
      {
        arrival,
        departure: { flightNumber: 'AT570', airport: 'TNG', at: '2027-10-20T10:00' },
      },
      'departure.at',
    );
    await expectField({ passport: 'B1234567' }, 'passport');
    // Nothing of the above was stored.
    const res = await http().get(`/api/registrations/${regs.fatou}/travel`).set(people.fatou.auth);
    expect(res.body.passport).toMatchObject({ nationality: 'SN', expiresOn: '2028-01-15' });
    expect(res.body.arrival).toBeNull();
  });

  it('removes a section sent as null', async () => {
    const res = await travel(people.lucia, regs.lucia, { arrival: null }).expect(200);
    expect(res.body.arrival).toBeNull();
    expect(res.body.passport.nationality).toBe('PE');
  });

  it('answers bad visa moves and board filters with a 400 naming the field', async () => {
    const note = await http()
      .patch(`/api/registrations/${regs.lucia}/visa`)
      .set(organiser.auth)
      .send({ status: 'letter_issued', note: 'x'.repeat(1001) })
      .expect(400);
    expect(note.body.message).toMatch(/note/);
    const numeric = await http()
      .patch(`/api/registrations/${regs.lucia}/visa`)
      .set(organiser.auth)
      .send({ status: 'letter_issued', note: 42 })
      .expect(400);
    expect(numeric.body.message).toMatch(/note/);
    // Neither bad request moved the visa.
    const lucia = await http()
      .get(`/api/registrations/${regs.lucia}/travel`)
      .set(people.lucia.auth);
    expect(lucia.body.visa.status).toBe('letter_requested');

    const board = (query: string) =>
      http().get(`/api/events/${eventId}/visas?${query}`).set(organiser.auth).expect(400);
    expect((await board('status=sent')).body.message).toMatch(/status/);
    expect((await board('nationality=XX')).body.message).toMatch(/nationality/);
    expect((await board('passportExpiring=yes')).body.message).toMatch(/passportExpiring/);
    expect((await board(`q=${'a'.repeat(201)}`)).body.message).toMatch(/\bq\b/);
    expect((await board('pageSize=201')).body.message).toMatch(/pageSize/);
    expect((await board('page=0')).body.message).toMatch(/page/);
  });

  it('takes two PUTs of one new plan at the same time in turn: one plan, one first visa status', async () => {
    const ines = await signup(t, { name: 'Inès Kabila', locale: 'fr' });
    const reg = (
      await http()
        .post(`/api/events/${eventId}/registrations`)
        .set(ines.auth)
        .send(registrationBody(orgOuaga))
        .expect(201)
    ).body.id as string;
    const [passport, flight] = await Promise.all([
      travel(ines, reg, {
        passport: { nationality: 'CD', number: 'OP1234567', expiresOn: '2032-01-31' },
      }),
      // The organiser confirms the nationality (keeping the number) and adds the flight.
      travel(organiser, reg, {
        passport: { nationality: 'CD' },
        arrival: { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T14:05' },
      }),
    ]);
    expect([passport.status, flight.status]).toEqual([200, 200]);
    // Neither PUT undid the other's section.
    const plan = await http().get(`/api/registrations/${reg}/travel`).set(ines.auth).expect(200);
    expect(plan.body.passport).toMatchObject({ nationality: 'CD', number: 'OP1234567' });
    expect(plan.body.arrival).toMatchObject({ flightNumber: 'AT571', airport: 'TNG' });
    expect(plan.body.visa.status).toBe('letter_requested');

    const [{ plans }] = await ds.query(
      `SELECT count(*)::int AS plans FROM travel_plans WHERE registration_id = $1`,
      [reg],
    );
    expect(plans).toBe(1);
    const audit = await ds.query(
      `SELECT from_status, to_status FROM visa_status_changes WHERE registration_id = $1`,
      [reg],
    );
    expect(audit).toEqual([{ from_status: null, to_status: 'letter_requested' }]);
  });
});

const name = (i: { account: { name: string } }) => i.account.name;
