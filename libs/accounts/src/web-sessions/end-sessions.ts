import type { EntityManager } from 'typeorm';

/**
 * Ends every session of an account, whatever carries it: the browsers' cookie sessions
 * are deleted and the token version goes up, so every bearer token signed before stops
 * working at its next request (AuthService.authenticate compares the two). A password
 * change, a reset, "log out everywhere" and an erasure all go through here; the caller
 * then hands the person who acted one new session or token, if any.
 */
export async function endEverySession(manager: EntityManager, accountId: string): Promise<void> {
  await manager.query(`DELETE FROM web_sessions WHERE account_id = $1`, [accountId]);
  await manager.query(`UPDATE accounts SET token_version = token_version + 1 WHERE id = $1`, [
    accountId,
  ]);
}
