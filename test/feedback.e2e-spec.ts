import { DataSource } from 'typeorm';
import { register, sessionBody } from './support/agenda-fixtures.js';
import { parseCsv } from './support/csv.js';
import { createEvent, createOrganisation, loginAdmin, type Session } from './support/factories.js';
import { fastAccounts } from './support/registration-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A window open now, whatever day the tests run (organisers may open a form early). */
const OPEN = { opensAt: '2026-01-01T09:00', closesAt: '2030-01-01T09:00' };

const QUESTIONS = [
  { kind: 'rating', texts: { fr: 'Utilité de l’atelier', en: 'How useful was the workshop?' } },
  {
    kind: 'choice',
    texts: { fr: 'Le rythme ?', en: 'The pace?' },
    options: [
      { fr: 'Trop lent', en: 'Too slow' },
      { fr: 'Juste', en: 'Right' },
      { fr: 'Trop rapide', en: 'Too fast' },
    ],
  },
  { kind: 'text', texts: { fr: 'Une pratique à essayer ?' }, required: false },
];

describe('feedback forms: questions, who answers, once, results and CSV', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let organiser: Session;
  let seated: Session;
  let seated2: Session;
  let unseated: Session;
  let otherEvents: Session;
  let stranger: Session;
  let eventId: string;
  let workshopId: string;
  let formId: string;
  let eventFormId: string;
  let q: Array<{ id: string; kind: string }>;

  beforeAll(async () => {
    t = await startTestApp('feedback');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { name: 'Kogl Taaba', country: 'BF' });
    [organiser, seated, seated2, unseated, otherEvents, stranger] = await fastAccounts(t, 6, {
      organisationId: org.id,
      prefix: 'feedback',
    });
    eventId = (await createEvent(t, admin)).id;
    const otherEventId = (await createEvent(t, admin)).id;
    await t
      .http()
      .post(`/api/events/${eventId}/staff`)
      .set(admin.auth)
      .send({ accountId: organiser.id, role: 'organiser' })
      .expect(201);
    for (const p of [seated, seated2, unseated]) await register(t, eventId, p, org.id);
    await register(t, otherEventId, otherEvents, org.id);
    workshopId = (
      await t
        .http()
        .post(`/api/events/${eventId}/sessions`)
        .set(admin.auth)
        .send(sessionBody({ capacity: 10, signupRequired: true }))
        .expect(201)
    ).body.id;
    await t.http().post(`/api/events/${eventId}/agenda/publish`).set(admin.auth);
    for (const p of [seated, seated2]) {
      await t.http().post(`/api/sessions/${workshopId}/signups`).set(p.auth).send({}).expect(201);
    }
  });
  afterAll(() => t.close());

  it('lets organisers write a form for a workshop, each question in the event’s languages', async () => {
    const res = await t
      .http()
      .post(`/api/events/${eventId}/feedback-forms`)
      .set(organiser.auth)
      .send({
        titles: { fr: 'Votre avis sur l’atelier', en: 'Your view of the workshop' },
        sessionId: workshopId,
        questions: QUESTIONS,
        ...OPEN,
      })
      .expect(201);
    expect(res.body).toMatchObject({
      sessionId: workshopId,
      anonymous: false,
      status: 'open',
      responseCount: 0,
      answered: null,
      opensAtDefault: false,
    });
    expect(res.body.questions.map((x: { kind: string }) => x.kind)).toEqual([
      'rating',
      'choice',
      'text',
    ]);
    formId = res.body.id;
    q = res.body.questions;
    // Spanish readers get the event's first language where no Spanish was written.
    const es = await t
      .http()
      .get(`/api/feedback-forms/${formId}?lang=es`)
      .set(seated.auth)
      .expect(200);
    expect(es.body.title).toBe('Votre avis sur l’atelier');
    expect(es.body.questions[1].options.map((o: { text: string }) => o.text)).toEqual([
      'Trop lent',
      'Juste',
      'Trop rapide',
    ]);
    const en = await t
      .http()
      .get(`/api/feedback-forms/${formId}?lang=en`)
      .set(seated.auth)
      .expect(200);
    expect(en.body).toMatchObject({ title: 'Your view of the workshop', answered: false });
    expect(en.body.responseCount).toBeNull();
    expect(en.body.questions[2]).toMatchObject({
      text: 'Une pratique à essayer ?',
      textLanguage: 'fr',
    });

    eventFormId = (
      await t
        .http()
        .post(`/api/events/${eventId}/feedback-forms`)
        .set(organiser.auth)
        .send({ titles: { en: 'The week' }, questions: [QUESTIONS[0]], ...OPEN })
        .expect(201)
    ).body.id;
  });

  it('names the field of a bad form, and lets only organisers write one', async () => {
    const post = (as: Session, body: Record<string, unknown>) =>
      t.http().post(`/api/events/${eventId}/feedback-forms`).set(as.auth).send(body);
    const field = async (body: Record<string, unknown>) =>
      (await post(organiser, body).expect(400)).body.details.field;
    expect(await field({ titles: {} })).toBe('titles');
    expect(await field({ titles: { de: 'x' } })).toBe('titles.de');
    expect(
      await field({ titles: { en: 'x' }, questions: [{ kind: 'stars', texts: { en: 'x' } }] }),
    ).toBe('questions[0].kind');
    expect(
      await field({
        titles: { en: 'x' },
        questions: [
          QUESTIONS[0],
          { kind: 'choice', texts: { en: 'x' }, options: [{ en: 'only' }] },
        ],
      }),
    ).toBe('questions[1].options');
    expect(
      await field({
        titles: { en: 'x' },
        questions: [{ kind: 'text', texts: { en: 'x'.repeat(301) } }],
      }),
    ).toBe('questions[0].texts.en');
    expect(await field({ titles: { en: 'x' }, sessionId: 'nope' })).toBe('sessionId');
    expect(await field({ titles: { en: 'x' }, closesAt: 'soon' })).toBe('closesAt');
    expect(
      await field({
        titles: { en: 'x' },
        opensAt: '2027-01-02T00:00',
        closesAt: '2027-01-01T00:00',
      }),
    ).toBe('closesAt');
    await post(seated, { titles: { en: 'x' } }).expect(403);
    // The event is published (public): a stranger is refused, as on every organisers' route.
    await post(stranger, { titles: { en: 'x' } }).expect(403);
  });

  it('takes answers only from the people who may have been there', async () => {
    const body = {
      answers: [
        { questionId: q[0]!.id, rating: 4 },
        { questionId: q[1]!.id, choice: 1 },
      ],
    };
    // Confirmed on the event but without a seat on the workshop: the form does not exist for them.
    await t.http().get(`/api/feedback-forms/${formId}`).set(unseated.auth).expect(404);
    await t
      .http()
      .post(`/api/feedback-forms/${formId}/answers`)
      .set(unseated.auth)
      .send(body)
      .expect(404);
    await t
      .http()
      .post(`/api/feedback-forms/${formId}/answers`)
      .set(otherEvents.auth)
      .send(body)
      .expect(404);
    await t
      .http()
      .post(`/api/feedback-forms/${formId}/answers`)
      .set(stranger.auth)
      .send(body)
      .expect(404);
    // Organisers read the form but did not take part.
    await t
      .http()
      .post(`/api/feedback-forms/${formId}/answers`)
      .set(organiser.auth)
      .send(body)
      .expect(403);
    // The whole event's form is for every confirmed participant.
    const open = await t
      .http()
      .get(`/api/events/${eventId}/feedback-forms/open`)
      .set(unseated.auth)
      .expect(200);
    expect(open.body.map((f: { id: string }) => f.id)).toEqual([eventFormId]);
    // Someone who is not among the event's people does not learn which forms it has.
    await t.http().get(`/api/events/${eventId}/feedback-forms/open`).set(stranger.auth).expect(404);
    await t
      .http()
      .get(`/api/events/${eventId}/feedback-forms/open`)
      .set(otherEvents.auth)
      .expect(404);
    const mine = await t
      .http()
      .get(`/api/events/${eventId}/feedback-forms/open`)
      .set(seated.auth)
      .expect(200);
    expect(mine.body.map((f: { id: string }) => f.id).sort()).toEqual([formId, eventFormId].sort());
  });

  it('names the field of a bad answer', async () => {
    const send = (answers: unknown) =>
      t.http().post(`/api/feedback-forms/${formId}/answers`).set(seated.auth).send({ answers });
    const bad = async (answers: unknown) => (await send(answers).expect(400)).body.details;
    expect(
      (
        await bad([
          { questionId: q[0]!.id, rating: 6 },
          { questionId: q[1]!.id, choice: 0 },
        ])
      ).field,
    ).toBe('answers[0].rating');
    expect((await bad([{ questionId: q[0]!.id, rating: 2.5 }])).field).toBe('answers[0].rating');
    expect(
      (
        await bad([
          { questionId: q[0]!.id, rating: 3 },
          { questionId: q[1]!.id, choice: 3 },
        ])
      ).field,
    ).toBe('answers[1].choice');
    expect((await bad([{ questionId: q[0]!.id, text: 'great' }])).field).toBe('answers[0].text');
    expect(
      (await bad([{ questionId: '00000000-0000-4000-8000-000000000000', rating: 1 }])).field,
    ).toBe('answers[0].questionId');
    const missing = await bad([{ questionId: q[0]!.id, rating: 3 }]);
    expect(missing).toMatchObject({ field: 'answers', code: 'required', questionId: q[1]!.id });
    expect((await bad('five')).field).toBe('answers');
    expect((await bad([{ questionId: q[2]!.id, text: 'x'.repeat(2001) }])).field).toBe(
      'answers[0].text',
    );
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM feedback_responses WHERE form_id = $1`,
      [formId],
    );
    expect(n).toBe(0);
  });

  it('keeps one answer per person, even when the same answer is sent twice at once', async () => {
    const body = {
      answers: [
        { questionId: q[0]!.id, rating: 5 },
        { questionId: q[1]!.id, choice: 1 },
        { questionId: q[2]!.id, text: '=HYPERLINK("http://x")' },
      ],
    };
    const sends = await Promise.all(
      [1, 2, 3].map(() =>
        t.http().post(`/api/feedback-forms/${formId}/answers`).set(seated.auth).send(body),
      ),
    );
    expect(sends.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(sends.find((r) => r.status === 409)!.body.details.reason).toBe('already_answered');
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM feedback_responses WHERE form_id = $1`,
      [formId],
    );
    expect(n).toBe(1);
    await t
      .http()
      .post(`/api/feedback-forms/${formId}/answers`)
      .set(seated2.auth)
      .send({
        answers: [
          { questionId: q[0]!.id, rating: 2 },
          { questionId: q[1]!.id, choice: 2 },
        ],
      })
      .expect(201);
    const again = await t
      .http()
      .get(`/api/events/${eventId}/feedback-forms/open`)
      .set(seated.auth)
      .expect(200);
    expect(again.body.find((f: { id: string }) => f.id === formId).answered).toBe(true);
  });

  it('refuses answers before the form opens and after it closes', async () => {
    const scheduled = await t
      .http()
      .post(`/api/events/${eventId}/feedback-forms`)
      .set(organiser.auth)
      .send({ titles: { en: 'Later' }, sessionId: workshopId, questions: [QUESTIONS[0]] })
      .expect(201);
    // By default a session's form opens when the session ends (26 October 2027, 12:00 in Tangier).
    expect(scheduled.body).toMatchObject({ status: 'scheduled', opensAtDefault: true });
    expect(scheduled.body.opensAt).toBe('2027-10-26T12:00:00+00:00');
    const answer = { answers: [{ questionId: scheduled.body.questions[0].id, rating: 3 }] };
    const early = await t
      .http()
      .post(`/api/feedback-forms/${scheduled.body.id}/answers`)
      .set(seated.auth)
      .send(answer)
      .expect(409);
    expect(early.body.details.reason).toBe('not_open');
    const closed = await t
      .http()
      .post(`/api/events/${eventId}/feedback-forms`)
      .set(organiser.auth)
      .send({
        titles: { en: 'Past' },
        questions: [QUESTIONS[0]],
        opensAt: '2026-01-01T00:00',
        closesAt: '2026-02-01T00:00',
      })
      .expect(201);
    expect(closed.body.status).toBe('closed');
    const late = await t
      .http()
      .post(`/api/feedback-forms/${closed.body.id}/answers`)
      .set(seated.auth)
      .send({ answers: [{ questionId: closed.body.questions[0].id, rating: 3 }] })
      .expect(409);
    expect(late.body.details.reason).toBe('closed');
  });

  it('shows organisers counts, averages and who said what on a form with names', async () => {
    const res = await t
      .http()
      .get(`/api/feedback-forms/${formId}/results?lang=en`)
      .set(organiser.auth)
      .expect(200);
    expect(res.body.responseCount).toBe(2);
    const [rating, choice, text] = res.body.questions;
    expect(rating).toMatchObject({ answered: 2, average: 3.5 });
    expect(rating.counts.map((c: { count: number }) => c.count)).toEqual([0, 1, 0, 0, 1]);
    expect(choice.counts).toEqual([
      { value: 0, label: 'Too slow', count: 0 },
      { value: 1, label: 'Right', count: 1 },
      { value: 2, label: 'Too fast', count: 1 },
    ]);
    expect(text.texts).toEqual([
      {
        text: '=HYPERLINK("http://x")',
        respondent: expect.objectContaining({ accountId: seated.id, email: seated.email }),
      },
    ]);
    await t.http().get(`/api/feedback-forms/${formId}/results`).set(seated.auth).expect(403);
    await t.http().get(`/api/feedback-forms/${formId}/results`).set(stranger.auth).expect(404);

    const csv = await t
      .http()
      .get(`/api/feedback-forms/${formId}/responses.csv?lang=en`)
      .set(organiser.auth)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.text.slice(1));
    expect(rows[0]).toEqual([
      'Name',
      'Email',
      'Organisation',
      'Answered at',
      'How useful was the workshop?',
      'The pace?',
      'Une pratique à essayer ?',
    ]);
    const mine = rows.find((r) => r[1] === seated.email)!;
    expect(mine.slice(4)).toEqual(['5', 'Right', '\'=HYPERLINK("http://x")']);
    expect(mine[2]).toBe('Kogl Taaba');
    const semi = await t
      .http()
      .get(`/api/feedback-forms/${formId}/responses.csv?separator=semicolon`)
      .set(organiser.auth)
      .expect(200);
    expect(parseCsv(semi.text.slice(1), ';')[0]![0]).toBe('Name');
    await t
      .http()
      .get(`/api/feedback-forms/${formId}/responses.csv?separator=tab`)
      .set(organiser.auth)
      .expect(400);
    await t.http().get(`/api/feedback-forms/${formId}/responses.csv`).set(seated.auth).expect(403);
  });

  it('fixes the questions and the anonymity once answers exist (409), not the title or dates', async () => {
    const patch = (body: Record<string, unknown>) =>
      t.http().patch(`/api/feedback-forms/${formId}`).set(organiser.auth).send(body);
    const questions = await patch({ questions: [QUESTIONS[0]] }).expect(409);
    expect(questions.body.details).toMatchObject({
      reason: 'form_has_answers',
      field: 'questions',
    });
    const anonymous = await patch({ anonymous: true }).expect(409);
    expect(anonymous.body.details).toMatchObject({
      reason: 'form_has_answers',
      field: 'anonymous',
    });
    const ok = await patch({
      titles: { en: 'Workshop feedback' },
      closesAt: '2030-02-01T00:00',
    }).expect(200);
    expect(ok.body).toMatchObject({ title: 'Workshop feedback', anonymous: false });
    await t
      .http()
      .patch(`/api/feedback-forms/${formId}`)
      .set(seated.auth)
      .send({ titles: { en: 'x' } })
      .expect(403);
    // Before any answer, both may change.
    const fresh = await t
      .http()
      .patch(`/api/feedback-forms/${eventFormId}`)
      .set(organiser.auth)
      .send({ anonymous: true, questions: QUESTIONS })
      .expect(200);
    expect(fresh.body.anonymous).toBe(true);
    expect(fresh.body.questions).toHaveLength(3);
    const list = await t
      .http()
      .get(`/api/events/${eventId}/feedback-forms`)
      .set(organiser.auth)
      .expect(200);
    expect(list.body.find((f: { id: string }) => f.id === formId).responseCount).toBe(2);
    await t.http().get(`/api/events/${eventId}/feedback-forms`).set(seated.auth).expect(403);
  });
});
