import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, dataSourceOptions } from '#core';
import { Event, EventAccess, EventStaff } from '#events';
import { FeedbackAccess, FeedbackForms, feedbackForExport, FeedbackResults } from '#feedback';
import { parseCsv } from './support/csv.js';
import { recordStatements, rowsReadByTable, type Statement } from './support/plan-reads.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const NAMED = 600; // responses to this year's named form: enough for PostgreSQL to hash a join
const ANONYMOUS = 500;
const PAST_EVENTS = 12;
const ERASED = (k: number) => k % 50 === 7; // named responses whose account was forgotten
/** Each form's questions, by position. Every response answers all five. */
const KINDS = ['rating', 'choice', 'text', 'rating', 'text'] as const;
const OPTIONS = [{ en: 'Morning' }, { en: 'Afternoon' }, { en: 'Evening' }];
const PER_RESPONSE = KINDS.length;

/** What response k answered, as a pattern. */
const answerOf = (prefix: string, k: number, position: number) =>
  position === 0
    ? { rating: 1 + ((k * k) % 5), choice: null, text: null } // 1, 2 and 5 only
    : position === 1
      ? { rating: null, choice: k % 7 === 0 ? 2 : k % 2, text: null }
      : position === 3
        ? { rating: 1 + (k % 4), choice: null, text: null } // never 5
        : { rating: null, choice: null, text: `${prefix} ${position} ${k}` };

interface Account {
  id: string;
  name: string;
  email: string;
  organisation: string | null;
}

interface SeededResponse {
  id: string;
  k: number;
  account: Account | null;
  submittedAt: Date | null;
}

/**
 * Feedback results, responses and CSV of one form on a network with years of earlier
 * meetings: the answers carry no form, so they are read response by response through
 * their primary key. Reading them as a join hashed every answer of every form of the
 * network once a form had a few hundred responses. What organisers read must not change:
 * counts, averages, texts in name order (shuffled on anonymous forms), responses in
 * name or random-id order, the small-group rule.
 */
