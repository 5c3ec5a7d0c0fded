import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { endEverySession } from '#accounts';
import { eraseAccountFeedback } from '#feedback';
import { eraseAccountJournal } from '#learning';
import { type Actor, conflict } from '#core';
import { OPEN_STATUSES, RegistrationWorkflow } from '#registrations';
import { eraseAccountTravel } from '#travel';
import { eraseAccountRegistrations, eraseAccountStays } from './registration-erasure.js';

/**
 * "Forget me": the person's live registrations are cancelled (their seats go to the
 * next people waiting, as for any cancellation), then the account is anonymised rather
 * than deleted, so past events keep their counts without knowing who it was.
 */
@Injectable()
export class AccountErasure {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: RegistrationWorkflow,
  ) {}

  async eraseSelf(actor: Actor): Promise<void> {
    const soleOrganiserOf = (await this.dataSource.query(
      `SELECT e.name FROM event_staff s JOIN events e ON e.id = s.event_id
        WHERE s.account_id = $1 AND s.role = 'organiser' AND e.status <> 'archived'
          AND NOT EXISTS (SELECT 1 FROM event_staff o WHERE o.event_id = s.event_id
                            AND o.role = 'organiser' AND o.account_id <> $1)`,
      [actor.accountId],
    )) as Array<{ name: string }>;
    if (soleOrganiserOf.length > 0) {
      throw conflict(
        `Hand over these events to another organiser first: ${soleOrganiserOf.map((e) => e.name).join(', ')}`,
        { events: soleOrganiserOf.map((e) => e.name) },
      );
    }

    // An archived edition is read-only: its registrations stay as the record of who came
    // (the account is anonymised below, so they no longer say who it was).
    const live = (await this.dataSource.query(
      `SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id
        WHERE r.account_id = $1 AND r.status = ANY($2::text[]) AND e.status <> 'archived'`,
      [actor.accountId, OPEN_STATUSES],
    )) as Array<{ id: string }>;
    for (const { id } of live) {
      await this.workflow.cancel(actor, id, 'The participant erased their account');
    }

    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE accounts SET email = 'erased-' || id || '@erased.invalid', name = 'Erased account',
                password_hash = NULL, erased_at = now(), updated_at = now()
          WHERE id = $1`,
        [actor.accountId],
      );
      await eraseAccountRegistrations(manager, actor.accountId);
      await eraseAccountStays(manager, actor.accountId);
      await eraseAccountTravel(manager, actor.accountId);
      await eraseAccountJournal(manager, actor.accountId);
      await eraseAccountFeedback(manager, actor.accountId);
      // Nothing more is sent to someone who asked to be forgotten, not even what is queued.
      await manager.query(`DELETE FROM messages WHERE recipient_account_id = $1`, [
        actor.accountId,
      ]);
      await manager.query(`DELETE FROM magic_link_tokens WHERE account_id = $1`, [actor.accountId]);
      await manager.query(`DELETE FROM calendar_feeds WHERE account_id = $1`, [actor.accountId]);
      // Browsers and bearer tokens alike: nothing signed before works any more.
      await endEverySession(manager, actor.accountId);
      await manager.query(`DELETE FROM event_staff WHERE account_id = $1`, [actor.accountId]);
    });
  }
}
