import type { DataSource, EntityManager } from 'typeorm';
import type { Sharing } from './journal-rules.js';

/**
 * "Forget me": the person's journal entries go, with the hosts' answers to them (an
 * answer without its entry means nothing). Answers the person wrote as a host stay with
 * the visitor's entry, no longer signed (the account is anonymised).
 */
export async function eraseAccountJournal(manager: EntityManager, accountId: string) {
  await manager.query(`DELETE FROM journal_entries WHERE account_id = $1`, [accountId]);
}

/**
 * An immersion's personal data erased after it (retention): entries kept private or
 * shared with the host alone go, with their answers. Entries the visitors shared with
 * the network stay: they are the exchange report, written to be kept.
 */
export async function eraseEventJournals(manager: EntityManager, eventId: string) {
  await manager.query(`DELETE FROM journal_entries WHERE event_id = $1 AND sharing <> 'network'`, [
    eventId,
  ]);
}

export interface JournalExport {
  eventName: string;
  day: string;
  observations: string;
  questions: string;
  practice: string;
  sharing: Sharing;
  createdAt: string;
  updatedAt: string;
  /** The host's answer to it, while the entry is shared. */
  answer: { body: string; answeredAt: string } | null;
}

/** "What do you hold about me?": the person's own entries, and the answers they wrote as a host. */
export async function journalForExport(
  db: DataSource | EntityManager,
  accountId: string,
): Promise<{
  entries: JournalExport[];
  answersWritten: Array<{ eventName: string; day: string; body: string; answeredAt: string }>;
}> {
  const entries = (await db.query(
    `SELECT e.name AS event_name, j.day::text AS day, j.observations, j.questions, j.practice,
            j.sharing, j.created_at, j.updated_at, an.body AS answer_body, an.answered_at
       FROM journal_entries j JOIN events e ON e.id = j.event_id
       LEFT JOIN journal_answers an ON an.entry_id = j.id AND j.sharing <> 'private'
      WHERE j.account_id = $1 ORDER BY j.day, j.id`,
    [accountId],
  )) as Array<{
    event_name: string;
    day: string;
    observations: string;
    questions: string;
    practice: string;
    sharing: Sharing;
    created_at: Date;
    updated_at: Date;
    answer_body: string | null;
    answered_at: Date | null;
  }>;
  const answers = (await db.query(
    `SELECT e.name AS event_name, j.day::text AS day, an.body, an.answered_at
       FROM journal_answers an JOIN journal_entries j ON j.id = an.entry_id
       JOIN events e ON e.id = j.event_id
      WHERE an.author_account_id = $1 ORDER BY an.answered_at`,
    [accountId],
  )) as Array<{ event_name: string; day: string; body: string; answered_at: Date }>;
  return {
    entries: entries.map((r) => ({
      eventName: r.event_name,
      day: r.day,
      observations: r.observations,
      questions: r.questions,
      practice: r.practice,
      sharing: r.sharing,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
      answer:
        r.answer_body !== null
          ? { body: r.answer_body, answeredAt: new Date(r.answered_at!).toISOString() }
          : null,
    })),
    answersWritten: answers.map((a) => ({
      eventName: a.event_name,
      day: a.day,
      body: a.body,
      answeredAt: new Date(a.answered_at).toISOString(),
    })),
  };
}
