import { DataSource } from 'typeorm';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Audit issue 11, item 3: an organiser of one event renamed another partner, and the new
 * name then appeared in other events' visa letters. Only platform admins change or delete
 * an organisation; organisers may still add new partners to the directory.
 */
describe('security: who changes an organisation (issue 11, item 3)', () => {
  let t: TestApp;
  let admin: Session;
  let organiser: Session;
  let partner: { id: string; name: string; country: string };

  beforeAll(async () => {
    t = await startTestApp('security_organisations');
    admin = await loginAdmin(t);
    partner = await createOrganisation(t, admin, {
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
      city: 'Ouagadougou',
    });
    // The attacker organises an event of their own: a real organiser, not a stranger.
    organiser = await signup(t, { name: 'Organiser Elsewhere' });
    const event = await createEvent(t, admin);
    await t.app
      .get(DataSource)
      .query(`INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser')`, [
        event.id,
        organiser.id,
      ]);
  });
  afterAll(() => t.close());

  it('refuses an organiser who renames, moves or deletes another partner (403), and nothing changes', async () => {
    const rename = await t
      .http()
      .patch(`/api/organisations/${partner.id}`)
      .set(organiser.auth)
      .send({ name: 'Hacked partner' })
      .expect(403);
    expect(rename.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Only platform admins can change organisations',
    });
    await t
      .http()
      .patch(`/api/organisations/${partner.id}`)
      .set(organiser.auth)
      .send({ country: 'FR', city: 'Paris' })
      .expect(403);
    await t.http().delete(`/api/organisations/${partner.id}`).set(organiser.auth).expect(403);
    const after = await t
      .http()
      .get(`/api/organisations/${partner.id}`)
      .set(organiser.auth)
      .expect(200);
    expect(after.body).toMatchObject({
      name: 'Maison des Familles de Ouagadougou',
      country: 'BF',
      city: 'Ouagadougou',
    });
  });

  it('refuses an organiser who renames a partner they added themselves', async () => {
    const own = await t
      .http()
      .post('/api/organisations')
      .set(organiser.auth)
      .send({ name: 'New partner', country: 'MA', city: 'Tangier' })
      .expect(201);
    await t
      .http()
      .patch(`/api/organisations/${own.body.id}`)
      .set(organiser.auth)
      .send({ name: 'Renamed' })
      .expect(403);
  });

  it('lets a platform admin rename a partner', async () => {
    const res = await t
      .http()
      .patch(`/api/organisations/${partner.id}`)
      .set(admin.auth)
      .send({ name: 'Maison des Familles, Ouagadougou' })
      .expect(200);
    expect(res.body.name).toBe('Maison des Familles, Ouagadougou');
  });
});
