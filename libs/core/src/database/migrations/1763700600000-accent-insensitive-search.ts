import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisers type "Traore", "Segou" or "Peru" on a phone keyboard; the data says
 * "Traoré", "Ségou", "Perú". convene_fold() lower-cases and strips accents so searches
 * match either way. Declared immutable (with a fixed dictionary) so it can be indexed.
 */
export class AccentInsensitiveSearch1763700600000 implements MigrationInterface {
  name = 'AccentInsensitiveSearch1763700600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`
      CREATE FUNCTION convene_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION convene_fold(text)`);
    await q.query(`DROP EXTENSION IF EXISTS unaccent`);
  }
}
