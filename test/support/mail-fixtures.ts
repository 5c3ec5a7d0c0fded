import type { DataSource } from 'typeorm';
import type { MailWorkerOptions } from '#messaging/worker';

/** Retries in a test's time: a delayed message goes again within a second. */
export const FAST_MAIL: Partial<MailWorkerOptions> = {
  backoffMs: 150,
  maxBackoffMs: 600,
  retryWindowMs: 3600_000,
  relayIntervalMs: 150,
};

/**
 * A sign-in email already handed to the queue (as the relay leaves it), so only a
 * worker that is handed its job, or the sweeper, will send it.
 */
export async function insertHandedOver(
  ds: DataSource,
  email: string,
  locale = 'fr',
): Promise<string> {
  const [{ id }] = await ds.query(
    `INSERT INTO messages (template, locale, recipient_email, payload, status, attempts, enqueued_at)
     VALUES ('magic_link', $3, $1, $2, 'queued', 0, now()) RETURNING id`,
    [
      email,
      { recipientName: 'Awa', link: 'https://convene.test/m', expiresAt: new Date().toISOString() },
      locale,
    ],
  );
  return id as string;
}
