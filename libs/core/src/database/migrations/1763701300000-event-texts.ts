import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's name, description and practical information in each of its languages:
 * one jsonb object per text, keyed by locale ({"fr": "...", "en": "..."}). The plain
 * name and description columns stay: they hold the text in the event's first language
 * and are what a reader sees when their language has no text of its own.
 */
export class EventTexts1763701300000 implements MigrationInterface {
  name = 'EventTexts1763701300000';

  async up(q: QueryRunner): Promise<void> {
    for (const column of ['names', 'descriptions', 'practical_info']) {
      await q.query(`
        ALTER TABLE events ADD COLUMN ${column} jsonb NOT NULL DEFAULT '{}'::jsonb
          CONSTRAINT events_${column}_is_object CHECK (jsonb_typeof(${column}) = 'object')`);
    }
    // What exists today is written in the event's first language.
    await q.query(`UPDATE events SET names = jsonb_build_object(languages[1], name)`);
    await q.query(`
      UPDATE events SET descriptions = jsonb_build_object(languages[1], description)
       WHERE description IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events DROP COLUMN practical_info`);
    await q.query(`ALTER TABLE events DROP COLUMN descriptions`);
    await q.query(`ALTER TABLE events DROP COLUMN names`);
  }
}
