import type { EntityManager } from 'typeorm';
import { lockSessions } from './seat-allocator.js';
import type { WaitlistPromoter } from './waitlist-promoter.js';

/** A confirmed seat someone no longer holds at that time (left, removed, cancelled or moved). */
export interface GoneSeat {
  accountId: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * A waitlisted person is passed over while they hold an overlapping confirmed seat. When
 * that seat goes, the sessions where they wait at that time are filled again (in waitlist
 * order, so whoever is first and free gets the seat), or a seat would stay empty while
 * they wait. Runs in the transaction that took the seat away; locks those sessions in id
 * order. Returns the sign-ups promoted.
 */
export async function promoteWhereClashWent(
  m: EntityManager,
  promoter: WaitlistPromoter,
  gone: readonly GoneSeat[],
): Promise<string[]> {
  if (gone.length === 0) return [];
  const rows: Array<{ session_id: string }> = await m.query(
    `SELECT DISTINCT w.session_id
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS f(account_id, starts_at, ends_at)
       JOIN signups w ON w.account_id = f.account_id AND w.status = 'waitlisted'
                     AND tstzrange(w.starts_at, w.ends_at, '[)') && tstzrange(f.starts_at, f.ends_at, '[)')
      ORDER BY w.session_id`,
    [gone.map((g) => g.accountId), gone.map((g) => g.startsAt), gone.map((g) => g.endsAt)],
  );
  if (rows.length === 0) return [];
  const sessionIds = rows.map((r) => r.session_id);
  await lockSessions(m, sessionIds);
  const promoted: string[] = [];
  for (const id of sessionIds) promoted.push(...(await promoter.fillFreeSeats(m, id)));
  return promoted;
}
