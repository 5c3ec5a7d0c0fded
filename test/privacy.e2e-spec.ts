import { DataSource } from 'typeorm';
import { PersonalDataRetention } from '#privacy';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  signup,
  type Session,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const travel = {
  passport: { nationality: 'CD', number: 'OP1234567', expiresOn: '2031-01-31' },
  arrival: { flightNumber: 'AT571', airport: 'TNG', at: '2027-10-24T14:05' },
  departure: { flightNumber: 'AT570', airport: 'TNG', at: '2027-10-31T10:00' },
};

const TRAVEL_COLUMNS = `passport_nationality, passport_number_encrypted, passport_expires_on, arrival_flight,
  arrival_airport, arrival_at, departure_flight, departure_airport, departure_at, visa_status`;
const ERASED_TRAVEL = {
  passport_nationality: null,
  passport_number_encrypted: null,
  passport_expires_on: null,
  arrival_flight: null,
  arrival_airport: null,
  arrival_at: null,
  departure_flight: null,
  departure_airport: null,
  departure_at: null,
};

const sensitive = {
  phone: '+243 81 000 0000',
  dietary: 'Halal',
  accessibility: 'Walks with a cane',
  emergencyContact: { name: 'Mariam Kabila', phone: '+243 82 111 1111', relation: 'sister' },
};

