import {
  createEvent,
  createOrganisation,
  loginAdmin,
  signup,
  type Session,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('organisations', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp('organisations');
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('creates, reads, updates and deletes a partner', async () => {
    const created = await t
      .http()
      .post('/api/organisations')
      .set(admin.auth)
      .send({
        name: 'Casa de las Familias',
        country: 'pe',
        city: 'Lima',
        kind: 'family_house',
        website: 'https://casa.example.org',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Casa de las Familias',
      country: 'PE',
      kind: 'family_house',
    });
    const id = created.body.id;
    await t.http().get(`/api/organisations/${id}`).set(admin.auth).expect(200);
    const updated = await t
      .http()
      .patch(`/api/organisations/${id}`)
      .set(admin.auth)
      .send({ city: 'Cusco' })
      .expect(200);
    expect(updated.body).toMatchObject({ city: 'Cusco', country: 'PE' });
    await t.http().delete(`/api/organisations/${id}`).set(admin.auth).expect(204);
    await t.http().get(`/api/organisations/${id}`).set(admin.auth).expect(404);
  });

  it('refuses a bad country code, naming the field', async () => {
    const res = await t
      .http()
      .post('/api/organisations')
      .set(admin.auth)
      .send({ name: 'X', country: 'XX' })
      .expect(400);
    expect(res.body.message).toMatch(/country/);
    expect(res.body.details.fields).toEqual([expect.objectContaining({ field: 'country' })]);
  });

  it('refuses the same name twice in one country but allows it in another', async () => {
    await createOrganisation(t, admin, { name: 'Maison des Familles', country: 'BF' });
    await t
      .http()
      .post('/api/organisations')
      .set(admin.auth)
      .send({ name: 'maison des familles', country: 'BF' })
      .expect(409);
    await t
      .http()
      .post('/api/organisations')
      .set(admin.auth)
      .send({ name: 'Maison des Familles', country: 'ML' })
      .expect(201);
  });

  it('searches by text and country, and paginates', async () => {
    for (const [name, country, city] of [
      ['Solidarité Dakar', 'SN', 'Dakar'],
      ['Jappo Thiès', 'SN', 'Thiès'],
      ['Badenya', 'ML', 'Ségou'],
    ]) {
      await createOrganisation(t, admin, { name, country, city });
    }
    const senegal = await t.http().get('/api/organisations?country=SN').set(admin.auth).expect(200);
    expect(senegal.body.items.map((o: { name: string }) => o.name)).toEqual([
      'Jappo Thiès',
      'Solidarité Dakar',
    ]);
    for (const q of ['ségou', 'Segou', 'SEGOU']) {
      const search = await t
        .http()
        .get(`/api/organisations?q=${encodeURIComponent(q)}`)
        .set(admin.auth)
        .expect(200);
      expect(search.body.items.map((o: { name: string }) => o.name)).toEqual(['Badenya']);
    }
    const noAccent = await t
      .http()
      .get('/api/organisations?q=solidarite')
      .set(admin.auth)
      .expect(200);
    expect(noAccent.body.items.map((o: { name: string }) => o.name)).toEqual(['Solidarité Dakar']);
    const page = await t
      .http()
      .get('/api/organisations?pageSize=2&page=2')
      .set(admin.auth)
      .expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.total).toBeGreaterThanOrEqual(5);
    expect(page.body.items).toHaveLength(2);
    await t.http().get('/api/organisations?pageSize=1000').set(admin.auth).expect(400);
  });

  it('lets participants read the directory but not edit it', async () => {
    const participant = await signup(t);
    const org = await createOrganisation(t, admin);
    await t.http().get('/api/organisations').set(participant.auth).expect(200);
    await t
      .http()
      .post('/api/organisations')
      .set(participant.auth)
      .send({ name: 'Mine', country: 'FR' })
      .expect(403);
    await t
      .http()
      .patch(`/api/organisations/${org.id}`)
      .set(participant.auth)
      .send({ city: 'Nowhere' })
      .expect(403);
    await t.http().delete(`/api/organisations/${org.id}`).set(participant.auth).expect(403);
    await t.http().get('/api/organisations').expect(401);
  });

  it('refuses to delete a partner that hosts an immersion', async () => {
    const host = await createOrganisation(t, admin, { country: 'CD' });
    await createEvent(t, admin, {
      kind: 'immersion',
      hostOrganisationId: host.id,
      timezone: 'Africa/Kinshasa',
    });
    await t.http().delete(`/api/organisations/${host.id}`).set(admin.auth).expect(409);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    await t
      .http()
      .get('/api/organisations/00000000-0000-4000-8000-000000000000')
      .set(admin.auth)
      .expect(404);
    await t.http().get('/api/organisations/not-a-uuid').set(admin.auth).expect(404);
  });
});
