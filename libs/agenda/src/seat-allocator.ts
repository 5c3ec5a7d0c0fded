import type { EntityManager } from 'typeorm';
import { pgErrorCode } from '#core';

/*
 * Seat bookkeeping shared by sign-ups, moves and session edits. Every function expects
 * to run inside a transaction that already holds the session row FOR UPDATE, so the
 * count of confirmed seats cannot change under it.
 */

export async function lockSession(
  m: EntityManager,
  sessionId: string,
): Promise<{ capacity: number | null; startsAt: Date; endsAt: Date; status: string } | undefined> {
  const rows: Array<{ capacity: number | null; starts_at: Date; ends_at: Date; status: string }> =
    await m.query(
      `SELECT capacity, starts_at, ends_at, status FROM sessions WHERE id = $1 FOR UPDATE`,
      [sessionId],
    );
  const r = rows[0];
  return r && { capacity: r.capacity, startsAt: r.starts_at, endsAt: r.ends_at, status: r.status };
}

/** Locks several sessions' rows in id order (the order every multi-session lock uses). */
export async function lockSessions(m: EntityManager, sessionIds: readonly string[]): Promise<void> {
  await m.query(`SELECT 1 FROM sessions WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
    sessionIds,
  ]);
}

/** Serialises agenda edits of one event (clash checks read, then write). */
export async function lockEventAgenda(m: EntityManager, eventId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 42))`, [`agenda:${eventId}`]);
}

export async function confirmedCount(m: EntityManager, sessionId: string): Promise<number> {
  const [row]: Array<{ n: number }> = await m.query(
    `SELECT count(*)::int AS n FROM signups WHERE session_id = $1 AND status = 'confirmed'`,
    [sessionId],
  );
  return row.n;
}

/** The person's confirmed sessions overlapping [start, end), other than `exceptSessionId`. */
export async function overlappingHeld(
  m: EntityManager,
  accountId: string,
  start: Date,
  end: Date,
  exceptSessionId: string,
): Promise<string[]> {
  const rows: Array<{ session_id: string }> = await m.query(
    `SELECT session_id FROM signups
      WHERE account_id = $1 AND status = 'confirmed' AND session_id <> $4
        AND tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')
      ORDER BY starts_at`,
    [accountId, start, end, exceptSessionId],
  );
  return rows.map((r) => r.session_id);
}

/**
 * Fills free seats from the waitlist in arrival order. Someone who meanwhile holds an
 * overlapping session stays on the waitlist and the next person is served; a savepoint
 * keeps a lost race with the exclusion constraint from aborting the transaction. Only
 * people whose registration is still confirmed are served (a registration that ends
 * takes its sign-ups with it; this also skips any left from before that rule).
 *
 * The next people waiting are confirmed together, in one statement: one at a time, an
 * organiser adding 100 seats cost 400 round trips under the session's lock. They are
 * different people (one sign-up each per session), so only a sign-up elsewhere made
 * meanwhile can clash; then that group is served one by one, skipping whoever clashes.
 */
export async function promoteWaitlist(m: EntityManager, sessionId: string): Promise<string[]> {
  const [session]: Array<{ capacity: number | null }> = await m.query(
    `SELECT capacity FROM sessions WHERE id = $1`,
    [sessionId],
  );
  if (!session) return [];
  const promoted: string[] = [];
  const skipped: string[] = [];
  // The session lock keeps the confirmed count ours: it only grows by our promotions.
  let free =
    session.capacity == null ? Infinity : session.capacity - (await confirmedCount(m, sessionId));
  const confirm = async (ids: string[]): Promise<boolean> => {
    await m.query(`SAVEPOINT promote_seats`);
    try {
      await m.query(
        `UPDATE signups SET status = 'confirmed', confirmed_at = now(), updated_at = now()
          WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      await m.query(`RELEASE SAVEPOINT promote_seats`);
      return true;
    } catch (e) {
      if (pgErrorCode(e) !== '23P01') throw e;
      await m.query(`ROLLBACK TO SAVEPOINT promote_seats`);
      return false;
    }
  };
  while (free > 0) {
    const next: Array<{ id: string }> = await m.query(
      `SELECT w.id FROM signups w
        WHERE w.session_id = $1 AND w.status = 'waitlisted' AND w.id <> ALL($2::uuid[])
          AND EXISTS (
            SELECT 1 FROM registrations r WHERE r.id = w.registration_id AND r.status = 'confirmed')
          AND NOT EXISTS (
            SELECT 1 FROM signups o
             WHERE o.account_id = w.account_id AND o.status = 'confirmed'
               AND tstzrange(o.starts_at, o.ends_at, '[)') && tstzrange(w.starts_at, w.ends_at, '[)'))
        ORDER BY w.seq LIMIT $3`,
      [sessionId, skipped, Number.isFinite(free) ? free : null],
    );
    if (next.length === 0) break;
    const ids = next.map((n) => n.id);
    if (await confirm(ids)) {
      promoted.push(...ids);
      free -= ids.length;
      continue;
    }
    for (const id of ids) {
      if (free <= 0) break;
      if (await confirm([id])) {
        promoted.push(id);
        free--;
      } else skipped.push(id);
    }
  }
  return promoted;
}