describe('personal data is erased when no longer needed', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp('privacy');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    orgId = (await createOrganisation(t, admin, { country: 'CD' })).id;
  });
  afterAll(() => t.close());

  /** An event with one registration full of sensitive fields, then moved `endedDaysAgo` into the past. */
  async function pastEvent(endedDaysAgo: number, capacity = 30) {
    const event = await createEvent(t, admin, { capacity, timezone: 'Africa/Kinshasa' });
    const person = await signup(t, { name: 'Joseph Mukendi' });
    const reg = await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set(person.auth)
      .send(registrationBody(orgId, sensitive))
      .expect(201);
    await t
      .http()
      .put(`/api/events/${event.id}/visa-rules`)
      .set(admin.auth)
      .send({ visaRequiredFor: ['CD'] })
      .expect(200);
    await t
      .http()
      .put(`/api/registrations/${reg.body.id}/travel`)
      .set(person.auth)
      .send(travel)
      .expect(200);
    await ds.query(
      `UPDATE events SET start_date = current_date - ($2::int + 2), end_date = current_date - $2::int WHERE id = $1`,
      [event.id, endedDaysAgo],
    );
    return { event, person, registrationId: reg.body.id as string };
  }

  it('refuses to erase before the event is over, and refuses non-organisers', async () => {
    const running = await createEvent(t, admin);
    const res = await t
      .http()
      .post(`/api/events/${running.id}/erase-personal-data`)
      .set(admin.auth)
      .expect(409);
    expect(res.body.message).toMatch(/once the event is over/);
    const { event, person } = await pastEvent(3);
    await t.http().post(`/api/events/${event.id}/erase-personal-data`).set(person.auth).expect(403);
    // Organising another event gives no hold on this one.
    const elsewhere = await signup(t);
    await t
      .http()
      .post(`/api/events/${running.id}/staff`)
      .set(admin.auth)
      .send({ accountId: elsewhere.id, role: 'organiser' })
      .expect(201);
    await t
      .http()
      .post(`/api/events/${event.id}/erase-personal-data`)
      .set(elsewhere.auth)
      .expect(403);
    const [row] = await ds.query(
      `SELECT r.phone, e.personal_data_erased_at FROM registrations r JOIN events e ON e.id = r.event_id
        WHERE r.event_id = $1`,
      [event.id],
    );
    expect(row).toEqual({ phone: sensitive.phone, personal_data_erased_at: null });
  });

  it('erases phones, needs and emergency contacts but keeps who came, and does it once', async () => {
    const { event, person, registrationId } = await pastEvent(2);
    const before = await t.http().get(`/api/events/${event.id}/stats`).set(admin.auth).expect(200);
    const own = await t
      .http()
      .get(`/api/registrations/${registrationId}`)
      .set(person.auth)
      .expect(200);
    expect(own.body).toMatchObject({ phone: sensitive.phone, dietary: 'Halal' });

    const erased = await t
      .http()
      .post(`/api/events/${event.id}/erase-personal-data`)
      .set(admin.auth)
      .expect(200);
    expect(erased.body).toMatchObject({
      eventId: event.id,
      registrationsErased: 1,
      travelPlansErased: 1,
    });

    const after = await t
      .http()
      .get(`/api/registrations/${registrationId}`)
      .set(admin.auth)
      .expect(200);
    expect(after.body).toMatchObject({
      status: 'confirmed',
      organisationId: orgId,
      profession: 'social_worker',
      phone: null,
      dietary: null,
      accessibility: null,
      emergencyContact: null,
    });
    const stats = await t.http().get(`/api/events/${event.id}/stats`).set(admin.auth).expect(200);
    expect(stats.body).toEqual(before.body);
    // Passport and flights are gone; whether a visa was needed, and its history, stay.
    const [plan] = await ds.query(
      `SELECT ${TRAVEL_COLUMNS} FROM travel_plans WHERE registration_id = $1`,
      [registrationId],
    );
    expect(plan).toEqual({ ...ERASED_TRAVEL, visa_status: 'letter_requested' });
    const [{ changes }] = await ds.query(
      `SELECT count(*)::int AS changes FROM visa_status_changes WHERE registration_id = $1`,
      [registrationId],
    );
    expect(changes).toBe(1);
    const afterErasure = await t
      .http()
      .get(`/api/registrations/${registrationId}/travel`)
      .set(person.auth)
      .expect(200);
    expect(afterErasure.body).toMatchObject({ passport: null, arrival: null, departure: null });
    expect(afterErasure.body.visa.status).toBe('letter_requested');
    await t
      .http()
      .put(`/api/registrations/${registrationId}/travel`)
      .set(person.auth)
      .send({ passport: travel.passport })
      .expect(409);
    const view = await t.http().get(`/api/events/${event.id}`).set(admin.auth).expect(200);
    expect(view.body.personalDataErasedAt).toBe(erased.body.erasedAt);

    const again = await t
      .http()
      .post(`/api/events/${event.id}/erase-personal-data`)
      .set(admin.auth)
      .expect(200);
    expect(again.body).toMatchObject({
      registrationsErased: 0,
      travelPlansErased: 0,
      erasedAt: erased.body.erasedAt,
    });
  });

  it('erases room wishes and the hotel copies of the rooming list with the event', async () => {
    const { event, registrationId } = await pastEvent(2);
    const [hotel] = (await ds.query(
      `INSERT INTO accommodation_hotels (event_id, name, address, city)
       VALUES ($1, 'Hôtel Continental', '36 Rue Dar El Baroud', 'Tanger') RETURNING id`,
      [event.id],
    )) as Array<{ id: string }>;
    await ds.query(
      `INSERT INTO accommodation_stays (registration_id, event_id, room_preference, share_with,
         room_needs, share_needs_with_hotel)
       VALUES ($1, $2, 'shared', 'Lucía Peña', 'Ground floor: wheelchair', true)`,
      [registrationId, event.id],
    );
    await ds.query(`INSERT INTO rooming_list_sends (hotel_id, lines) VALUES ($1, $2)`, [
      hotel.id,
      JSON.stringify([{ name: 'Awa Diallo', needs: 'Ground floor: wheelchair' }]),
    ]);

    await t.http().post(`/api/events/${event.id}/erase-personal-data`).set(admin.auth).expect(200);

    const [stay] = await ds.query(
      `SELECT room_preference, share_with, room_needs, share_needs_with_hotel
         FROM accommodation_stays WHERE registration_id = $1`,
      [registrationId],
    );
    expect(stay).toEqual({
      room_preference: 'shared',
      share_with: null,
      room_needs: null,
      share_needs_with_hotel: false,
    });
    const [{ copies }] = await ds.query(
      `SELECT count(*)::int AS copies FROM rooming_list_sends WHERE hotel_id = $1`,
      [hotel.id],
    );
    expect(copies).toBe(0);
  });

  it('sweeps only the events past the retention period, and dead login links', async () => {
    const old = await pastEvent(100);
    const recent = await pastEvent(10);
    const person = await signup(t);
    await t.http().post('/api/auth/magic-link').send({ email: person.email }).expect(202);
    await ds.query(
      `UPDATE magic_link_tokens SET expires_at = now() - interval '2 days' WHERE account_id = $1`,
      [person.id],
    );

    const result = await t.app.get(PersonalDataRetention).sweep(90);
    expect(result.events.map((e) => e.eventId)).toContain(old.event.id);
    expect(result.events.map((e) => e.eventId)).not.toContain(recent.event.id);
    expect(result.loginTokensDeleted).toBeGreaterThanOrEqual(1);

    const [oldRow] = await ds.query(
      `SELECT phone, emergency_contact_phone FROM registrations WHERE id = $1`,
      [old.registrationId],
    );
    const [recentRow] = await ds.query(`SELECT phone FROM registrations WHERE id = $1`, [
      recent.registrationId,
    ]);
    expect(oldRow).toEqual({ phone: null, emergency_contact_phone: null });
    expect(recentRow.phone).toBe(sensitive.phone);
    const [oldPlan] = await ds.query(
      `SELECT ${TRAVEL_COLUMNS} FROM travel_plans WHERE registration_id = $1`,
      [old.registrationId],
    );
    expect(oldPlan).toEqual({ ...ERASED_TRAVEL, visa_status: 'letter_requested' });
    const [recentPlan] = await ds.query(
      `SELECT passport_nationality, arrival_airport FROM travel_plans WHERE registration_id = $1`,
      [recent.registrationId],
    );
    expect(recentPlan).toEqual({ passport_nationality: 'CD', arrival_airport: 'TNG' });
    const [{ count }] = await ds.query(
      `SELECT count(*)::int FROM magic_link_tokens WHERE account_id = $1`,
      [person.id],
    );
    expect(count).toBe(0);
  });

  describe('erasing one’s account', () => {
    it('cancels live registrations (promoting the next person), anonymises, and ends the session', async () => {
      const event = await createEvent(t, admin, { capacity: 1 });
      const leaving = await signup(t, { name: 'Fatou Ndiaye' });
      const waiting = await signup(t);
      const mine = await t
        .http()
        .post(`/api/events/${event.id}/registrations`)
        .set(leaving.auth)
        .send(registrationBody(orgId, sensitive))
        .expect(201);
      const theirs = await t
        .http()
        .post(`/api/events/${event.id}/registrations`)
        .set(waiting.auth)
        .send(registrationBody(orgId))
        .expect(201);
      expect([mine.body.status, theirs.body.status]).toEqual(['confirmed', 'waitlisted']);
      await t
        .http()
        .put(`/api/registrations/${mine.body.id}/travel`)
        .set(leaving.auth)
        .send(travel)
        .expect(200);

      const feed = await t.http().post('/api/me/calendar-token').set(leaving.auth).expect(201);

      await t.http().delete('/api/me').set(leaving.auth).expect(204);

      const [{ feeds }] = await ds.query(
        `SELECT count(*)::int AS feeds FROM calendar_feeds WHERE account_id = $1`,
        [leaving.id],
      );
      expect(feeds).toBe(0);
      await t.http().get(new URL(feed.body.url).pathname).expect(404);

      await t.http().get('/api/me').set(leaving.auth).expect(401);
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: leaving.email, password: 'a-long-password' })
        .expect(401);
      const promoted = await t
        .http()
        .get(`/api/registrations/${theirs.body.id}`)
        .set(waiting.auth)
        .expect(200);
      expect(promoted.body.status).toBe('confirmed');
      const [account] = await ds.query(
        `SELECT email, name, password_hash, erased_at FROM accounts WHERE id = $1`,
        [leaving.id],
      );
      expect(account).toMatchObject({
        email: `erased-${leaving.id}@erased.invalid`,
        name: 'Erased account',
        password_hash: null,
      });
      expect(account.erased_at).toBeInstanceOf(Date);
      const [reg] = await ds.query(
        `SELECT status, phone, dietary, accessibility, emergency_contact_name,
                emergency_contact_phone, emergency_contact_relation FROM registrations WHERE id = $1`,
        [mine.body.id],
      );
      expect(reg).toEqual({
        status: 'cancelled',
        phone: null,
        dietary: null,
        accessibility: null,
        emergency_contact_name: null,
        emergency_contact_phone: null,
        emergency_contact_relation: null,
      });
      const [plan] = await ds.query(
        `SELECT ${TRAVEL_COLUMNS} FROM travel_plans WHERE registration_id = $1`,
        [mine.body.id],
      );
      expect(plan).toEqual({ ...ERASED_TRAVEL, visa_status: 'not_required' });
      const [{ count }] = await ds.query(
        `SELECT count(*)::int FROM messages WHERE recipient_account_id = $1`,
        [leaving.id],
      );
      expect(count).toBe(0);
    });

    it('refuses while the person is the only organiser of a live event', async () => {
      const organiser = await signup(t);
      const event = await createEvent(t, admin);
      await t
        .http()
        .post(`/api/events/${event.id}/staff`)
        .set(admin.auth)
        .send({ accountId: organiser.id, role: 'organiser' })
        .expect(201);
      const own = await createEvent(t, organiser, { name: 'Immersion Cambodge' });
      const res = await t.http().delete('/api/me').set(organiser.auth).expect(409);
      expect(own.slug).toBe('immersion-cambodge');
      expect(res.body.details.events).toEqual(['Immersion Cambodge']);
      await t.http().get('/api/me').set(organiser.auth).expect(200);
    });
  });
});
