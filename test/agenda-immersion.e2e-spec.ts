import {
  createEvent,
  createOrganisation,
  loginAdmin,
  signup,
  type Session,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * An immersion: two social workers from Ouagadougou spend a week inside the Kinshasa
 * Family House. The host builds nothing new: the same registration, approval, agenda
 * and sign-up tools serve a programme of team meetings, workshops with families and
 * an observation day, shown in Kinshasa time (UTC+1).
 */
describe('an immersion programme', () => {
  let t: TestApp;
  let organiser: Session;
  let host: Session;
  let visitors: Session[];
  let eventId: string;
  let observationId: string;
  let workshopId: string;

  beforeAll(async () => {
    t = await startTestApp('agenda_immersion');
    organiser = await loginAdmin(t);
    const kinshasa = await createOrganisation(t, organiser, {
      name: 'Maison des Familles de Kinshasa',
      country: 'CD',
      city: 'Kinshasa',
      kind: 'family_house',
    });
    const ouaga = await createOrganisation(t, organiser, {
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
      city: 'Ouagadougou',
    });
    host = await signup(t, { name: 'Béatrice Mbuyi', organisationId: kinshasa.id, locale: 'fr' });
    visitors = [
      await signup(t, { name: 'Awa Traoré', organisationId: ouaga.id, locale: 'fr' }),
      await signup(t, { name: 'Issa Ouédraogo', organisationId: ouaga.id, locale: 'fr' }),
    ];

    const event = await createEvent(t, organiser, {
      name: 'Immersion Ouagadougou → Kinshasa 2027',
      kind: 'immersion',
      hostOrganisationId: kinshasa.id,
      timezone: 'Africa/Kinshasa',
      startDate: '2027-03-08',
      endDate: '2027-03-12',
      capacity: 2,
      requiresApproval: true,
      languages: ['fr'],
      venue: { name: 'Maison des Familles', city: 'Kinshasa', country: 'CD' },
    });
    eventId = event.id;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(organiser.auth)
      .send({ accountId: host.id, role: 'host' })
      .expect(201);

    for (const v of visitors) {
      const reg = await t
        .http()
        .post(`/api/events/${eventId}/registrations`)
        .set(v.auth)
        .send(
          registrationBody(ouaga.id, {
            emergencyContact: { name: 'Famille', phone: '+226 70 00 00 01' },
          }),
        )
        .expect(201);
      expect(reg.body.status).toBe('pending');
      await t
        .http()
        .post(`/api/registrations/${reg.body.id}/approve`)
        .set(organiser.auth)
        .expect(200);
    }

    const session = (body: Record<string, unknown>) =>
      t.http().post(`/api/events/${eventId}/sessions`).set(organiser.auth).send(body).expect(201);
    await session({
      kind: 'plenary',
      title: 'Réunion d’équipe du lundi',
      startsAt: '2027-03-08T08:00',
      endsAt: '2027-03-08T09:30',
      facilitatorIds: [host.id],
      language: 'fr',
    });
    workshopId = (
      await session({
        kind: 'workshop',
        title: 'Atelier avec les familles',
        startsAt: '2027-03-09T14:00',
        endsAt: '2027-03-09T16:00',
        capacity: 1,
        signupRequired: true,
        language: 'fr',
      })
    ).body.id;
    observationId = (
      await session({
        kind: 'site_visit',
        title: 'Journée d’observation au centre d’accueil',
        startsAt: '2027-03-10T07:30',
        endsAt: '2027-03-10T17:00',
        siteVisit: {
          hostOrganisationId: kinshasa.id,
          address: 'Avenue de la Justice, Gombe',
          meetingPoint: 'Entrée de la Maison des Familles',
          departureAt: '2027-03-10T07:30',
          returnAt: '2027-03-10T17:00',
          transport: 'minibus',
          seats: 2,
          rules: ['Aucune photo des familles', 'Confidentialité des situations'],
        },
      })
    ).body.id;
    await t
      .http()
      .post(`/api/events/${eventId}/agenda/publish`)
      .set(organiser.auth)
      .expect((r) => expect(r.status).toBeLessThan(300));
  });
  afterAll(() => t.close());

  it('shows the programme day by day in Kinshasa time', async () => {
    const res = await t
      .http()
      .get(`/api/events/${eventId}/agenda`)
      .set(visitors[0].auth)
      .expect(200);
    expect(res.body.days.map((d: { date: string }) => d.date)).toEqual([
      '2027-03-08',
      '2027-03-09',
      '2027-03-10',
      '2027-03-11',
      '2027-03-12',
    ]);
    const monday = res.body.days[0].sessions[0];
    expect(monday).toMatchObject({
      kind: 'plenary',
      startsAt: '2027-03-08T08:00:00+01:00',
      endsAt: '2027-03-08T09:30:00+01:00',
    });
  });

  it('answers an unchanged agenda with 304, so a phone re-downloads nothing', async () => {
    const first = await t
      .http()
      .get(`/api/events/${eventId}/agenda`)
      .set(visitors[1].auth)
      .expect(200);
    expect(first.headers.etag).toBeDefined();
    await t
      .http()
      .get(`/api/events/${eventId}/agenda`)
      .set(visitors[1].auth)
      .set('If-None-Match', first.headers.etag)
      .expect(304);
  });

  it('lets visitors sign up, waitlists the second for the one-place workshop, and asks for the rules', async () => {
    await t
      .http()
      .post(`/api/sessions/${workshopId}/signups`)
      .set(visitors[0].auth)
      .send({})
      .expect(201);
    const second = await t
      .http()
      .post(`/api/sessions/${workshopId}/signups`)
      .set(visitors[1].auth)
      .send({})
      .expect(201);
    expect(second.body.status).toBe('waitlisted');

    await t
      .http()
      .post(`/api/sessions/${observationId}/signups`)
      .set(visitors[0].auth)
      .send({})
      .expect(400);
    for (const v of visitors) {
      const res = await t
        .http()
        .post(`/api/sessions/${observationId}/signups`)
        .set(v.auth)
        .send({ acceptRules: true })
        .expect(201);
      expect(res.body.status).toBe('confirmed');
    }
  });

  it('puts the week in each visitor’s own agenda', async () => {
    const res = await t
      .http()
      .get(`/api/me/agenda?eventId=${eventId}`)
      .set(visitors[0].auth)
      .expect(200);
    const titles = res.body.sessions.map((s: { title: string }) => s.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Réunion d’équipe du lundi',
        'Atelier avec les familles',
        'Journée d’observation au centre d’accueil',
      ]),
    );
  });

  it('shows the host who comes to the observation day, and not the visitors', async () => {
    const list = await t
      .http()
      .get(`/api/sessions/${observationId}/signups`)
      .set(host.auth)
      .expect(200);
    const names = JSON.stringify(list.body);
    expect(names).toContain('Awa Traoré');
    expect(names).toContain('Issa Ouédraogo');
    await t.http().get(`/api/sessions/${observationId}/signups`).set(visitors[0].auth).expect(403);
  });
});
