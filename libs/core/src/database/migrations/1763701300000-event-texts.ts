import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's name, description and practical information in each of its languages:
 * one jsonb object per text, keyed by locale ({"fr": "...", "en": "..."}). The plain
 * name and description columns stay: they hold the text in the event's first language
 * and are what a reader sees when their language has no text of its own. Also the key a
 * client may give the request that creates an event, so the same form sent twice makes one.
 */
export class EventTexts1763701300000 implements MigrationInterface {
  name = 'EventTexts1763701300000';

  async up(q: QueryRunner): Promise<void> {
    for (const column of ['names', 'descriptions', 'practical_info']) {
      await q.query(`
        ALTER TABLE events ADD COLUMN ${column} jsonb NOT NULL DEFAULT '{}'::jsonb
          CONSTRAINT events_${column}_is_object CHECK (jsonb_typeof(${column}) = 'object')`);
    }
    // A client's key for the request that created an event: a double submit is one event.
    await q.query(`ALTER TABLE events ADD COLUMN creation_key uuid`);
    await q.query(
      `ALTER TABLE events ADD CONSTRAINT events_creation_key_key UNIQUE (created_by, creation_key)`,
    );
    // What exists today is written in the event's first language.
    await q.query(`UPDATE events SET names = jsonb_build_object(languages[1], name)`);
    await q.query(`
      UPDATE events SET descriptions = jsonb_build_object(languages[1], description)
       WHERE description IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events DROP COLUMN creation_key`);
    await q.query(`ALTER TABLE events DROP COLUMN practical_info`);
    await q.query(`ALTER TABLE events DROP COLUMN descriptions`);
    await q.query(`ALTER TABLE events DROP COLUMN names`);
  }
}
