import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The number in a letter reference ("TNG27-0042" -> 42), by event. Issuing a letter takes
 * the event's highest number so far under a lock; without this index that read parsed the
 * reference of every travel plan of the event, so each letter cost time in proportion to
 * the event (10 ms at 10,000 plans, under the lock) and issuing everyone's letters grew with
 * the square of the event. The expression is the one `VisaLetters.identify` reads.
 */
export class LetterNumberIndex1763704200000 implements MigrationInterface {
  name = 'LetterNumberIndex1763704200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX travel_plans_letter_number_idx
          ON travel_plans (event_id, (substring(letter_reference from '-(\\d+)$')::int))
       WHERE letter_reference IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX travel_plans_letter_number_idx`);
  }
}
