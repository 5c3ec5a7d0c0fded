import { DataSource } from 'typeorm';
import { renderMessage } from '#messaging';
import { readIcs } from '../libs/ics/src/testing/read-ics.js';
import { confirmMany } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { fastAccounts } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { WebClient } from './support/web-client.js';

/**
 * Session titles, descriptions and site-visit rules in fr/en/es: readers get theirs
 * (?lang or Accept-Language), else the event's languages in order, and every text says
 * which language it is in; organisers write every translation through the same DTOs.
 */
describe('session texts in several languages', () => {
  let t: TestApp;
  let admin: Session;
  let eventId: string;
  let organisationId: string;
  let sessionId: string;
  let slug: string;

  beforeAll(async () => {
    t = await startTestApp('session_texts');
    admin = await loginAdmin(t);
    organisationId = (await createOrganisation(t, admin)).id;
    const event = await createEvent(t, admin, { languages: ['fr', 'en', 'es'] });
    eventId = event.id;
    slug = event.slug;
    const res = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send({
        kind: 'workshop',
        titles: { fr: 'Écouter les parents', es: 'Escuchar a los padres', en: '  ' },
        descriptions: { fr: 'Un atelier pratique.' },
        startsAt: '2027-10-26T10:00',
        endsAt: '2027-10-26T12:00',
        status: 'published',
      })
      .expect(201);
    sessionId = res.body.id;
    // The plain title is the event's first language's; blank translations are dropped.
    expect(res.body.titles).toEqual({ fr: 'Écouter les parents', es: 'Escuchar a los padres' });
    expect(res.body.title).toBe('Écouter les parents');
  });
  afterAll(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    t.http().get(path).set(headers).expect(200);

  it("answers in the reader's language, saying which language each text is in", async () => {
    const es = (await get(`/api/sessions/${sessionId}`, { 'Accept-Language': 'es-ES,es;q=0.9' }))
      .body;
    expect(es).toMatchObject({
      title: 'Escuchar a los padres',
      titleLanguage: 'es',
      // No Spanish description: the French one, marked French.
      description: 'Un atelier pratique.',
      descriptionLanguage: 'fr',
      titles: { fr: 'Écouter les parents', es: 'Escuchar a los padres' },
    });
    // English is missing: the event's first language (French), and ?lang wins over the header.
    const en = (await get(`/api/sessions/${sessionId}?lang=en`, { 'Accept-Language': 'es' })).body;
    expect(en).toMatchObject({ title: 'Écouter les parents', titleLanguage: 'fr' });
    // Nobody said: the event's first language.
    expect((await get(`/api/sessions/${sessionId}`)).body.titleLanguage).toBe('fr');
  });

  it('carries the reader language through the agenda and the session list', async () => {
    const agenda = (await get(`/api/events/${eventId}/agenda?lang=es`)).body;
    const day = agenda.days.find((d: { date: string }) => d.date === '2027-10-26');
    expect(day.sessions[0]).toMatchObject({ title: 'Escuchar a los padres', titleLanguage: 'es' });
    const list = (await get(`/api/events/${eventId}/sessions`, { 'Accept-Language': 'es' })).body;
    expect(list[0].title).toBe('Escuchar a los padres');
    await t.http().get(`/api/events/${eventId}/sessions?lang=de`).expect(400);
  });

  it('keeps the translations when only the plain title changes, and replaces them when given', async () => {
    const patched = await t
      .http()
      .patch(`/api/sessions/${sessionId}`)
      .set(admin.auth)
      .send({ title: 'Écouter d’abord les parents' })
      .expect(200);
    expect(patched.body.titles).toEqual({
      fr: 'Écouter d’abord les parents',
      es: 'Escuchar a los padres',
    });
    const replaced = await t
      .http()
      .patch(`/api/sessions/${sessionId}`)
      .set(admin.auth)
      .send({ titles: { en: 'Listening to parents first', es: 'Escuchar a los padres' } })
      .expect(200);
    // No French any more: the plain title is the first written in the event's order.
    expect(replaced.body.titles).toEqual({
      en: 'Listening to parents first',
      es: 'Escuchar a los padres',
    });
    expect(replaced.body.title).toBe('Listening to parents first');
    const bad = await t
      .http()
      .patch(`/api/sessions/${sessionId}`)
      .set(admin.auth)
      .send({ titles: { de: 'Eltern zuhören' } })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('titles');
    await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send({ kind: 'workshop', startsAt: '2027-10-27T10:00', endsAt: '2027-10-27T11:00' })
      .expect(400);
  });

  it("gives a site visit's rules in the reader's language", async () => {
    const [participant] = await fastAccounts(t, 1, { organisationId, prefix: 'texts' });
    await confirmMany(t, eventId, [participant], organisationId);
    const visit = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send({
        kind: 'site_visit',
        title: 'Visite du programme',
        startsAt: '2027-10-27T09:00',
        endsAt: '2027-10-27T12:00',
        status: 'published',
        siteVisit: {
          hostOrganisationId: organisationId,
          address: 'Quartier Marshan',
          meetingPoint: 'Hall',
          transport: 'bus',
          seats: 10,
          rulesByLanguage: {
            fr: ['Pas de photos des familles'],
            es: ['Sin fotos de las familias'],
          },
        },
      })
      .expect(201);
    expect(visit.body.siteVisit.rules).toEqual(['Pas de photos des familles']);
    const es = (await get(`/api/sessions/${visit.body.id}?lang=es`)).body;
    expect(es.siteVisit).toMatchObject({
      rules: ['Sin fotos de las familias'],
      rulesLanguage: 'es',
      rulesTexts: { fr: ['Pas de photos des familles'], es: ['Sin fotos de las familias'] },
    });
    const en = (await get(`/api/sessions/${visit.body.id}?lang=en`)).body;
    expect(en.siteVisit).toMatchObject({
      rules: ['Pas de photos des familles'],
      rulesLanguage: 'fr',
    });
    // Signing up still asks for the rules to be accepted.
    await t
      .http()
      .post(`/api/sessions/${visit.body.id}/signups`)
      .set(participant.auth)
      .send({})
      .expect(400);
  });

  it('the console form writes the translations, and pages mark a title shown in another language', async () => {
    const password = 'a-long-password';
    const organiser = await signup(t, { name: 'Nguyễn Thị Minh Khai', password, locale: 'en' });
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    const web = new WebClient(t);
    await web.signIn(organiser.email, password);
    const base = `/console/events/${eventId}/agenda`;
    const form = await web.get(`${base}/sessions/new`);
    expect(form.text).toContain('Title (French)');
    expect(form.text).toContain('name="titles.es"');
    const res = await web.post(`${base}/sessions/new`, {
      kind: 'workshop',
      title: 'Travailler avec les pères',
      'titles.en': '',
      'titles.es': 'Trabajar con los padres',
      description: 'Échanges de pratiques.',
      day: '2027-10-28',
      startsAt: '14:00',
      endsAt: '15:00',
      roomId: '',
    });
    expect(res.status).toBe(303);
    const list = (await get(`/api/events/${eventId}/sessions?lang=es`, admin.auth)).body;
    const made = list.find(
      (x: { titles: Record<string, string> }) => x.titles.fr === 'Travailler avec les pères',
    );
    expect(made).toMatchObject({
      title: 'Trabajar con los padres',
      titles: { fr: 'Travailler avec les pères', es: 'Trabajar con los padres' },
    });
    // The edit form shows each translation, and saving it unchanged keeps them.
    const edit = await web.get(`${base}/sessions/${made.id}/edit`);
    expect(edit.text).toContain('value="Trabajar con los padres"');
    await t.http().post(`/api/sessions/${made.id}/publish`).set(admin.auth).expect(200);

    const visitor = new WebClient(t);
    const es = await visitor.get(`/e/${slug}/sessions/${made.id}?lang=es`);
    expect(es.status).toBe(200);
    expect(es.text).toContain('Trabajar con los padres');
    // No Spanish description: the French one, in French and said to be.
    expect(es.text).toContain('<span lang="fr">Échanges de pratiques.</span>');
    expect(es.text).toContain('(en francés)');
    const en = await visitor.get(`/e/${slug}/sessions/${made.id}?lang=en`);
    expect(en.text).toContain('<span lang="fr">Travailler avec les pères</span>');
    expect(en.text).toContain('(in French)');
    const agenda = await visitor.get(`/e/${slug}/agenda?lang=es`);
    expect(agenda.text).toContain('Trabajar con los padres');
    expect(agenda.text).not.toContain('Travailler avec les pères');
  });

  it("writes calendar files in the reader's language: ?lang for the event file, the owner's for theirs", async () => {
    const summaries = (text: string) => readIcs(text).events.map((e) => e.summary);
    const es = await t.http().get(`/api/events/${eventId}/calendar.ics?lang=es`).expect(200);
    expect(summaries(es.text)).toContain('Escuchar a los padres');
    const one = await t.http().get(`/api/sessions/${sessionId}/calendar.ics?lang=es`).expect(200);
    expect(summaries(one.text)).toEqual(['Escuchar a los padres']);
    // Without ?lang and signed out: the event's first language that has the title.
    const plain = await t.http().get(`/api/sessions/${sessionId}/calendar.ics`).expect(200);
    expect(summaries(plain.text)).toEqual(['Listening to parents first']);
    // A Spanish reader's own calendar: the plenaries of their event in Spanish.
    const [reader] = await fastAccounts(t, 1, { organisationId, locale: 'es', prefix: 'icses' });
    await confirmMany(t, eventId, [reader], organisationId);
    const plenary = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send({
        kind: 'plenary',
        titles: { fr: 'Plénière d’ouverture', es: 'Plenaria de apertura' },
        startsAt: '2027-10-25T09:00',
        endsAt: '2027-10-25T10:00',
        status: 'published',
      })
      .expect(201);
    const mine = await t.http().get('/api/me/calendar.ics').set(reader.auth).expect(200);
    expect(summaries(mine.text)).toContain('Plenaria de apertura');
    expect(plenary.body.id).toBeDefined();
  });

  it("writes emails about a session in the recipient's language", async () => {
    const [fr, es] = [
      ...(await fastAccounts(t, 1, { organisationId, locale: 'fr', prefix: 'mailfr' })),
      ...(await fastAccounts(t, 1, { organisationId, locale: 'es', prefix: 'mailes' })),
    ];
    await confirmMany(t, eventId, [fr, es], organisationId);
    const session = await t
      .http()
      .post(`/api/events/${eventId}/sessions`)
      .set(admin.auth)
      .send({
        kind: 'workshop',
        titles: { fr: 'Les pères au centre', es: 'Los padres en el centro' },
        startsAt: '2027-10-29T16:00',
        endsAt: '2027-10-29T17:00',
        capacity: 1,
        signupRequired: true,
        status: 'published',
      })
      .expect(201);
    const id = session.body.id;
    for (const who of [fr, es]) {
      await t.http().post(`/api/sessions/${id}/signups`).set(who.auth).send({}).expect(201);
    }
    // The French reader leaves: the Spanish one is promoted and told in Spanish.
    await t.http().delete(`/api/sessions/${id}/signups/me`).set(fr.auth).expect(204);
    // A change later is told in Spanish too.
    await t
      .http()
      .patch(`/api/sessions/${id}`)
      .set(admin.auth)
      .send({ startsAt: '2027-10-29T16:30', endsAt: '2027-10-29T17:30' })
      .expect(200);
    const mails: Array<{ template: string; title: string }> = await t.app.get(DataSource).query(
      `SELECT template, payload->>'sessionTitle' AS title FROM messages
          WHERE recipient_account_id = $1 AND template IN ('signup_promoted', 'session_changed')
          ORDER BY created_at`,
      [es.id],
    );
    expect(mails).toEqual([
      { template: 'signup_promoted', title: 'Los padres en el centro' },
      { template: 'session_changed', title: 'Los padres en el centro' },
    ]);
    // The event's name too: the rows carry its translations, the email picks its language.
    const [row]: Array<{ payload: Record<string, unknown> }> = await t.app
      .get(DataSource)
      .query(
        `SELECT payload FROM messages WHERE recipient_account_id = $1 AND template = 'session_changed'`,
        [es.id],
      );
    // Plain text is wrapped at a line length: compare it as one line.
    const oneLine = (text: string) => text.replace(/\s+/g, ' ');
    const withNames = {
      ...row.payload,
      eventNames: { fr: 'Semaine de Tanger', es: 'Semana de Tánger' },
    };
    expect(oneLine(renderMessage('session_changed', 'es', withNames).text)).toContain(
      'Semana de Tánger',
    );
    expect(oneLine(renderMessage('session_changed', 'fr', withNames).text)).toContain(
      'Semaine de Tanger',
    );
    expect(row.payload.eventLanguages).toEqual(['fr', 'en', 'es']);
  });

  it("answers an event's name and description in the reader's language, saying which", async () => {
    const event = await createEvent(t, admin, {
      languages: ['fr', 'es'],
      name: 'Rencontre de Tanger',
      names: { fr: 'Rencontre de Tanger', es: 'Encuentro de Tánger' },
      descriptions: { fr: 'Six jours de travail.' },
    });
    const es = (await get(`/api/events/${event.id}`, { 'Accept-Language': 'es' })).body;
    expect(es).toMatchObject({
      name: 'Encuentro de Tánger',
      nameLanguage: 'es',
      description: 'Six jours de travail.',
      descriptionLanguage: 'fr',
      names: { fr: 'Rencontre de Tanger', es: 'Encuentro de Tánger' },
    });
    const en = (await get(`/api/events/${event.id}?lang=en`)).body;
    expect(en).toMatchObject({ name: 'Rencontre de Tanger', nameLanguage: 'fr' });
    const list = (await get(`/api/events?lang=es&pageSize=100`)).body;
    const listed = list.items.find((e: { id: string }) => e.id === event.id);
    expect(listed.name).toBe('Encuentro de Tánger');
    // Asked for nothing: the plain name, as before.
    expect((await get(`/api/events/${event.id}`)).body.name).toBe('Rencontre de Tanger');
  });
});
