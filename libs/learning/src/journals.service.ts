import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, isUuid, notFound } from '#core';
import type { Event } from '#events';
import {
  checkAnswer,
  checkJournalText,
  eventDays,
  fieldError,
  hostSees,
  isSharing,
  type JournalField,
  type Sharing,
} from './journal-rules.js';
import { LearningAccess, type LearningStanding } from './learning-access.js';

export interface JournalAnswerView {
  body: string;
  answeredAt: string;
  authorName: string | null;
}

export interface JournalEntryView {
  id: string;
  eventId: string;
  day: string;
  observations: string;
  questions: string;
  practice: string;
  sharing: Sharing;
  author: { name: string; organisation: string | null };
  /** Only while the entry is shared: unsharing hides the answer too. */
  answer: JournalAnswerView | null;
  updatedAt: string;
}

export interface MyJournal {
  event: Event;
  days: Array<{ day: string; entry: JournalEntryView | null }>;
}

export interface SharedJournal {
  event: Event;
  entries: JournalEntryView[];
}

export type JournalInput = Partial<Record<JournalField, unknown>> & { sharing?: unknown };

interface Row {
  id: string;
  event_id: string;
  account_id: string;
  day: string;
  observations: string;
  questions: string;
  practice: string;
  sharing: Sharing;
  updated_at: Date;
  author_name: string;
  author_organisation: string | null;
  answer_body: string | null;
  answered_at: Date | null;
  answer_author: string | null;
}

const SELECT = `
  SELECT j.id, j.event_id, j.account_id, j.day::text AS day, j.observations, j.questions,
         j.practice, j.sharing, j.updated_at, a.name AS author_name, o.name AS author_organisation,
         an.body AS answer_body, an.answered_at, aa.name AS answer_author
    FROM journal_entries j
    JOIN accounts a ON a.id = j.account_id
    JOIN registrations r ON r.id = j.registration_id
    LEFT JOIN organisations o ON o.id = r.organisation_id
    LEFT JOIN journal_answers an ON an.entry_id = j.id
    LEFT JOIN accounts aa ON aa.id = an.author_account_id AND aa.erased_at IS NULL`;

