import { DataSource } from 'typeorm';
import { register } from './support/agenda-fixtures.js';
import {
  createEvent,
  createOrganisation,
  loginAdmin,
  type Session,
  signup,
} from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PASSWORD = 'a-long-password';
const OPEN = { opensAt: '2026-01-01T09:00', closesAt: '2030-01-01T09:00' };

/**
 * A person's feedback under the privacy rules: "what do you hold about me?" gives their
 * named answers in full and, for anonymous forms, only that they answered; "forget me"
 * and the event's erasure leave no answer tied to a person, and forget-me removes the
 * person's own words.
 */
describe('feedback and personal data: export, forget me, event erasure', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Session;
  let awa: Session;
  let lucia: Session;
  let event: { id: string };
  let named: { id: string; questions: Array<{ id: string }> };
  let anonymous: { id: string; questions: Array<{ id: string }> };

  const form = async (anon: boolean, title: string) =>
    (
      await t
        .http()
        .post(`/api/events/${event.id}/feedback-forms`)
        .set(admin.auth)
        .send({
          titles: { en: title },
          anonymous: anon,
          questions: [
            { kind: 'rating', texts: { en: 'Overall' } },
            {
              kind: 'choice',
              texts: { en: 'Again?' },
              options: [{ en: 'Yes' }, { en: 'No' }],
            },
            { kind: 'text', texts: { en: 'To improve' }, required: false },
          ],
          ...OPEN,
        })
        .expect(201)
    ).body as { id: string; questions: Array<{ id: string }> };

  const answer = (
    who: Session,
    f: { id: string; questions: Array<{ id: string }> },
    rating: number,
    text: string,
  ) =>
    t
      .http()
      .post(`/api/feedback-forms/${f.id}/answers`)
      .set(who.auth)
      .send({
        answers: [
          { questionId: f.questions[0]!.id, rating },
          { questionId: f.questions[1]!.id, choice: 1 },
          { questionId: f.questions[2]!.id, text },
        ],
      })
      .expect(201);

  beforeAll(async () => {
    t = await startTestApp('feedback_privacy');
    ds = t.app.get(DataSource);
    admin = await loginAdmin(t);
    const org = await createOrganisation(t, admin, { name: 'Kogl Taaba', country: 'BF' });
    awa = await signup(t, { name: 'Awa Traoré', password: PASSWORD, organisationId: org.id });
    lucia = await signup(t, { name: 'Lucía Flores', password: PASSWORD, organisationId: org.id });
    event = await createEvent(t, admin);
    await register(t, event.id, awa, org.id);
    await register(t, event.id, lucia, org.id);
    named = await form(false, 'Workshop with names');
    anonymous = await form(true, 'The week, anonymous');
    await answer(awa, named, 4, 'More time with the families, said Awa');
    await answer(awa, anonymous, 2, 'Fewer plenaries');
    await answer(lucia, named, 5, 'Lucía would come back');
  });
  afterAll(() => t.close());

  it('exports named answers in full and anonymous ones only as answered, never their content', async () => {
    const res = await t.http().get('/api/me/export').set(awa.auth).expect(200);
    const feedback = res.body.feedback;
    expect(feedback.named).toHaveLength(1);
    expect(feedback.named[0]).toMatchObject({
      formTitles: { en: 'Workshop with names' },
      answers: [
        { question: { en: 'Overall' }, rating: 4, choice: null, text: null },
        { question: { en: 'Again?' }, rating: null, choice: { en: 'No' }, text: null },
        { question: { en: 'To improve' }, text: 'More time with the families, said Awa' },
      ],
    });
    expect(feedback.anonymous).toEqual([
      {
        eventName: expect.any(String),
        formTitles: { en: 'The week, anonymous' },
        answeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    ]);
    expect(JSON.stringify(feedback)).not.toContain('Fewer plenaries');
    // Lucía's export holds her answer, not Awa's.
    const hers = await t.http().get('/api/me/export').set(lucia.auth).expect(200);
    expect(JSON.stringify(hers.body.feedback)).not.toContain('said Awa');
  });

  it("forget me: Awa's named answer loses her name and her words, and the counts keep her mark", async () => {
    await t.http().delete('/api/me').set(awa.auth).expect(204);
    const rows = (await ds.query(
      `SELECT r.account_id, r.submitted_at, a.rating, a.text
         FROM feedback_responses r JOIN feedback_answers a ON a.response_id = r.id
        WHERE r.form_id = $1 AND (a.rating IS NOT NULL OR a.text IS NOT NULL)
        ORDER BY a.rating`,
      [named.id],
    )) as Array<{
      account_id: string | null;
      submitted_at: Date | null;
      rating: number | null;
      text: string | null;
    }>;
    const awasRating = rows.find((r) => r.rating === 4);
    expect(awasRating).toEqual({ account_id: null, submitted_at: null, rating: 4, text: null });
    expect(rows.some((r) => r.text?.includes('said Awa'))).toBe(false);
    // Lucía's answer is untouched.
    expect(rows.some((r) => r.text === 'Lucía would come back' && r.account_id === lucia.id)).toBe(
      true,
    );
    const respondents = await ds.query(`SELECT 1 FROM feedback_respondents WHERE account_id = $1`, [
      awa.id,
    ]);
    expect(respondents).toEqual([]);
    const results = await t
      .http()
      .get(`/api/feedback-forms/${named.id}/results`)
      .set(admin.auth)
      .expect(200);
    expect(JSON.stringify(results.body)).not.toContain('Awa');
  });

  it("the event's erasure leaves every answer without a person and forgets who answered", async () => {
    await ds.query(
      `UPDATE events SET start_date = current_date - 5, end_date = current_date - 3 WHERE id = $1`,
      [event.id],
    );
    await t.http().post(`/api/events/${event.id}/erase-personal-data`).set(admin.auth).expect(200);
    const tied = await ds.query(
      `SELECT 1 FROM feedback_responses r JOIN feedback_forms f ON f.id = r.form_id
        WHERE f.event_id = $1 AND (r.account_id IS NOT NULL OR r.submitted_at IS NOT NULL)`,
      [event.id],
    );
    expect(tied).toEqual([]);
    const respondents = await ds.query(
      `SELECT 1 FROM feedback_respondents p JOIN feedback_forms f ON f.id = p.form_id
        WHERE f.event_id = $1`,
      [event.id],
    );
    expect(respondents).toEqual([]);
    // The results stay: both answers of the named form.
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM feedback_responses WHERE form_id = $1`,
      [named.id],
    );
    expect(n).toBe(2);
  });
});
