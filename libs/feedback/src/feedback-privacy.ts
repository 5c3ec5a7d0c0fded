import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;
type Texts = Record<string, string>;

/**
 * "Forget me": the person's named answers lose their name and time, and what they wrote
 * in their own words goes (a sentence can name its author as surely as a column). Ratings
 * and choices stay in the counts, as anonymous answers do. Who-answered rows go too: the
 * once-only rule means nothing for an account that can no longer sign in.
 */
export async function eraseAccountFeedback(manager: EntityManager, accountId: string) {
  await manager.query(
    `DELETE FROM feedback_answers a USING feedback_responses r
      WHERE a.response_id = r.id AND r.account_id = $1 AND a.text IS NOT NULL`,
    [accountId],
  );
  await manager.query(
    `UPDATE feedback_responses SET account_id = NULL, submitted_at = NULL WHERE account_id = $1`,
    [accountId],
  );
  await manager.query(`DELETE FROM feedback_respondents WHERE account_id = $1`, [accountId]);
}

/**
 * An event's personal data erased after it (retention): every answer of its forms becomes
 * anonymous (no account, no time) and who answered is forgotten; the results stay.
 */
export async function eraseEventFeedback(manager: EntityManager, eventId: string) {
  await manager.query(
    `UPDATE feedback_responses SET account_id = NULL, submitted_at = NULL
      WHERE account_id IS NOT NULL
        AND form_id IN (SELECT id FROM feedback_forms WHERE event_id = $1)`,
    [eventId],
  );
  await manager.query(
    `DELETE FROM feedback_respondents
      WHERE form_id IN (SELECT id FROM feedback_forms WHERE event_id = $1)`,
    [eventId],
  );
}

export interface FeedbackExport {
  /** Answers given on forms with names: the person's own words and marks. */
  named: Array<{
    eventName: string;
    formTitles: Texts;
    submittedAt: string | null;
    answers: Array<{
      question: Texts;
      rating: number | null;
      choice: Texts | null;
      text: string | null;
    }>;
  }>;
  /**
   * Anonymous forms the person answered: only that they did, and the day. What they
   * answered is kept apart from them by design, so no one (not even this export) can
   * bring the two together.
   */
  anonymous: Array<{ eventName: string; formTitles: Texts; answeredOn: string }>;
}

export async function feedbackForExport(db: Db, accountId: string): Promise<FeedbackExport> {
  const named = (await db.query(
    `SELECT r.id, e.name AS event_name, f.titles, r.submitted_at,
            q.texts AS question, q.options, a.rating, a.choice, a.text
       FROM feedback_responses r
       JOIN feedback_forms f ON f.id = r.form_id
       JOIN events e ON e.id = f.event_id
       JOIN feedback_answers a ON a.response_id = r.id
       JOIN feedback_questions q ON q.id = a.question_id
      WHERE r.account_id = $1 AND NOT f.anonymous
      ORDER BY r.submitted_at, r.id, q.position`,
    [accountId],
  )) as Array<{
    id: string;
    event_name: string;
    titles: Texts;
    submitted_at: Date | null;
    question: Texts;
    options: Texts[];
    rating: number | null;
    choice: number | null;
    text: string | null;
  }>;
  const byResponse = new Map<string, FeedbackExport['named'][number]>();
  for (const row of named) {
    let response = byResponse.get(row.id);
    if (!response) {
      response = {
        eventName: row.event_name,
        formTitles: row.titles,
        submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
        answers: [],
      };
      byResponse.set(row.id, response);
    }
    response.answers.push({
      question: row.question,
      rating: row.rating,
      choice: row.choice === null ? null : (row.options[row.choice] ?? null),
      text: row.text,
    });
  }
  const anonymous = (await db.query(
    `SELECT e.name AS event_name, f.titles, p.answered_on::text AS answered_on
       FROM feedback_respondents p
       JOIN feedback_forms f ON f.id = p.form_id
       JOIN events e ON e.id = f.event_id
      WHERE p.account_id = $1 AND f.anonymous
      ORDER BY p.answered_on, f.id`,
    [accountId],
  )) as Array<{ event_name: string; titles: Texts; answered_on: string }>;
  return {
    named: [...byResponse.values()],
    anonymous: anonymous.map((a) => ({
      eventName: a.event_name,
      formTitles: a.titles,
      answeredOn: a.answered_on,
    })),
  };
}
