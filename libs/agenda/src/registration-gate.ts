import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Reads the registrations table owned by the registrations lib, by SQL only: who holds
 * a confirmed registration. (The bus list joins the registration of each sign-up for
 * the phones; the only code the agenda takes from that lib is its lifecycle hook.)
 */
@Injectable()
export class RegistrationGate {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async confirmedRegistrationId(eventId: string, accountId: string): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM registrations WHERE event_id = $1 AND account_id = $2 AND status = 'confirmed'
        ORDER BY id LIMIT 1`,
      [eventId, accountId],
    );
    return rows[0]?.id;
  }

  /**
   * True when the registration is still confirmed, and keeps it so until the caller's
   * transaction ends: a cancellation or rejection running at the same time waits for
   * us and then frees the seat we took (or, having gone first, makes this false). Take
   * it before any session lock; the registration workflow locks in that order too.
   */
  async holdConfirmed(manager: EntityManager, registrationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM registrations WHERE id = $1 AND status = 'confirmed' FOR SHARE`,
      [registrationId],
    );
    return rows.length > 0;
  }

  /** Event ids where the account holds a confirmed registration. */
  async confirmedEventIds(accountId: string): Promise<string[]> {
    const rows: Array<{ event_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT event_id FROM registrations WHERE account_id = $1 AND status = 'confirmed'`,
      [accountId],
    );
    return rows.map((r) => r.event_id);
  }
}
