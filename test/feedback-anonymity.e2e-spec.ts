import { DataSource } from 'typeorm';
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
import { WebClient } from './support/web-client.js';

const PASSWORD = 'a-long-password';
const OPEN = { opensAt: '2026-01-01T09:00', closesAt: '2030-01-01T09:00' };

/**
 * Issue #14: an anonymous answer cannot be linked back to its author by any organiser
 * endpoint or export. Three participants give different answers (fewer would show only how
 * many answered); every organiser route of the feedback API, the CSV and the console pages
 * are read, and none names any of them, their organisation or when they answered.
 */
describe('feedback anonymity: nothing an organiser reads says who said what', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let facilitator: Session;
  let awa: Session;
  let lucia: Session;
  let sokha: Session;
  let event: { id: string; slug: string };
  let formId: string;
  let questions: Array<{ id: string }>;
  /** What would tie an answer to its author: ids, names, emails, organisations. */
  let identifying: string[];

  beforeAll(async () => {
    t = await startTestApp('feedback_anonymity');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    const kogl = await createOrganisation(t, admin, { name: 'Kogl Taaba', country: 'BF' });
    const mekong = await createOrganisation(t, admin, { name: 'Mekong Families', country: 'KH' });
    const cameleon = await createOrganisation(t, admin, {
      name: 'Cameleon Association',
      country: 'PH',
    });
    organiser = await signup(t, { name: 'Nadia Benali', password: PASSWORD, locale: 'fr' });
    facilitator = await signup(t, { name: 'Chanthou Keo', password: PASSWORD });
    awa = await signup(t, { name: 'Awa Traoré', password: PASSWORD, organisationId: kogl.id });
    lucia = await signup(t, {
      name: 'Lucía Flores',
      password: PASSWORD,
      locale: 'es',
      organisationId: cameleon.id,
    });
    sokha = await signup(t, { name: 'Sokha Chea', password: PASSWORD, organisationId: mekong.id });
    event = await createEvent(t, admin);
    for (const [who, role] of [
      [organiser, 'organiser'],
      [facilitator, 'facilitator'],
    ] as const) {
      await t
        .http()
        .post(`/api/events/${event.id}/staff`)
        .set(admin.auth)
        .send({ accountId: who.id, role })
        .expect(201);
    }
    await register(t, event.id, awa, kogl.id);
    await register(t, event.id, lucia, cameleon.id);
    await register(t, event.id, sokha, mekong.id);
    const form = await t
      .http()
      .post(`/api/events/${event.id}/feedback-forms`)
      .set(organiser.auth)
      .send({
        titles: { fr: 'La semaine de Tanger', en: 'The Tangier week' },
        anonymous: true,
        questions: [
          { kind: 'rating', texts: { fr: 'Note globale', en: 'Overall rating' } },
          {
            kind: 'choice',
            texts: { fr: 'Reviendriez-vous ?', en: 'Would you come again?' },
            options: [
              { fr: 'Oui', en: 'Yes' },
              { fr: 'Non', en: 'No' },
            ],
          },
          { kind: 'text', texts: { fr: 'À améliorer', en: 'To improve' }, required: false },
        ],
        ...OPEN,
      })
      .expect(201);
    formId = form.body.id;
    questions = form.body.questions;
    identifying = [
      awa.id,
      lucia.id,
      sokha.id,
      awa.email,
      lucia.email,
      sokha.email,
      'Awa',
      'Traoré',
      'Lucía',
      'Flores',
      'Sokha',
      'Chea',
      'Kogl Taaba',
      'Cameleon Association',
      'Mekong Families',
    ];
  });
  afterAll(() => t.close());

  const answer = (who: Session, rating: number, choice: number, text: string) =>
    t
      .http()
      .post(`/api/feedback-forms/${formId}/answers`)
      .set(who.auth)
      .send({
        answers: [
          { questionId: questions[0]!.id, rating },
          { questionId: questions[1]!.id, choice },
          { questionId: questions[2]!.id, text },
        ],
      });

  it('takes three different answers and stores none with its author or its time', async () => {
    expect((await answer(awa, 5, 0, 'Plus de temps pour les visites').expect(201)).body).toEqual({
      formId,
      anonymous: true,
    });
    await answer(lucia, 2, 1, 'Menos plenarias, más talleres').expect(201);
    await answer(sokha, 4, 0, 'Des pauses plus longues').expect(201);
    const responses = (await ds.query(
      `SELECT account_id, submitted_at FROM feedback_responses WHERE form_id = $1`,
      [formId],
    )) as Array<{ account_id: string | null; submitted_at: Date | null }>;
    expect(responses).toEqual([
      { account_id: null, submitted_at: null },
      { account_id: null, submitted_at: null },
      { account_id: null, submitted_at: null },
    ]);
    // Who answered (for answering once) shares nothing with the answers but the form:
    // no response id, and the day rather than the moment.
    const columns = (await ds.query(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_name = 'feedback_respondents' ORDER BY column_name`,
    )) as Array<{ column_name: string; data_type: string }>;
    expect(columns).toEqual([
      { column_name: 'account_id', data_type: 'uuid' },
      { column_name: 'answered_on', data_type: 'date' },
      { column_name: 'form_id', data_type: 'uuid' },
    ]);
    const links = (await ds.query(
      `SELECT conname FROM pg_constraint
        WHERE conrelid = 'feedback_respondents'::regclass
          AND confrelid IN ('feedback_responses'::regclass, 'feedback_answers'::regclass)`,
    )) as unknown[];
    expect(links).toEqual([]);
  });

  it('names nobody in any organiser endpoint of the feedback API, nor in the CSV', async () => {
    const reads = [
      `/api/events/${event.id}/feedback-forms`,
      `/api/feedback-forms/${formId}`,
      `/api/feedback-forms/${formId}/results`,
      `/api/feedback-forms/${formId}/responses`,
      `/api/feedback-forms/${formId}/responses.csv`,
      `/api/feedback-forms/${formId}/responses.csv?separator=semicolon`,
      `/api/events/${event.id}/feedback-forms/open`,
    ];
    const bodies: string[] = [];
    for (const path of reads) {
      for (const who of [organiser, admin]) {
        const res = await t.http().get(path).set(who.auth).expect(200);
        bodies.push(res.text);
      }
    }
    bodies.push(
      (
        await t
          .http()
          .patch(`/api/feedback-forms/${formId}`)
          .set(organiser.auth)
          .send({ titles: { fr: 'La semaine de Tanger 2027' } })
          .expect(200)
      ).text,
    );
    for (const body of bodies) {
      for (const clue of identifying) expect(body).not.toContain(clue);
    }

    // The same reads of a form with names do name its author: the check above can see one.
    const named = await t
      .http()
      .post(`/api/events/${event.id}/feedback-forms`)
      .set(organiser.auth)
      .send({
        titles: { en: 'With names' },
        questions: [{ kind: 'text', texts: { en: 'Anything?' } }],
        ...OPEN,
      })
      .expect(201);
    await t
      .http()
      .post(`/api/feedback-forms/${named.body.id}/answers`)
      .set(awa.auth)
      .send({ answers: [{ questionId: named.body.questions[0].id, text: 'Merci' }] })
      .expect(201);
    for (const path of ['results', 'responses', 'responses.csv']) {
      const res = await t
        .http()
        .get(`/api/feedback-forms/${named.body.id}/${path}`)
        .set(organiser.auth);
      expect(res.text).toContain('Awa Traoré');
      expect(res.text).toContain(awa.email);
    }

    // The answers are all there, just not whose they are.
    const results = await t.http().get(`/api/feedback-forms/${formId}/results`).set(organiser.auth);
    expect(results.body.responseCount).toBe(3);
    expect(results.body.withheld).toBe(false);
    expect(results.body.questions[0]).toMatchObject({ answered: 3, average: 3.7 });
    expect(results.body.questions[2].texts.map((x: { text: string }) => x.text).sort()).toEqual([
      'Des pauses plus longues',
      'Menos plenarias, más talleres',
      'Plus de temps pour les visites',
    ]);
    for (const x of results.body.questions[2].texts) expect(x.respondent).toBeNull();
    const responses = await t
      .http()
      .get(`/api/feedback-forms/${formId}/responses`)
      .set(organiser.auth);
    for (const r of responses.body.responses) {
      expect(r).toMatchObject({ respondent: null, submittedAt: null });
      expect(Object.keys(r).sort()).toEqual(['answers', 'respondent', 'submittedAt']);
    }
    // The CSV: one column per question, no name, email, organisation, account or time.
    const csv = await t
      .http()
      .get(`/api/feedback-forms/${formId}/responses.csv`)
      .set(organiser.auth);
    const rows = parseCsv(csv.text.slice(1));
    expect(rows[0]).toEqual(['Note globale', 'Reviendriez-vous ?', 'À améliorer']);
    expect(
      rows
        .slice(1)
        .map((r) => r.join('|'))
        .sort(),
    ).toEqual([
      '2|Non|Menos plenarias, más talleres',
      '4|Oui|Des pauses plus longues',
      '5|Oui|Plus de temps pour les visites',
    ]);
    expect(csv.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('lists responses in an order that has nothing to do with when they were given', async () => {
    // Order of the random response ids, not of insertion: compare with the table's own order.
    const byId = (await ds.query(
      `SELECT a.rating FROM feedback_responses r JOIN feedback_answers a ON a.response_id = r.id
        WHERE r.form_id = $1 AND a.rating IS NOT NULL ORDER BY r.id`,
      [formId],
    )) as Array<{ rating: number }>;
    const listed = await t
      .http()
      .get(`/api/feedback-forms/${formId}/responses`)
      .set(organiser.auth);
    expect(
      listed.body.responses.map(
        (r: { answers: Array<{ rating: number | null }> }) => r.answers[0]!.rating,
      ),
    ).toEqual(byId.map((r) => r.rating));
  });

  it('keeps the people who answered out of reach of staff who are not organisers', async () => {
    for (const path of ['results', 'responses', 'responses.csv']) {
      await t.http().get(`/api/feedback-forms/${formId}/${path}`).set(facilitator.auth).expect(404);
      await t.http().get(`/api/feedback-forms/${formId}/${path}`).set(awa.auth).expect(403);
    }
  });

  it('cannot be switched off once people have answered (409), and stays anonymous', async () => {
    const res = await t
      .http()
      .patch(`/api/feedback-forms/${formId}`)
      .set(organiser.auth)
      .send({ anonymous: false })
      .expect(409);
    expect(res.body.details).toMatchObject({ reason: 'form_has_answers', field: 'anonymous' });
    const form = await t
      .http()
      .get(`/api/feedback-forms/${formId}`)
      .set(organiser.auth)
      .expect(200);
    expect(form.body.anonymous).toBe(true);
    // Through the console page too: the box is gone and a forged one changes nothing.
    const web = new WebClient(t);
    await web.signIn(organiser.email, PASSWORD);
    const edit = await web.get(`/console/events/${event.id}/feedback/${formId}`);
    expect(edit.status).toBe(200);
    expect(edit.text).not.toContain('name="anonymous"');
    await web.post(`/console/events/${event.id}/feedback/${formId}`, {
      'titles.fr': 'La semaine de Tanger 2027',
      anonymous: '',
    });
    const after = await t.http().get(`/api/feedback-forms/${formId}`).set(organiser.auth);
    expect(after.body.anonymous).toBe(true);
  });

  it('names nobody on the console pages or the CSV they download', async () => {
    const web = new WebClient(t);
    await web.signIn(organiser.email, PASSWORD);
    const pages = [
      `/console/events/${event.id}/feedback`,
      `/console/events/${event.id}/feedback/${formId}`,
      `/console/events/${event.id}/feedback/${formId}/results`,
      `/console/events/${event.id}/feedback/${formId}/results.csv`,
    ];
    for (const path of pages) {
      const res = await web.get(path);
      expect(res.status).toBe(200);
      for (const clue of identifying) expect(res.text).not.toContain(clue);
    }
    const results = await web.get(`/console/events/${event.id}/feedback/${formId}/results`);
    expect(results.text).toContain('Plus de temps pour les visites');
    expect(results.text).toContain('Menos plenarias, más talleres');
    expect(results.text).toContain('<svg');
  });

  it('keeps the answer out of the author’s privacy export and every organiser’s', async () => {
    for (const who of [awa, lucia, sokha, organiser]) {
      const exported = await t.http().get('/api/me/export').set(who.auth).expect(200);
      expect(exported.text).not.toContain('Plus de temps pour les visites');
      expect(exported.text).not.toContain('Menos plenarias');
    }
    // Organisers cannot read someone else's export at all.
    const other = await t.http().get(`/api/accounts/${awa.id}/export`).set(organiser.auth);
    expect([403, 404]).toContain(other.status);
  });
});
