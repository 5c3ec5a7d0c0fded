import { DataSource } from 'typeorm';
import { register, sessionBody } from './support/agenda-fixtures.js';
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

const PASSWORD = 'a-long-password';

/** The feedback pages without a browser: forms posted as a browser with JavaScript off would. */
describe('feedback pages: organisers build a form, participants answer it, results', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let fatou: Session;
  let lucia: Session;
  let amara: Session;
  let outsider: Session;
  let event: { id: string; slug: string };
  let organiserWeb: WebClient;
  let formId: string;

  beforeAll(async () => {
    t = await startTestApp('feedback_pages');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { name: 'Solidarité Batoto', country: 'CD' });
    organiser = await signup(t, { name: 'Nadia Benali', password: PASSWORD, locale: 'fr' });
    fatou = await signup(t, { name: 'Fatou Diallo', password: PASSWORD, locale: 'fr' });
    lucia = await signup(t, { name: 'Lucía Flores', password: PASSWORD, locale: 'es' });
    amara = await signup(t, { name: 'Amara Koné', password: PASSWORD, locale: 'fr' });
    [outsider] = await fastAccounts(t, 1, { prefix: 'feedback-pages' });
    event = await createEvent(t, admin);
    await t
      .http()
      .post(`/api/events/${event.id}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    await register(t, event.id, fatou, org.id);
    await register(t, event.id, lucia, org.id);
    await register(t, event.id, amara, org.id);
    await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(admin.auth)
      .send(sessionBody({ title: 'Visite de la Maison des familles', kind: 'workshop' }))
      .expect(201);
    organiserWeb = new WebClient(t);
    await organiserWeb.signIn(organiser.email, PASSWORD);
  });
  afterAll(() => t.close());

  it('lets organisers create a form and its questions from the console, errors in their language', async () => {
    const base = `/console/events/${event.id}/feedback`;
    const list = await organiserWeb.get(base);
    expect(list.status).toBe(200);
    expect(list.text).toContain('Aucun questionnaire');
    expect(list.text).toContain('Visite de la Maison des familles');
    const empty = await organiserWeb.post(base, { 'titles.fr': ' ', sessionId: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Écrivez un titre dans au moins une langue.');
    const created = await organiserWeb.post(base, {
      'titles.fr': 'Votre avis sur la semaine',
      'titles.en': 'Your view of the week',
      sessionId: '',
      anonymous: 'on',
      opensAt: '2026-01-01T09:00',
      closesAt: '2030-01-01T09:00',
    });
    expect(created.status).toBe(303);
    formId = /feedback\/([0-9a-f-]{36})/.exec(created.headers.location)![1]!;
    const edit = await organiserWeb.get(created.headers.location);
    expect(edit.text).toContain('Le questionnaire est créé');

    const mismatched = await organiserWeb.post(`${base}/${formId}/questions`, {
      kind: 'choice',
      'texts.fr': 'Le rythme ?',
      'options.fr': 'Lent\nJuste\nRapide',
      'options.en': 'Slow\nRight',
    });
    expect(mismatched.status).toBe(400);
    expect(mismatched.text).toContain('le même nombre dans chaque langue');
    const add = (form: Record<string, string>) =>
      organiserWeb.post(`${base}/${formId}/questions`, form);
    expect(
      (
        await add({
          kind: 'rating',
          'texts.fr': 'Note globale',
          'texts.en': 'Overall',
          required: 'on',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await add({
          kind: 'choice',
          'texts.fr': 'Le rythme ?',
          'options.fr': 'Lent\nJuste\nRapide',
          'options.en': 'Slow\nRight\nFast',
          required: 'on',
        })
      ).status,
    ).toBe(303);
    expect(
      (await add({ kind: 'text', 'texts.fr': 'Une idée pour la prochaine fois ?' })).status,
    ).toBe(303);
    const page = await organiserWeb.get(`${base}/${formId}`);
    expect(page.text).toContain('Note globale');
    expect(page.text).toContain('Rapide');
  });

  it('shows participants the forms open to them, and says plainly that this one is anonymous', async () => {
    const web = new WebClient(t);
    await web.signIn(fatou.email, PASSWORD);
    // The event's page leads there for confirmed participants.
    expect((await web.get(`/e/${event.slug}`)).text).toContain(`href="/e/${event.slug}/feedback"`);
    const list = await web.get(`/e/${event.slug}/feedback`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/e/${event.slug}/feedback/${formId}`);
    const form = await web.get(`/e/${event.slug}/feedback/${formId}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('les organisateurs ne sauront pas qui a répondu');
    // Ratings are five labelled radio buttons, no script needed.
    expect(form.text.match(/type="radio"/g)).toHaveLength(8);
    expect(form.text).toContain('1 est mauvais, 5 est excellent.');
    expect(Buffer.byteLength(form.text)).toBeLessThan(14 * 1024);

    const missing = await web.post(`/e/${event.slug}/feedback/${formId}`, {});
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('Répondez à cette question.');
    expect(missing.text).toContain('error-summary');
    const q = (await t.http().get(`/api/feedback-forms/${formId}`).set(fatou.auth)).body
      .questions as Array<{ id: string }>;
    const sent = await web.post(`/e/${event.slug}/feedback/${formId}`, {
      [`q.${q[0]!.id}`]: '4',
      [`q.${q[1]!.id}`]: '1',
      [`q.${q[2]!.id}`]: 'Plus de pauses',
    });
    expect(sent.status).toBe(303);
    const thanks = await web.get(sent.headers.location);
    expect(thanks.text).toContain('Merci : vos réponses sont enregistrées.');
    expect(thanks.text).not.toContain('type="radio"');
    // A second post (back button, double tap) changes nothing.
    const again = await web.post(`/e/${event.slug}/feedback/${formId}`, {
      [`q.${q[0]!.id}`]: '1',
      [`q.${q[1]!.id}`]: '0',
    });
    expect(again.status).toBe(303);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM feedback_responses WHERE form_id = $1`,
      [formId],
    );
    expect(n).toBe(1);
    expect((await web.get(`/e/${event.slug}/feedback`)).text).toContain('Répondu, merci');
  });

  it('reads the form in Spanish where it was written, else in the event’s first language', async () => {
    const web = new WebClient(t);
    await web.signIn(lucia.email, PASSWORD);
    const form = await web.get(`/e/${event.slug}/feedback/${formId}`);
    expect(form.text).toContain('los organizadores no sabrán quién respondió');
    expect(form.text).toContain('Note globale');
    expect(form.text).toContain('lang="fr"');
    const q = (await t.http().get(`/api/feedback-forms/${formId}`).set(lucia.auth)).body
      .questions as Array<{ id: string }>;
    const bad = await web.post(`/e/${event.slug}/feedback/${formId}`, {
      [`q.${q[0]!.id}`]: '9',
      [`q.${q[1]!.id}`]: '1',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Elija una de las respuestas.');
    expect(
      (
        await web.post(`/e/${event.slug}/feedback/${formId}`, {
          [`q.${q[0]!.id}`]: '2',
          [`q.${q[1]!.id}`]: '2',
        })
      ).status,
    ).toBe(303);
  });

  it('hides the form from people who were not there', async () => {
    // Signed out: sign in first, then come back.
    const visitor = await new WebClient(t).get(`/e/${event.slug}/feedback/${formId}`);
    expect([302, 303]).toContain(visitor.status);
    // The organiser did not take part: no form to answer on the participant's page.
    expect((await organiserWeb.get(`/e/${event.slug}/feedback/${formId}`)).status).toBe(404);
    expect((await organiserWeb.get(`/e/${event.slug}/feedback`)).text).not.toContain(formId);
    await t.http().get(`/api/feedback-forms/${formId}`).set(outsider.auth).expect(404);
  });

  it('shows only how many answered while an anonymous form has fewer than three answers', async () => {
    const res = await organiserWeb.get(`/console/events/${event.id}/feedback/${formId}/results`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('2 personnes ont répondu');
    expect(res.text).toContain('Trop peu de réponses pour les montrer sans identifier personne');
    expect(res.text).not.toContain('<svg');
    expect(res.text).not.toContain('Moyenne');
    expect(res.text).not.toContain('Plus de pauses');
    expect(res.text).not.toContain('results.csv');
    const csv = await organiserWeb.get(
      `/console/events/${event.id}/feedback/${formId}/results.csv`,
    );
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      'Réponses;Note',
      '2;Trop peu de réponses pour les montrer sans identifier personne : les réponses apparaissent à partir de la troisième.',
    ]);
    expect(csv.text).not.toContain('Plus de pauses');
  });

  it('draws the results with a table beside each chart, and hands out the CSV for French Excel', async () => {
    // The third answer shows them all.
    const q = (await t.http().get(`/api/feedback-forms/${formId}`).set(amara.auth)).body
      .questions as Array<{ id: string }>;
    await t
      .http()
      .post(`/api/feedback-forms/${formId}/answers`)
      .set(amara.auth)
      .send({
        answers: [
          { questionId: q[0]!.id, rating: 3 },
          { questionId: q[1]!.id, choice: 1 },
        ],
      })
      .expect(201);
    const res = await organiserWeb.get(`/console/events/${event.id}/feedback/${formId}/results`);
    expect(res.status).toBe(200);
    expect(res.text.match(/<svg/g)).toHaveLength(2);
    expect(res.text).toContain('Moyenne 3 sur 5');
    expect(res.text).toContain('3 personnes ont répondu');
    expect(res.text).not.toContain('Trop peu de réponses');
    expect(res.text).toContain('Plus de pauses');
    expect(res.text).not.toContain('Fatou');
    const csv = await organiserWeb.get(
      `/console/events/${event.id}/feedback/${formId}/results.csv`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Note globale;Le rythme ?;Une idée pour la prochaine fois ?');
    expect(lines.slice(1).sort()).toEqual(['2;Rapide;', '3;Juste;', '4;Juste;Plus de pauses']);
    // Another event's organiser, or a participant: the page does not exist for them.
    const fatouWeb = new WebClient(t);
    await fatouWeb.signIn(fatou.email, PASSWORD);
    expect(
      (await fatouWeb.get(`/console/events/${event.id}/feedback/${formId}/results`)).status,
    ).toBe(404);
    expect((await fatouWeb.get(`/console/events/${event.id}/feedback`)).status).toBe(404);
  });
});
