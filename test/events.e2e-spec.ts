import { createEvent, eventBody, loginAdmin, signup, type Session } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('events', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp('events');
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('creates a draft whose creator becomes organiser, with instants in the event zone', async () => {
    const res = await t
      .http()
      .post('/api/events')
      .set(admin.auth)
      .send(
        eventBody({
          name: 'Rencontre de Tanger 2027',
          registrationOpensAt: '2027-03-01T09:00',
          registrationClosesAt: '2027-10-01T18:00:00+01:00',
        }),
      )
      .expect(201);
    expect(res.body).toMatchObject({
      slug: 'rencontre-de-tanger-2027',
      status: 'draft',
      timezone: 'Africa/Casablanca',
      venue: { name: 'Hôtel Continental', city: 'Tangier', country: 'MA' },
      // Morocco has been on UTC+0 all year since 2026-09-20.
      registrationOpensAt: '2027-03-01T09:00:00+00:00',
      registrationClosesAt: '2027-10-01T17:00:00+00:00',
    });
    const staff = await t
      .http()
      .get(`/api/events/${res.body.id}/staff`)
      .set(admin.auth)
      .expect(200);
    expect(staff.body).toEqual([
      expect.objectContaining({ accountId: admin.id, role: 'organiser' }),
    ]);
  });

  it('gives the next slug when one is taken', async () => {
    const a = await createEvent(t, admin, { name: 'Immersion Kinshasa' }, { publish: false });
    const b = await createEvent(t, admin, { name: 'Immersion Kinshasa' }, { publish: false });
    expect([a.slug, b.slug]).toEqual(['immersion-kinshasa', 'immersion-kinshasa-2']);
    await t
      .http()
      .post('/api/events')
      .set(admin.auth)
      .send(eventBody({ slug: a.slug }))
      .expect(409);
  });

  it('gives distinct slugs to events of the same name created at the same moment', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t
          .http()
          .post('/api/events')
          .set(admin.auth)
          .send(eventBody({ name: 'Immersion Manille' })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const slugs = results.map((r) => r.body.slug as string).sort();
    expect(new Set(slugs).size).toBe(6);
    expect(slugs).toContain('immersion-manille');
  });

  it('keeps drafts hidden from everyone but their staff', async () => {
    const participant = await signup(t);
    const draft = await createEvent(t, admin, {}, { publish: false });
    await t.http().get(`/api/events/${draft.id}`).set(participant.auth).expect(404);
    await t.http().get(`/api/events/${draft.id}`).expect(404);
    const list = await t.http().get('/api/events?pageSize=200').set(participant.auth).expect(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(draft.id);

    await t.http().post(`/api/events/${draft.id}/publish`).set(admin.auth).expect(200);
    const visible = await t.http().get(`/api/events/${draft.id}`).expect(200);
    expect(visible.body.status).toBe('published');
  });

  it('moves through publish, close, reopen and archive, refusing impossible steps', async () => {
    const e = await createEvent(t, admin, {}, { publish: false });
    await t.http().post(`/api/events/${e.id}/close`).set(admin.auth).expect(409);
    await t.http().post(`/api/events/${e.id}/publish`).set(admin.auth).expect(200);
    await t.http().post(`/api/events/${e.id}/publish`).set(admin.auth).expect(409);
    await t.http().post(`/api/events/${e.id}/close`).set(admin.auth).expect(200);
    await t.http().post(`/api/events/${e.id}/reopen`).set(admin.auth).expect(200);
    const archived = await t.http().post(`/api/events/${e.id}/archive`).set(admin.auth).expect(200);
    expect(archived.body.status).toBe('archived');
    await t.http().patch(`/api/events/${e.id}`).set(admin.auth).send({ capacity: 10 }).expect(409);
    await t.http().delete(`/api/events/${e.id}`).set(admin.auth).expect(409);
  });

  it('lets organisers edit and add staff, and nobody else', async () => {
    const organiser = await signup(t);
    const participant = await signup(t);
    const e = await createEvent(t, admin);
    await t.http().post('/api/events').set(participant.auth).send(eventBody()).expect(403);
    await t
      .http()
      .patch(`/api/events/${e.id}`)
      .set(participant.auth)
      .send({ capacity: 99 })
      .expect(403);
    await t
      .http()
      .post(`/api/events/${e.id}/staff`)
      .set(participant.auth)
      .send({ accountId: participant.id, role: 'organiser' })
      .expect(403);

    await t
      .http()
      .post(`/api/events/${e.id}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    const patched = await t
      .http()
      .patch(`/api/events/${e.id}`)
      .set(organiser.auth)
      .send({ capacity: 45, endDate: '2027-10-31' })
      .expect(200);
    expect(patched.body).toMatchObject({ capacity: 45, endDate: '2027-10-31' });
    // An organiser of one event can start the next edition but has no rights on others'.
    const own = await createEvent(t, organiser, { name: 'Immersion Manila' });
    const other = await createEvent(t, admin);
    await t
      .http()
      .patch(`/api/events/${other.id}`)
      .set(organiser.auth)
      .send({ capacity: 1 })
      .expect(403);
    await t
      .http()
      .patch(`/api/events/${own.id}`)
      .set(admin.auth)
      .send({ capacity: 12 })
      .expect(200);
  });

  it('keeps at least one organiser', async () => {
    const e = await createEvent(t, admin);
    await t
      .http()
      .delete(`/api/events/${e.id}/staff/${admin.id}/organiser`)
      .set(admin.auth)
      .expect(409);
  });

  it('validates dates, zones, kinds and the registration window', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ startDate: '2027-02-30' }, 'startDate'],
      [{ endDate: '2027-10-20' }, 'endDate'],
      [{ kind: 'party' }, 'kind'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: '30' }, 'capacity'],
      [{ languages: ['de'] }, 'languages'],
      [{ venue: { country: 'ZZ' } }, 'venue.country'],
      [{ registrationOpensAt: 'next monday' }, 'registrationOpensAt'],
      [
        { registrationOpensAt: '2027-06-01T09:00', registrationClosesAt: '2027-05-01T09:00' },
        'registrationClosesAt',
      ],
      [{ kind: 'immersion' }, 'hostOrganisationId'],
      [{ hostOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'hostOrganisationId'],
      [{ organiser: 'me' }, 'organiser'],
    ];
    for (const [override, field] of cases) {
      const res = await t.http().post('/api/events').set(admin.auth).send(eventBody(override));
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.message).toContain(field.split('.').pop());
    }
  });

  it('lists published events without logging in, newest first, with filters', async () => {
    const res = await t
      .http()
      .get('/api/events?status=published&kind=meeting&pageSize=5')
      .expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const e of res.body.items)
      expect(e).toMatchObject({ status: 'published', kind: 'meeting' });
    await t.http().get('/api/events?status=secret').expect(400);
  });
});
