import { register, sessionBody } from './support/agenda-fixtures.js';
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

/*
 * Feedback results in small groups, and who reads a session's results. On an anonymous
 * form one or two answers say who said what to anyone who knows who took part: until the
 * third, the results API, the responses, the CSV and the console page give how many
 * answered and nothing more. A session's facilitators read its form's results (names
 * without emails on named forms); a facilitator of another session finds no form (404).
 */
let t: TestApp;
let admin: Session;
let organiser: Session;
let lead: Session;
let otherLead: Session;
let people: Session[];
let event: { id: string; slug: string };
let formId: string;
let namedId: string;
let workshopId: string;
let questions: Array<{ id: string }>;

const get = (who: Session, path: string) =>
  t.http().get(`/api/feedback-forms/${formId}/${path}`).set(who.auth);

const answer = (who: Session, rating: number, text: string) =>
  t
    .http()
    .post(`/api/feedback-forms/${formId}/answers`)
    .set(who.auth)
    .send({
      answers: [
        { questionId: questions[0]!.id, rating },
        { questionId: questions[1]!.id, text },
      ],
    })
    .expect(201);

beforeAll(async () => {
  t = await startTestApp('feedback_small_groups');
  admin = await loginAdmin(t);
  const org = await createOrganisation(t, admin, { name: 'Solidarité Batoto', country: 'CD' });
  organiser = await signup(t, { name: 'Nadia Benali', password: PASSWORD });
  lead = await signup(t, { name: 'Chanthou Keo', password: PASSWORD, locale: 'fr' });
  otherLead = await signup(t, { name: 'Omar Tazi', password: PASSWORD });
  people = [];
  for (const name of ['Awa Traoré', 'Lucía Flores', 'Sokha Chea']) {
    people.push(await signup(t, { name, password: PASSWORD, organisationId: org.id }));
  }
  event = await createEvent(t, admin);
  for (const [who, role] of [
    [organiser, 'organiser'],
    [lead, 'facilitator'],
    [otherLead, 'facilitator'],
  ] as const) {
    await t
      .http()
      .post(`/api/events/${event.id}/staff`)
      .set(admin.auth)
      .send({ accountId: who.id, role })
      .expect(201);
  }
  for (const p of people) await register(t, event.id, p, org.id);
  const session = async (title: string, facilitator: Session, startsAt: string) =>
    (
      await t
        .http()
        .post(`/api/events/${event.id}/sessions`)
        .set(admin.auth)
        .send(
          sessionBody({
            title,
            startsAt,
            endsAt: startsAt.replace('T10', 'T12'),
            facilitatorIds: [facilitator.id],
            status: 'published',
          }),
        )
        .expect(201)
    ).body as { id: string };
  const workshop = await session('Atelier familles', lead, '2027-10-26T10:00');
  workshopId = workshop.id;
  await session('Autre atelier', otherLead, '2027-10-27T10:00');
  const form = await t
    .http()
    .post(`/api/events/${event.id}/feedback-forms`)
    .set(organiser.auth)
    .send({
      titles: { fr: 'Atelier familles', en: 'Family workshop' },
      sessionId: workshop.id,
      anonymous: true,
      questions: [
        { kind: 'rating', texts: { fr: 'Note', en: 'Rating' } },
        { kind: 'text', texts: { fr: 'Un mot ?', en: 'A word?' } },
      ],
      ...OPEN,
    })
    .expect(201);
  formId = form.body.id;
  questions = form.body.questions;
  const named = await t
    .http()
    .post(`/api/events/${event.id}/feedback-forms`)
    .set(organiser.auth)
    .send({
      titles: { en: 'Family workshop, with names' },
      sessionId: workshop.id,
      questions: [{ kind: 'text', texts: { en: 'Anything?' } }],
      ...OPEN,
    })
    .expect(201);
  namedId = named.body.id;
  await t
    .http()
    .post(`/api/feedback-forms/${namedId}/answers`)
    .set(people[0]!.auth)
    .send({ answers: [{ questionId: named.body.questions[0].id, text: 'Merci' }] })
    .expect(201);
});

afterAll(async () => {
  await t?.close();
});