describe('feedback results on a network with a history', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let results: FeedbackResults;
  let admin: Actor;
  let eventId: string;
  const forms: Record<'named' | 'anonymous' | 'small', { id: string; questions: string[] }> = {
    named: { id: '', questions: [] },
    anonymous: { id: '', questions: [] },
    small: { id: '', questions: [] },
  };
  const seeded: Record<'named' | 'anonymous', SeededResponse[]> = { named: [], anonymous: [] };

  async function createForm(anonymous: boolean, title: string, kinds: readonly string[]) {
    const [form] = await ds.query(
      `INSERT INTO feedback_forms (event_id, titles, anonymous, opens_at, closes_at)
       VALUES ($1, $2, $3, '2027-10-30T12:00Z', '2027-11-15T12:00Z') RETURNING id`,
      [eventId, { en: title }, anonymous],
    );
    const questions: string[] = [];
    for (const [position, kind] of kinds.entries()) {
      const [q] = await ds.query(
        `INSERT INTO feedback_questions (form_id, position, kind, texts, options)
         VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`,
        [
          form.id,
          position,
          kind,
          { en: `Question ${position}` },
          JSON.stringify(kind === 'choice' ? OPTIONS : []),
        ],
      );
      questions.push(q.id);
    }
    return { id: form.id as string, questions };
  }

  async function insertResponses(
    formId: string,
    questions: string[],
    responses: SeededResponse[],
    prefix: string,
  ) {
    await ds.query(
      `INSERT INTO feedback_responses (id, form_id, account_id, submitted_at)
       SELECT id, $1, account_id, submitted_at
         FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) AS t(id, account_id, submitted_at)`,
      [
        formId,
        responses.map((r) => r.id),
        responses.map((r) => r.account?.id ?? null),
        responses.map((r) => r.submittedAt),
      ],
    );
    const rows = responses.flatMap((r) =>
      questions.map((q, position) => ({ r: r.id, q, ...answerOf(prefix, r.k, position) })),
    );
    await ds.query(
      `INSERT INTO feedback_answers (response_id, question_id, rating, choice, text)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::smallint[], $5::text[])`,
      [
        rows.map((a) => a.r),
        rows.map((a) => a.q),
        rows.map((a) => a.rating),
        rows.map((a) => a.choice),
        rows.map((a) => a.text),
      ],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase('feedback_results_history');
    ds = new DataSource({ ...dataSourceOptions(db.url), entities: [Event, EventStaff] });
    await ds.initialize();
    const access = new EventAccess(ds.getRepository(Event), ds.getRepository(EventStaff));
    const feedbackAccess = new FeedbackAccess(ds, access);
    results = new FeedbackResults(
      ds,
      feedbackAccess,
      new FeedbackForms(ds, access, feedbackAccess),
    );

    const [org] = await ds.query(
      `INSERT INTO organisations (name, country, city) VALUES ('Darna', 'MA', 'Tangier') RETURNING id`,
    );
    // Two accounts share each name, so the order by name needs its tie-break.
    await ds.query(
      `INSERT INTO accounts (email, name, organisation_id)
       SELECT 'p' || lpad(i::text, 4, '0') || '@example.org', 'Person ' || lpad((i / 2)::text, 4, '0'),
              CASE WHEN i % 3 = 0 THEN $1::uuid END
         FROM generate_series(1, 700) i`,
      [org.id],
    );
    const accounts = (await ds.query(
      `SELECT a.id, a.name, a.email, o.name AS organisation
         FROM accounts a LEFT JOIN organisations o ON o.id = a.organisation_id ORDER BY a.email`,
    )) as Account[];
    admin = { accountId: accounts[0]!.id, platformRole: 'admin' };
    // The rest of the network's address book, who answered nothing here.
    await ds.query(
      `INSERT INTO accounts (email, name) SELECT 'book' || i || '@example.org', 'Book ' || i
         FROM generate_series(1, 20000) i`,
    );

    // The network's history: earlier meetings, each with a named and an anonymous form
    // as big as this year's.
    await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
       SELECT 'past-' || y, 'Tangier ' || y, 'meeting', make_date(y, 10, 20), make_date(y, 10, 25),
              'Africa/Casablanca', 1000, 'published'
         FROM generate_series(2027 - $1::int, 2026) y`,
      [PAST_EVENTS],
    );
    await ds.query(
      `INSERT INTO feedback_forms (event_id, titles, anonymous, closes_at)
       SELECT e.id, '{"en":"Past"}', anon, e.end_date + 14 FROM events e CROSS JOIN (VALUES (true), (false)) v(anon)`,
    );
    await ds.query(
      `INSERT INTO feedback_questions (form_id, position, kind, texts, options)
       SELECT f.id, p - 1, (ARRAY['rating','choice','text','rating','text'])[p], '{"en":"Q"}',
              CASE WHEN p = 2 THEN $1::jsonb ELSE '[]'::jsonb END
         FROM feedback_forms f CROSS JOIN generate_series(1, 5) p`,
      [JSON.stringify(OPTIONS)],
    );
    await ds.query(
      `INSERT INTO feedback_responses (id, form_id, account_id, submitted_at)
       SELECT gen_random_uuid(), f.id, CASE WHEN NOT f.anonymous THEN a.id END,
              CASE WHEN NOT f.anonymous THEN e.end_date + interval '1 day' END
         FROM feedback_forms f JOIN events e ON e.id = f.event_id
         JOIN LATERAL (SELECT id FROM accounts ORDER BY email
                        LIMIT CASE WHEN f.anonymous THEN $1::int ELSE $2::int END) a ON true`,
      [ANONYMOUS, NAMED],
    );
    await ds.query(
      `INSERT INTO feedback_answers (response_id, question_id, rating, choice, text)
       SELECT r.id, q.id,
              CASE WHEN q.kind = 'rating' THEN 1 + (hashtext(r.id::text) & 3) END,
              CASE WHEN q.kind = 'choice' THEN hashtext(r.id::text) & 1 END,
              CASE WHEN q.kind = 'text' THEN 'Earlier ' || q.position END
         FROM feedback_responses r JOIN feedback_questions q ON q.form_id = r.form_id`,
    );

    // This year's meeting.
    const [event] = await ds.query(
      `INSERT INTO events (slug, name, kind, start_date, end_date, timezone, capacity, status)
       VALUES ('tangier-2027', 'Tangier 2027', 'meeting', '2027-10-25', '2027-10-30',
               'Africa/Casablanca', 1000, 'published') RETURNING id`,
    );
    eventId = event.id;
    forms.named = await createForm(false, 'Tangier 2027, with names', KINDS);
    forms.anonymous = await createForm(true, 'Tangier 2027', KINDS);
    forms.small = await createForm(true, 'Dinner', ['rating', 'text', 'rating']);
    seeded.named = Array.from({ length: NAMED }, (_, k) => ({
      id: randomUUID(),
      k,
      account: ERASED(k) ? null : accounts[k]!,
      submittedAt: ERASED(k) ? null : new Date(Date.UTC(2027, 9, 30, 18, k % 60)),
    }));
    seeded.anonymous = Array.from({ length: ANONYMOUS }, (_, k) => ({
      id: randomUUID(),
      k,
      account: null,
      submittedAt: null,
    }));
    await insertResponses(forms.named.id, forms.named.questions, seeded.named, 'Named');
    await insertResponses(forms.anonymous.id, forms.anonymous.questions, seeded.anonymous, 'Anon');
    // Two answers to the dinner's form: below the small-group rule.
    await insertResponses(
      forms.small.id,
      forms.small.questions.slice(0, 2),
      [0, 1].map((k) => ({ id: randomUUID(), k, account: null, submittedAt: null })),
      'Dinner',
    );
    await ds.query('VACUUM ANALYZE');
  }, 180_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** Named order: by name (forgotten accounts last), then by the response's random id. */
  const byNameThenId = (a: SeededResponse, b: SeededResponse) => {
    const [x, y] = [a.account?.name ?? null, b.account?.name ?? null];
    if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  const respondent = (r: SeededResponse) =>
    r.account && {
      accountId: r.account.id,
      name: r.account.name,
      email: r.account.email,
      organisation: r.account.organisation,
    };
  const tally = (list: SeededResponse[], position: number, field: 'rating' | 'choice') => {
    const out = new Map<number, number>();
    for (const r of list) {
      const v = answerOf('', r.k, position)[field]!;
      out.set(v, (out.get(v) ?? 0) + 1);
    }
    return out;
  };

  it('counts, averages and texts of a named form, in name order with who wrote them', async () => {
    const got = await results.results(admin, forms.named.id, 'en');
    expect(got.responseCount).toBe(NAMED);
    expect(got.withheld).toBe(false);
    const [first, choice, text, second, lastText] = got.questions;
    const ratings = tally(seeded.named, 0, 'rating');
    expect(first!.counts.map((c) => c.count)).toEqual(
      [1, 2, 3, 4, 5].map((v) => ratings.get(v) ?? 0),
    );
    expect(first!.counts.map((c) => c.count)).toEqual([120, 240, 0, 0, 240]);
    expect(first!.answered).toBe(NAMED);
    expect(first!.average).toBe(3);
    const choices = tally(seeded.named, 1, 'choice');
    expect(choice!.counts).toEqual(
      OPTIONS.map((o, index) => ({ value: index, label: o.en, count: choices.get(index) ?? 0 })),
    );
    expect(second!.counts.map((c) => c.count)).toEqual([150, 150, 150, 150, 0]);
    expect(second!.average).toBe(2.5);
    const ordered = [...seeded.named].sort(byNameThenId);
    expect(text!.answered).toBe(NAMED);
    expect(text!.counts).toEqual([]);
    expect(text!.texts).toEqual(
      ordered.map((r) => ({ text: `Named 2 ${r.k}`, respondent: respondent(r) })),
    );
    expect(lastText!.texts.map((t) => t.text)).toEqual(ordered.map((r) => `Named 4 ${r.k}`));
    // Forgotten accounts' answers come last, without a name.
    expect(text!.texts.at(-1)!.respondent).toBeNull();
    expect(text!.texts[0]!.respondent).toMatchObject({
      name: 'Person 0000',
      email: 'p0001@example.org',
    });
  });

  it('gives an anonymous form its counts and every text, without names', async () => {
    const got = await results.results(admin, forms.anonymous.id, 'en');
    expect(got.withheld).toBe(false);
    expect(got.questions[0]!.counts.map((c) => c.count)).toEqual([100, 200, 0, 0, 200]);
    expect(got.questions[1]!.counts.map((c) => c.count)).toEqual(
      [0, 1, 2].map((v) => tally(seeded.anonymous, 1, 'choice').get(v) ?? 0),
    );
    const texts = got.questions[2]!.texts;
    expect(texts.every((t) => t.respondent === null)).toBe(true);
    expect(texts.map((t) => t.text).sort()).toEqual(
      seeded.anonymous.map((r) => `Anon 2 ${r.k}`).sort(),
    );
  });

  it('shows how many answered and nothing else below the small-group rule', async () => {
    const got = await results.results(admin, forms.small.id, 'en');
    expect(got.withheld).toBe(true);
    expect(got.questions.map((q) => [q.answered, q.counts, q.texts, q.average])).toEqual([
      [2, [], [], null],
      [2, [], [], null],
      [0, [], [], null],
    ]);
    expect(await results.responses(admin, forms.small.id)).toMatchObject({
      withheld: true,
      responses: [],
    });
  });

  it('lists each response whole, named in name order and anonymous in random-id order', async () => {
    const named = await results.responses(admin, forms.named.id, 'en');
    const ordered = [...seeded.named].sort(byNameThenId);
    expect(named.responses.map((r) => r.respondent)).toEqual(ordered.map(respondent));
    expect(named.responses[0]).toEqual({
      respondent: respondent(ordered[0]!),
      submittedAt: expect.stringMatching(/^2027-10-30T18:\d\d:00\+00:00$/),
      answers: forms.named.questions.map((questionId, position) => ({
        questionId,
        ...answerOf('Named', ordered[0]!.k, position),
      })),
    });
    const anonymous = await results.responses(admin, forms.anonymous.id, 'en');
    const byId = [...seeded.anonymous].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(anonymous.responses.map((r) => r.answers[2]!.text)).toEqual(
      byId.map((r) => `Anon 2 ${r.k}`),
    );
    expect(anonymous.responses.every((r) => !r.respondent && !r.submittedAt)).toBe(true);
    expect(anonymous.responses.every((r) => r.answers.length === PER_RESPONSE)).toBe(true);

    const { body } = await results.csv(admin, forms.named.id, 'en');
    const csv = parseCsv(body.replace(/^\uFEFF/, '')); // the BOM that tells Excel it is UTF-8
    expect(csv).toHaveLength(NAMED + 1);
    expect(csv[0]).toEqual([
      'Name',
      'Email',
      'Organisation',
      'Answered at',
      ...KINDS.map((_, p) => `Question ${p}`),
    ]);
    const k = ordered[0]!.k;
    expect(csv[1]!.slice(4)).toEqual([
      String(answerOf('', k, 0).rating),
      OPTIONS[answerOf('', k, 1).choice!]!.en,
      `Named 2 ${k}`,
      String(answerOf('', k, 3).rating),
      `Named 4 ${k}`,
    ]);
  });

  it('finds one person’s named answers for their data export without reading everyone’s', async () => {
    const [person] = await ds.query(
      `SELECT account_id, count(*)::int AS responses FROM feedback_responses
        WHERE account_id IS NOT NULL GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1`,
    );
    const [{ total }] = await ds.query(`SELECT count(*)::int AS total FROM feedback_responses`);
    expect(person.responses).toBeGreaterThan(1);
    expect(total).toBeGreaterThan(100 * person.responses);
    const recording = recordStatements(ds);
    const exported = await feedbackForExport(ds, person.account_id);
    recording.stop();
    expect(exported.named).toHaveLength(person.responses);
    for (const statement of recording.statements.filter((s) => /feedback_responses/.test(s.sql))) {
      const read = await rowsReadByTable(ds, statement);
      expect(read.get('feedback_responses') ?? 0).toBeLessThanOrEqual(person.responses);
    }
  });

  it("reads only the form's own answers and responses, whatever the network's history", async () => {
    const own = async (formId: string) => {
      const [row] = await ds.query(
        `SELECT (SELECT count(*) FROM feedback_responses WHERE form_id = $1)::int AS responses,
                (SELECT count(*) FROM feedback_answers a JOIN feedback_responses r ON r.id = a.response_id
                  WHERE r.form_id = $1)::int AS answers`,
        [formId],
      );
      return row as { responses: number; answers: number };
    };
    const [history] = await ds.query(
      `SELECT count(*)::int AS answers FROM feedback_answers a
         JOIN feedback_responses r ON r.id = a.response_id
         JOIN feedback_forms f ON f.id = r.form_id WHERE f.event_id <> $1`,
      [eventId],
    );
    const [event] = await ds.query(
      `SELECT count(*)::int AS answers FROM feedback_answers a
         JOIN feedback_responses r ON r.id = a.response_id
         JOIN feedback_forms f ON f.id = r.form_id WHERE f.event_id = $1`,
      [eventId],
    );
    // The history dwarfs the event, so reading it would show.
    expect(history.answers).toBeGreaterThan(10 * event.answers);

    for (const form of [forms.named, forms.anonymous, forms.small]) {
      const mine = await own(form.id);
      const recording = recordStatements(ds);
      try {
        await results.results(admin, form.id, 'en');
        await results.csv(admin, form.id, 'en'); // through responses()
      } finally {
        recording.stop();
      }
      // Who wrote what: one account a response, not the address book.
      for (const statement of recording.statements.filter((s) => /\baccounts\b/.test(s.sql))) {
        const read = await rowsReadByTable(ds, statement);
        expect(read.get('accounts') ?? 0).toBeLessThanOrEqual(mine.responses);
      }
      const reads: Statement[] = recording.statements.filter((s) => /feedback_answers/.test(s.sql));
      // Counts and texts (or the withheld count), and the CSV's answers when not withheld.
      expect(reads).toHaveLength(form === forms.small ? 1 : 3);
      for (const statement of reads) {
        const read = await rowsReadByTable(ds, statement);
        expect(read.get('feedback_answers') ?? 0).toBeLessThanOrEqual(mine.answers);
        expect(read.get('feedback_responses') ?? 0).toBeLessThanOrEqual(mine.responses);
      }
    }
  });
});
