import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session's title and description, and a site visit's rules, in each language the
 * organisers wrote them in: jsonb objects keyed by locale ({"fr": "...", "en": "..."};
 * rules: {"fr": ["..."], "en": ["..."]}). The plain columns stay and hold the text in the
 * event's first language, as for events (1763701300000): what exists today is taken to
 * be written in it.
 */
export class SessionTexts1763702910000 implements MigrationInterface {
  name = 'SessionTexts1763702910000';

  async up(q: QueryRunner): Promise<void> {
    for (const column of ['titles', 'descriptions']) {
      await q.query(`
        ALTER TABLE sessions ADD COLUMN ${column} jsonb NOT NULL DEFAULT '{}'::jsonb
          CONSTRAINT sessions_${column}_is_object CHECK (jsonb_typeof(${column}) = 'object')`);
    }
    await q.query(`
      ALTER TABLE site_visits ADD COLUMN rules_texts jsonb NOT NULL DEFAULT '{}'::jsonb
        CONSTRAINT site_visits_rules_texts_is_object CHECK (jsonb_typeof(rules_texts) = 'object')`);
    await q.query(`
      UPDATE sessions s SET titles = jsonb_build_object(e.languages[1], s.title)
        FROM events e WHERE e.id = s.event_id`);
    await q.query(`
      UPDATE sessions s SET descriptions = jsonb_build_object(e.languages[1], s.description)
        FROM events e WHERE e.id = s.event_id AND s.description IS NOT NULL`);
    await q.query(`
      UPDATE site_visits v SET rules_texts = jsonb_build_object(e.languages[1], to_jsonb(v.rules))
        FROM sessions s JOIN events e ON e.id = s.event_id
       WHERE s.id = v.session_id AND cardinality(v.rules) > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE site_visits DROP COLUMN rules_texts`);
    await q.query(`ALTER TABLE sessions DROP COLUMN descriptions`);
    await q.query(`ALTER TABLE sessions DROP COLUMN titles`);
  }
}