describe('an anonymous form below three answers', () => {
  it('gives only how many answered through the API, the responses and the CSV', async () => {
    await answer(people[0]!, 5, 'Très utile pour ma pratique');
    await answer(people[1]!, 1, 'Trop long');
    const results = (await get(organiser, 'results').expect(200)).body;
    expect(results.withheld).toBe(true);
    expect(results.responseCount).toBe(2);
    expect(results.questions).toEqual([
      expect.objectContaining({ answered: 2, average: null, counts: [], texts: [] }),
      expect.objectContaining({ answered: 2, average: null, counts: [], texts: [] }),
    ]);
    const responses = (await get(organiser, 'responses').expect(200)).body;
    expect(responses).toMatchObject({ withheld: true, responses: [] });
    const csv = await get(organiser, 'responses.csv').expect(200);
    expect(parseCsv(csv.text.slice(1))).toEqual([
      ['Answers', 'Note'],
      [
        '2',
        'Too few answers to show without identifying anyone: the answers appear from the third.',
      ],
    ]);
    for (const body of [JSON.stringify(results), JSON.stringify(responses), csv.text]) {
      expect(body).not.toContain('Trop long');
      expect(body).not.toContain('"rating":5');
    }
  });

  it('shows everything from the third answer', async () => {
    await answer(people[2]!, 4, 'Des exemples concrets');
    const results = (await get(organiser, 'results').expect(200)).body;
    expect(results.withheld).toBe(false);
    expect(results.questions[0]).toMatchObject({ answered: 3, average: 3.3 });
    expect(results.questions[1].texts).toHaveLength(3);
    const responses = (await get(organiser, 'responses').expect(200)).body;
    expect(responses.withheld).toBe(false);
    expect(responses.responses).toHaveLength(3);
    const csv = parseCsv((await get(organiser, 'responses.csv').expect(200)).text.slice(1));
    expect(csv[0]).toEqual(['Note', 'Un mot ?']);
    expect(csv).toHaveLength(4);
  });
});

describe("a session's facilitators", () => {
  it("read their session's results, through the API and on a page", async () => {
    const results = (await get(lead, 'results').expect(200)).body;
    expect(results.responseCount).toBe(3);
    expect(results.questions[1].texts).toHaveLength(3);
    await get(lead, 'responses').expect(200);
    await get(lead, 'responses.csv').expect(200);
    // A named form: names, not the organisers' address book.
    const named = await t
      .http()
      .get(`/api/feedback-forms/${namedId}/results`)
      .set(lead.auth)
      .expect(200);
    expect(named.body.questions[0].texts[0].respondent).toMatchObject({
      name: 'Awa Traoré',
      email: '',
    });
    const web = new WebClient(t);
    await web.signIn(lead.email, PASSWORD);
    // A form whose answers open later has no results yet: no link to it.
    const later = await t
      .http()
      .post(`/api/events/${event.id}/feedback-forms`)
      .set(organiser.auth)
      .send({
        titles: { en: 'Family workshop, a month on' },
        sessionId: workshopId,
        questions: [{ kind: 'text', texts: { en: 'Anything since?' } }],
        opensAt: '2029-06-01T09:00',
        closesAt: '2030-01-01T09:00',
      })
      .expect(201);
    // Their week leads them there, from the session they lead.
    const week = await web.get('/my/agenda?lang=fr');
    expect(week.text).not.toContain(`/feedback/${later.body.id}/results`);
    expect(week.text).toContain(`/console/events/${event.id}/feedback/${formId}/results`);
    expect(week.text).toContain(`/console/events/${event.id}/feedback/${namedId}/results`);
    expect(week.text).toContain('Ce que les participant·e·s ont dit : Atelier familles');
    expect(week.text).toContain('Ce que les participant·e·s ont dit : Family workshop, with names');
    const page = await web.get(`/console/events/${event.id}/feedback/${formId}/results?lang=fr`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('3 personnes ont répondu');
    expect(page.text).toContain('Des exemples concrets');
    // Not the organisers' console: no menu of sections, no edit link.
    expect(page.text).not.toContain('console-nav');
    expect(page.text).not.toContain(`/console/events/${event.id}/feedback/${formId}"`);
    const file = await web.get(`/console/events/${event.id}/feedback/${formId}/results.csv`);
    expect(file.status).toBe(200);
    // Still not the organisers' list of forms.
    expect((await web.get(`/console/events/${event.id}/feedback`)).status).toBe(404);
  });

  it('of another session find no form (404), through the API and the page', async () => {
    for (const path of ['results', 'responses', 'responses.csv']) {
      await get(otherLead, path).expect(404);
    }
    const web = new WebClient(t);
    await web.signIn(otherLead.email, PASSWORD);
    const week = await web.get('/my/agenda');
    expect(week.text).toContain('Autre atelier');
    expect(week.text).not.toContain(`/feedback/${formId}/results`);
    expect((await web.get(`/console/events/${event.id}/feedback/${formId}/results`)).status).toBe(
      404,
    );
    // The people who answered still get 403 on the results.
    await get(people[0]!, 'results').expect(403);
  });
});