export function entryView(row: Row): JournalEntryView {
  const shared = hostSees(row.sharing);
  return {
    id: row.id,
    eventId: row.event_id,
    day: row.day,
    observations: row.observations,
    questions: row.questions,
    practice: row.practice,
    sharing: row.sharing,
    author: { name: row.author_name, organisation: row.author_organisation },
    answer:
      shared && row.answer_body !== null
        ? {
            body: row.answer_body,
            answeredAt: new Date(row.answered_at!).toISOString(),
            authorName: row.answer_author,
          }
        : null,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * The visitors' daily journals of an immersion. An entry is its author's alone until they
 * share it: with the host (organisers, host staff and the host organisation's people see
 * it and may answer) or with the network (the host too, and the exchange report prints
 * it). Anyone else, organisers included, finds nothing: 404, as for an entry that does
 * not exist.
 */
@Injectable()
export class Journals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LearningAccess,
  ) {}

  /** The visitor's days, each with its entry when written. */
  async mine(actor: Actor, eventId: string): Promise<MyJournal> {
    const s = await this.requireVisitor(actor, eventId);
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE j.registration_id = $1 ORDER BY j.day`,
      [s.visitor!.registrationId],
    )) as Row[];
    const byDay = new Map(rows.map((r) => [r.day, entryView(r)]));
    return {
      event: s.event,
      days: eventDays(s.event.startDate, s.event.endDate).map((day) => ({
        day,
        entry: byDay.get(day) ?? null,
      })),
    };
  }

  /** Writes (or rewrites) the visitor's entry for one day of the immersion. */
  async saveDay(
    actor: Actor,
    eventId: string,
    day: string,
    input: JournalInput,
  ): Promise<JournalEntryView> {
    const s = await this.requireVisitor(actor, eventId);
    if (!eventDays(s.event.startDate, s.event.endDate).includes(day)) {
      throw fieldError(
        'day',
        'isEventDay',
        `day must be one of the immersion's days (${s.event.startDate} to ${s.event.endDate})`,
      );
    }
    const text = checkJournalText(input);
    const sharing = this.sharingOf(input.sharing, 'private');
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO journal_entries
              (event_id, registration_id, account_id, day, observations, questions, practice, sharing)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (registration_id, day) DO UPDATE
          SET observations = EXCLUDED.observations, questions = EXCLUDED.questions,
              practice = EXCLUDED.practice, sharing = EXCLUDED.sharing, updated_at = now()
       RETURNING id`,
      [
        eventId,
        s.visitor!.registrationId,
        actor.accountId,
        day,
        text.observations,
        text.questions,
        text.practice,
        sharing,
      ],
    )) as Array<{ id: string }>;
    return this.read(id);
  }

  /** One entry: its author, or the host once it is shared. Nobody else learns it exists. */
  async get(actor: Actor, entryId: string): Promise<JournalEntryView> {
    const row = await this.row(entryId);
    if (row.account_id === actor.accountId) return entryView(row);
    if (!hostSees(row.sharing)) throw notFound('Journal entry');
    const s = await this.access.standing(actor, row.event_id, 'Journal entry');
    if (!s.isHost) throw notFound('Journal entry');
    return entryView(row);
  }

  /** The author changes the text and/or the sharing of their entry. */
  async update(actor: Actor, entryId: string, input: JournalInput): Promise<JournalEntryView> {
    const row = await this.own(actor, entryId);
    const text = checkJournalText({
      observations: input.observations ?? row.observations,
      questions: input.questions ?? row.questions,
      practice: input.practice ?? row.practice,
    });
    const sharing = this.sharingOf(input.sharing, row.sharing);
    await this.dataSource.query(
      `UPDATE journal_entries SET observations = $2, questions = $3, practice = $4, sharing = $5,
              updated_at = now()
        WHERE id = $1`,
      [entryId, text.observations, text.questions, text.practice, sharing],
    );
    return this.read(entryId);
  }

  async setSharing(actor: Actor, entryId: string, sharing: unknown): Promise<JournalEntryView> {
    await this.own(actor, entryId);
    if (!isSharing(sharing)) {
      throw fieldError('sharing', 'isIn', 'sharing must be one of private, host, network');
    }
    await this.dataSource.query(
      `UPDATE journal_entries SET sharing = $2, updated_at = now() WHERE id = $1`,
      [entryId, sharing],
    );
    return this.read(entryId);
  }

  async remove(actor: Actor, entryId: string): Promise<void> {
    await this.own(actor, entryId);
    await this.dataSource.query(`DELETE FROM journal_entries WHERE id = $1`, [entryId]);
  }

  /** What the visitors shared with the host (and the network), for the host's page. */
  async sharedWithHost(actor: Actor, eventId: string): Promise<SharedJournal> {
    const s = await this.access.standing(actor, eventId, 'Event');
    if (!s.isHost) throw notFound('Event');
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE j.event_id = $1 AND j.sharing <> 'private' AND r.status = 'confirmed'
        ORDER BY j.day, a.name, j.id`,
      [eventId],
    )) as Row[];
    return { event: s.event, entries: rows.map(entryView) };
  }

  /** The host's one answer to a shared entry (written again, it replaces the first). */
  async answer(actor: Actor, entryId: string, body: unknown): Promise<JournalEntryView> {
    const row = await this.row(entryId);
    if (!hostSees(row.sharing) || row.account_id === actor.accountId) {
      throw notFound('Journal entry');
    }
    const s = await this.access.standing(actor, row.event_id, 'Journal entry');
    if (!s.isHost) throw notFound('Journal entry');
    const text = checkAnswer(body);
    await this.dataSource.query(
      `INSERT INTO journal_answers (entry_id, author_account_id, body) VALUES ($1, $2, $3)
       ON CONFLICT (entry_id) DO UPDATE
          SET body = EXCLUDED.body, author_account_id = EXCLUDED.author_account_id,
              answered_at = now()`,
      [entryId, actor.accountId, text],
    );
    return this.read(entryId);
  }

  /** Entries shared with the network, for the exchange report. */
  async sharedWithNetwork(eventId: string): Promise<JournalEntryView[]> {
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE j.event_id = $1 AND j.sharing = 'network' AND r.status = 'confirmed'
        ORDER BY j.day, a.name, j.id`,
      [eventId],
    )) as Row[];
    return rows.map(entryView);
  }

  private async requireVisitor(actor: Actor, eventId: string): Promise<LearningStanding> {
    const s = await this.access.standing(actor, eventId, 'Journal');
    if (!s.visitor) throw notFound('Journal');
    return s;
  }

  private sharingOf(value: unknown, fallback: Sharing): Sharing {
    if (value === undefined) return fallback;
    if (!isSharing(value)) {
      throw fieldError('sharing', 'isIn', 'sharing must be one of private, host, network');
    }
    return value;
  }

  private async row(entryId: string): Promise<Row> {
    if (!isUuid(entryId)) throw notFound('Journal entry');
    const [row] = (await this.dataSource.query(`${SELECT} WHERE j.id = $1`, [entryId])) as Row[];
    if (!row) throw notFound('Journal entry');
    return row;
  }

  private async own(actor: Actor, entryId: string): Promise<Row> {
    const row = await this.row(entryId);
    if (row.account_id !== actor.accountId) throw notFound('Journal entry');
    return row;
  }

  private async read(entryId: string): Promise<JournalEntryView> {
    return entryView(await this.row(entryId));
  }
}
