import { DataSource } from 'typeorm';
import { register } from './support/agenda-fixtures.js';
import { createEvent, createOrganisation, loginAdmin, type Session } from './support/factories.js';
import { fastAccounts } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Social workers of Kogl Taaba (Ouagadougou) spend a week inside Solidarité Batoto's
 * Family House in Kinshasa and keep a journal. What they keep private stays theirs: the
 * host, the organisers and the other visitor find nothing, through every endpoint.
 */
describe('learning journals of an immersion', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Session;
  let organiser: Session;
  let hostStaff: Session;
  let hostColleague: Session;
  let awa: Session;
  let issa: Session;
  let visitingManager: Session;
  let remoteManager: Session;
  let stranger: Session;
  let eventId: string;
  let privateId: string;
  let hostOnlyId: string;
  let networkId: string;

  beforeAll(async () => {
    t = await startTestApp('learning');
    db = t.app.get(DataSource);
    admin = await loginAdmin(t);
    const batoto = await createOrganisation(t, admin, {
      name: 'Solidarité Batoto',
      country: 'CD',
      city: 'Kinshasa',
    });
    const kogl = await createOrganisation(t, admin, {
      name: 'Kogl Taaba',
      country: 'BF',
      city: 'Ouagadougou',
    });
    const other = await createOrganisation(t, admin, { name: 'Cameleon', country: 'PH' });
    [organiser, hostStaff, hostColleague, awa, issa, visitingManager, stranger, remoteManager] =
      await fastAccounts(t, 8, { prefix: 'learning', locale: 'fr' });
    const named = async (who: Session, name: string, org: string) =>
      db.query(`UPDATE accounts SET name = $2, organisation_id = $3 WHERE id = $1`, [
        who.id,
        name,
        org,
      ]);
    await named(organiser, 'Claire Organisatrice', other.id);
    await named(hostStaff, 'Béatrice Mbuyi', batoto.id);
    await named(hostColleague, 'Patrick Ilunga', batoto.id);
    await named(awa, 'Awa Traoré', kogl.id);
    await named(issa, 'Issa Ouédraogo', kogl.id);
    await named(visitingManager, 'Mariam Sawadogo', kogl.id);
    await named(stranger, 'Maria Santos', other.id);
    // A manager of Kogl Taaba whose own account belongs to another partner.
    await named(remoteManager, 'Issouf Sanou', other.id);
    await db.query(
      `INSERT INTO organisation_managers (account_id, organisation_id) VALUES ($1, $2)`,
      [remoteManager.id, kogl.id],
    );
    eventId = (
      await createEvent(t, admin, {
        name: 'Immersion Ouagadougou → Kinshasa 2027',
        kind: 'immersion',
        hostOrganisationId: batoto.id,
        timezone: 'Africa/Kinshasa',
        startDate: '2027-03-08',
        endDate: '2027-03-12',
        languages: ['fr'],
        venue: { name: 'Maison des Familles', city: 'Kinshasa', country: 'CD' },
      })
    ).id;
    const staff = (who: Session, role: string) =>
      t
        .http()
        .post(`/api/events/${eventId}/staff`)
        .set(admin.auth)
        .send({ accountId: who.id, role })
        .expect(201);
    await staff(organiser, 'organiser');
    await staff(hostStaff, 'host');
    await register(t, eventId, awa, kogl.id);
    await register(t, eventId, issa, kogl.id);
    // The immersion is an exchange: Kogl Taaba visits Solidarité Batoto.
    await db.query(
      `INSERT INTO exchanges (event_id, visiting_organisation_id, host_organisation_id)
       VALUES ($1, $2, $3)`,
      [eventId, kogl.id, batoto.id],
    );
  });
  afterAll(() => t.close());

  const put = (who: Session, day: string, body: Record<string, unknown>) =>
    t.http().put(`/api/events/${eventId}/journal/${day}`).set(who.auth).send(body);

  it('gives each visitor one entry per day of the immersion, private by default', async () => {
    const res = await put(awa, '2027-03-08', {
      observations: 'La réunion d’équipe du matin commence par les familles accueillies la veille.',
      questions: 'Comment l’équipe décide-t-elle qui suit quelle famille ?',
      practice: 'Un tour de table de dix minutes chaque matin.',
    }).expect(200);
    expect(res.body).toMatchObject({ day: '2027-03-08', sharing: 'private', answer: null });
    privateId = res.body.id;
    // The same day again rewrites it; it does not add a second entry.
    const again = await put(awa, '2027-03-08', {
      observations: 'La réunion d’équipe commence par les familles accueillies la veille.',
    }).expect(200);
    expect(again.body.id).toBe(privateId);
    expect(again.body.questions).toBe('');

    const mine = await t.http().get(`/api/events/${eventId}/journal`).set(awa.auth).expect(200);
    expect(mine.body.days.map((d: { day: string }) => d.day)).toEqual([
      '2027-03-08',
      '2027-03-09',
      '2027-03-10',
      '2027-03-11',
      '2027-03-12',
    ]);
    expect(mine.body.days[0].entry.id).toBe(privateId);
    expect(mine.body.days[1].entry).toBeNull();
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const field = async (
      p: Promise<{
        status: number;
        body: { details?: { field?: string; fields?: Array<{ field: string }> } };
      }>,
    ) => {
      const res = await p;
      expect(res.status).toBe(400);
      return res.body.details?.field ?? res.body.details?.fields?.[0]?.field;
    };
    expect(await field(put(awa, '2027-03-13', { observations: 'Après la fin' }))).toBe('day');
    expect(await field(put(awa, 'yesterday', { observations: 'x' }))).toBe('day');
    expect(await field(put(awa, '2027-03-09', { practice: 'x'.repeat(2001) }))).toBe('practice');
    expect(await field(put(awa, '2027-03-09', { observations: '   ' }))).toBe('observations');
    expect(await field(put(awa, '2027-03-09', { questions: 'ok', sharing: 'everyone' }))).toBe(
      'sharing',
    );
    expect(await field(put(awa, '2027-03-09', { questions: 42 }))).toBe('questions');
  });

  it('keeps a private entry from the host, the organisers and the other visitor (404 everywhere)', async () => {
    for (const who of [hostStaff, hostColleague, organiser, admin, issa, stranger, remoteManager]) {
      await t.http().get(`/api/journal-entries/${privateId}`).set(who.auth).expect(404);
      await t
        .http()
        .patch(`/api/journal-entries/${privateId}`)
        .set(who.auth)
        .send({ observations: 'réécrit' })
        .expect(404);
      await t
        .http()
        .put(`/api/journal-entries/${privateId}/sharing`)
        .set(who.auth)
        .send({ sharing: 'network' })
        .expect(404);
      await t
        .http()
        .put(`/api/journal-entries/${privateId}/answer`)
        .set(who.auth)
        .send({ body: 'Merci' })
        .expect(404);
      await t.http().delete(`/api/journal-entries/${privateId}`).set(who.auth).expect(404);
    }
    const shared = await t
      .http()
      .get(`/api/events/${eventId}/shared-journal`)
      .set(hostStaff.auth)
      .expect(200);
    expect(shared.body.entries).toEqual([]);
    // Only visitors keep a journal; the other visitor's is empty.
    await t.http().get(`/api/events/${eventId}/journal`).set(hostStaff.auth).expect(404);
    const theirs = await t.http().get(`/api/events/${eventId}/journal`).set(issa.auth).expect(200);
    expect(theirs.body.days.every((d: { entry: unknown }) => d.entry === null)).toBe(true);
    // Visitors and strangers do not read the host's page.
    for (const who of [awa, issa, stranger, visitingManager, remoteManager]) {
      await t.http().get(`/api/events/${eventId}/shared-journal`).set(who.auth).expect(404);
    }
  });

  it('shows an entry shared with the host to the host team, who may answer', async () => {
    hostOnlyId = (
      await put(issa, '2027-03-09', {
        observations: 'Atelier avec les familles : les parents animent une partie de la séance.',
        questions: 'Comment préparer les parents à animer ?',
        sharing: 'host',
      }).expect(200)
    ).body.id;
    for (const who of [hostStaff, hostColleague, organiser]) {
      const res = await t
        .http()
        .get(`/api/journal-entries/${hostOnlyId}`)
        .set(who.auth)
        .expect(200);
      expect(res.body.author).toEqual({ name: 'Issa Ouédraogo', organisation: 'Kogl Taaba' });
    }
    // The other visitor and the visiting organisation's people do not.
    for (const who of [awa, visitingManager, remoteManager, stranger]) {
      await t.http().get(`/api/journal-entries/${hostOnlyId}`).set(who.auth).expect(404);
    }
    const answered = await t
      .http()
      .put(`/api/journal-entries/${hostOnlyId}/answer`)
      .set(hostStaff.auth)
      .send({ body: 'Nous les préparons la veille, avec une fiche. Venez demain à 8 h.' })
      .expect(200);
    expect(answered.body.answer).toMatchObject({
      body: 'Nous les préparons la veille, avec une fiche. Venez demain à 8 h.',
      authorName: 'Béatrice Mbuyi',
    });
    const bad = await t
      .http()
      .put(`/api/journal-entries/${hostOnlyId}/answer`)
      .set(hostStaff.auth)
      .send({ body: 'x'.repeat(2001) })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('body');
    const mine = await t
      .http()
      .get(`/api/journal-entries/${hostOnlyId}`)
      .set(issa.auth)
      .expect(200);
    expect(mine.body.answer.body).toContain('fiche');
    const shared = await t
      .http()
      .get(`/api/events/${eventId}/shared-journal`)
      .set(hostColleague.auth)
      .expect(200);
    expect(shared.body.entries.map((e: { id: string }) => e.id)).toEqual([hostOnlyId]);
  });

  it('puts only entries shared with the network in the report; unsharing takes them out', async () => {
    networkId = (
      await put(awa, '2027-03-10', {
        observations: 'Les visites à domicile se font toujours à deux.',
        practice: 'Essayer les visites en binôme à Ouagadougou.',
      }).expect(200)
    ).body.id;
    await t
      .http()
      .put(`/api/journal-entries/${networkId}/sharing`)
      .set(awa.auth)
      .send({ sharing: 'network' })
      .expect(200);
    await t
      .http()
      .put(`/api/journal-entries/${networkId}/answer`)
      .set(organiser.auth)
      .send({ body: 'Le binôme protège aussi les travailleurs sociaux.' })
      .expect(200);

    const report = async (who: Session) =>
      (await t.http().get(`/api/events/${eventId}/exchange-report`).set(who.auth).expect(200)).body;
    for (const who of [
      organiser,
      hostStaff,
      hostColleague,
      awa,
      issa,
      visitingManager,
      remoteManager,
    ]) {
      const r = await report(who);
      expect(r.entries.map((e: { id: string }) => e.id)).toEqual([networkId]);
      expect(r.entries[0].answer.body).toContain('binôme');
    }
    const r = await report(awa);
    expect(r.locale).toBe('fr');
    expect(r.partners.host.name).toBe('Solidarité Batoto');
    expect(r.partners.visiting.map((o: { name: string }) => o.name)).toEqual(['Kogl Taaba']);
    expect(r.visitors.map((v: { name: string }) => v.name)).toEqual([
      'Awa Traoré',
      'Issa Ouédraogo',
    ]);
    const text = JSON.stringify(r);
    expect(text).not.toContain('réunion d’équipe');
    expect(text).not.toContain('parents animent');
    await t.http().get(`/api/events/${eventId}/exchange-report`).set(stranger.auth).expect(404);
    await t.http().get(`/api/events/${eventId}/exchange-report?lang=de`).set(awa.auth).expect(400);

    // Unshared: out of the report, and the host sees neither it nor the answer.
    await t
      .http()
      .put(`/api/journal-entries/${networkId}/sharing`)
      .set(awa.auth)
      .send({ sharing: 'private' })
      .expect(200);
    expect((await report(hostStaff)).entries).toEqual([]);
    await t.http().get(`/api/journal-entries/${networkId}`).set(hostStaff.auth).expect(404);
    const own = await t.http().get(`/api/journal-entries/${networkId}`).set(awa.auth).expect(200);
    expect(own.body.answer).toBeNull();
    // Shared again, it comes back with its answer.
    await t
      .http()
      .patch(`/api/journal-entries/${networkId}`)
      .set(awa.auth)
      .send({ sharing: 'network' })
      .expect(200);
    expect((await report(hostStaff)).entries[0].answer.body).toContain('binôme');
  });

  it('erases the journal with the account, and gives it in the personal data export', async () => {
    const exported = await t.http().get('/api/me/export').set(awa.auth).expect(200);
    expect(exported.body.learningJournal.entries.map((e: { day: string }) => e.day)).toEqual([
      '2027-03-08',
      '2027-03-10',
    ]);
    const hostExport = await t.http().get('/api/me/export').set(hostStaff.auth).expect(200);
    expect(hostExport.body.learningJournal.answersWritten).toHaveLength(1);

    await t.http().delete('/api/me').set(awa.auth).expect(204);
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM journal_entries WHERE account_id = $1`,
      [awa.id],
    )) as Array<{ n: number }>;
    expect(n).toBe(0);
    const r = await t
      .http()
      .get(`/api/events/${eventId}/exchange-report`)
      .set(organiser.auth)
      .expect(200);
    expect(r.body.entries).toEqual([]);
    // Issa's entry is untouched.
    await t.http().get(`/api/journal-entries/${hostOnlyId}`).set(issa.auth).expect(200);
  });

  it('erases private and host-only entries with the immersion’s personal data, keeping what the report holds', async () => {
    const kept = await put(issa, '2027-03-11', {
      practice: 'Un cahier de liaison avec chaque famille.',
      sharing: 'network',
    }).expect(200);
    // The immersion is over (moved to the past) and its organiser erases its personal data.
    await db.query(
      `UPDATE events SET start_date = '2026-03-08', end_date = '2026-03-12' WHERE id = $1`,
      [eventId],
    );
    await t
      .http()
      .post(`/api/events/${eventId}/erase-personal-data`)
      .set(organiser.auth)
      .expect(200);
    const rows = (await db.query(`SELECT id FROM journal_entries WHERE event_id = $1`, [
      eventId,
    ])) as Array<{ id: string }>;
    expect(rows.map((r) => r.id)).toEqual([kept.body.id]);
  });
});
