import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An announcement's emails by event and announcement. The organisers' progress page reloads
 * itself while emails are pending and each load counted them through the event's index,
 * reading and parsing every email of the event (registrations, reminders, every earlier
 * announcement) to keep the ones whose payload names this announcement. Partial: only
 * announcement rows are indexed, so other emails cost nothing more to write.
 */
export class AnnouncementMessagesIndex1763704100000 implements MigrationInterface {
  name = 'AnnouncementMessagesIndex1763704100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX messages_announcement_idx ON messages (event_id, (payload->>'announcementId'))
        WHERE template = 'announcement'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX messages_announcement_idx`);
  }
}
