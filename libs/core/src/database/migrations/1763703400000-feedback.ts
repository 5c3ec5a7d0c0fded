import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback forms after a session or an event. Who answered and what was answered live in
 * two tables with nothing in common but the form: `feedback_respondents` (answer once,
 * the day only) and `feedback_responses` (random ids; on anonymous forms no account and no
 * time at all). Listings order responses by their random id, never by insertion, so the
 * order rows were written in cannot pair a respondent with a response.
 */
export class Feedback1763703400000 implements MigrationInterface {
  name = 'Feedback1763703400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE feedback_forms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        session_id uuid REFERENCES sessions(id) ON DELETE CASCADE,
        titles jsonb NOT NULL,
        anonymous boolean NOT NULL DEFAULT false,
        opens_at timestamptz,
        closes_at timestamptz NOT NULL,
        created_by uuid REFERENCES accounts(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX feedback_forms_event ON feedback_forms (event_id)`);
    await q.query(`
      CREATE TABLE feedback_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        form_id uuid NOT NULL REFERENCES feedback_forms(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        kind text NOT NULL CHECK (kind IN ('rating', 'choice', 'text')),
        texts jsonb NOT NULL,
        options jsonb NOT NULL DEFAULT '[]'::jsonb,
        required boolean NOT NULL DEFAULT true,
        UNIQUE (form_id, position)
      )`);
    await q.query(`
      CREATE TABLE feedback_respondents (
        form_id uuid NOT NULL REFERENCES feedback_forms(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        answered_on date NOT NULL,
        PRIMARY KEY (form_id, account_id)
      )`);
    await q.query(`
      CREATE TABLE feedback_responses (
        id uuid PRIMARY KEY,
        form_id uuid NOT NULL REFERENCES feedback_forms(id) ON DELETE CASCADE,
        account_id uuid REFERENCES accounts(id) ON DELETE SET NULL,
        submitted_at timestamptz
      )`);
    await q.query(`CREATE INDEX feedback_responses_form ON feedback_responses (form_id, id)`);
    await q.query(`
      CREATE TABLE feedback_answers (
        response_id uuid NOT NULL REFERENCES feedback_responses(id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES feedback_questions(id) ON DELETE CASCADE,
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        choice smallint CHECK (choice >= 0),
        text text CHECK (char_length(text) BETWEEN 1 AND 2000),
        PRIMARY KEY (response_id, question_id),
        CHECK (num_nonnulls(rating, choice, text) = 1)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE feedback_answers`);
    await q.query(`DROP TABLE feedback_responses`);
    await q.query(`DROP TABLE feedback_respondents`);
    await q.query(`DROP TABLE feedback_questions`);
    await q.query(`DROP TABLE feedback_forms`);
  }
}
