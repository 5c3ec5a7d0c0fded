import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  badRequest,
  conflict,
  instantField,
  isUuid,
  notFound,
  toZonedIso,
} from '#core';
import { type Event, EventAccess, type LocalizedTexts, requireWritable } from '#events';
import {
  FeedbackAccess,
  FORM_COLUMNS,
  FORM_COLUMNS_UNCOUNTED,
  MAY_ANSWER,
  opensAtOf,
  statusOf,
} from './feedback-access.js';
import {
  cleanLocalized,
  cleanQuestions,
  MAX_TITLE,
  optionalBoolean,
  type QuestionInput,
} from './feedback-input.js';
import {
  type FormRow,
  type FormView,
  localized,
  type QuestionRow,
  questionView,
} from './feedback.views.js';

/** How long a form stays open when organisers give no closing date. */
const DEFAULT_OPEN_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Feedback forms: organisers write them for the whole event or one session, in the event's
 * languages; the people who were there answer once. Anonymity is chosen before the first
 * answer and then fixed, as are the questions (changing them would change what earlier
 * answers meant).
 */
@Injectable()
export class FeedbackForms {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
    private readonly forms: FeedbackAccess,
  ) {}

  async create(actor: Actor, eventId: string, body: unknown, locale?: string): Promise<FormView> {
    const event = await this.events.requireOrganiser(actor, eventId);
    requireWritable(event);
    const input = isRecord(body) ? body : {};
    const titles = cleanLocalized(input.titles, 'titles', MAX_TITLE);
    const sessionId = await this.checkSession(event.id, input.sessionId);
    const anonymous = optionalBoolean(input.anonymous, 'anonymous') ?? false;
    const questions = input.questions === undefined ? [] : cleanQuestions(input.questions);
    const opensAt = this.time(input.opensAt, 'opensAt', event);
    const defaultOpens = await this.defaultOpensAt(event, sessionId);
    const closesAt =
      this.time(input.closesAt, 'closesAt', event) ??
      new Date((opensAt ?? defaultOpens).getTime() + DEFAULT_OPEN_DAYS * DAY_MS);
    this.checkWindow(opensAt ?? defaultOpens, closesAt);
    const id = await this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO feedback_forms (event_id, session_id, titles, anonymous, opens_at, closes_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [event.id, sessionId, titles, anonymous, opensAt, closesAt, actor.accountId],
      )) as Array<{ id: string }>;
      await this.writeQuestions(m, row!.id, questions);
      return row!.id;
    });
    return this.get(actor, id, locale);
  }

  /** Every form of the event, for its organisers, with how many have answered. */
  async listForEvent(actor: Actor, eventId: string, locale?: string): Promise<FormView[]> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const rows = (await this.dataSource.query(
      `SELECT ${FORM_COLUMNS} FROM feedback_forms f LEFT JOIN sessions s ON s.id = f.session_id
        WHERE f.event_id = $1 ORDER BY f.created_at, f.id`,
      [event.id, actor.accountId],
    )) as FormRow[];
    return this.views(rows, event, locale, true);
  }

  /** The forms I may answer that are open now, answered or not (participant pages). */
  async openForMe(actor: Actor, eventId: string, locale?: string): Promise<FormView[]> {
    // Only the event's people learn which forms it has: anyone else gets the 404 of an
    // event that does not exist for them.
    const { event, isStaff } = await this.events.standing(actor, eventId);
    const registered = (await this.dataSource.query(
      `SELECT 1 FROM registrations WHERE event_id = $1 AND account_id = $2 AND status = 'confirmed'`,
      [event.id, actor.accountId],
    )) as unknown[];
    if (!isStaff && registered.length === 0) throw notFound('Event');
    const rows = (await this.dataSource.query(
      `SELECT ${FORM_COLUMNS_UNCOUNTED} FROM feedback_forms f LEFT JOIN sessions s ON s.id = f.session_id
        WHERE f.event_id = $1 AND ${MAY_ANSWER}
          AND EXISTS (SELECT 1 FROM feedback_questions q WHERE q.form_id = f.id)
        ORDER BY f.closes_at, f.created_at, f.id`,
      [event.id, actor.accountId],
    )) as FormRow[];
    const views = await this.views(rows, event, locale, false);
    return views.filter((v) => v.status === 'open');
  }

  /**
   * The forms of the sessions the caller leads, once answers have opened: each session's
   * results are its facilitators' to read (FeedbackAccess.requireReader says so again).
   */
  async ledSessionForms(
    actor: Actor,
    sessionIds: string[],
  ): Promise<Map<string, Array<{ id: string; titles: LocalizedTexts }>>> {
    const forms = new Map<string, Array<{ id: string; titles: LocalizedTexts }>>();
    if (sessionIds.length === 0) return forms;
    const rows = (await this.dataSource.query(
      `SELECT f.id, f.session_id, f.titles
         FROM feedback_forms f
         JOIN session_facilitators sf ON sf.session_id = f.session_id AND sf.account_id = $1
         JOIN sessions s ON s.id = f.session_id
        WHERE f.session_id = ANY($2::uuid[]) AND COALESCE(f.opens_at, s.ends_at) <= now()
        ORDER BY f.created_at, f.id`,
      [actor.accountId, sessionIds],
    )) as Array<{ id: string; session_id: string; titles: LocalizedTexts }>;
    for (const r of rows) {
      forms.set(r.session_id, [...(forms.get(r.session_id) ?? []), { id: r.id, titles: r.titles }]);
    }
    return forms;
  }

  /** A form: organisers see it whole; the people who may answer it see it to answer. */
  async get(actor: Actor, formId: string, locale?: string): Promise<FormView> {
    const st = await this.forms.standing(actor, formId);
    return (await this.views([st.form], st.event, locale, st.isOrganiser))[0]!;
  }

  async update(actor: Actor, formId: string, body: unknown, locale?: string): Promise<FormView> {
    const { form, event } = await this.forms.requireOrganiser(actor, formId);
    requireWritable(event);
    const input = isRecord(body) ? body : {};
    if (input.sessionId !== undefined && input.sessionId !== form.session_id) {
      throw badRequest('sessionId cannot change: create another form for another session', {
        field: 'sessionId',
        code: 'fixed',
      });
    }
    const titles =
      input.titles === undefined ? undefined : cleanLocalized(input.titles, 'titles', MAX_TITLE);
    const anonymous = optionalBoolean(input.anonymous, 'anonymous');
    const questions = input.questions === undefined ? undefined : cleanQuestions(input.questions);
    const opensAt =
      input.opensAt === null ? null : (this.time(input.opensAt, 'opensAt', event) ?? form.opens_at);
    const closesAt = this.time(input.closesAt, 'closesAt', event) ?? form.closes_at;
    this.checkWindow(opensAtOf({ ...form, opens_at: opensAt }, event), closesAt);
    await this.dataSource.transaction(async (m) => {
      // Locks the form so an answer cannot arrive between the check and the change.
      await m.query(`SELECT 1 FROM feedback_forms WHERE id = $1 FOR UPDATE`, [form.id]);
      const [{ n }] = (await m.query(
        `SELECT count(*)::int AS n FROM feedback_responses WHERE form_id = $1`,
        [form.id],
      )) as Array<{ n: number }>;
      if (n > 0 && anonymous !== undefined && anonymous !== form.anonymous) {
        throw conflict(
          form.anonymous
            ? 'This form is anonymous and has answers: it stays anonymous, as promised to those who answered'
            : 'This form has answers given with names: it cannot become anonymous now',
          { reason: 'form_has_answers', field: 'anonymous', responses: n },
        );
      }
      if (n > 0 && questions !== undefined) {
        throw conflict(
          'This form has answers: its questions can no longer change (create a new form)',
          { reason: 'form_has_answers', field: 'questions', responses: n },
        );
      }
      await m.query(
        `UPDATE feedback_forms SET titles = COALESCE($2, titles), anonymous = COALESCE($3, anonymous),
                opens_at = $4, closes_at = $5, updated_at = now()
          WHERE id = $1`,
        [form.id, titles ?? null, anonymous ?? null, opensAt, closesAt],
      );
      if (questions !== undefined) {
        await m.query(`DELETE FROM feedback_questions WHERE form_id = $1`, [form.id]);
        await this.writeQuestions(m, form.id, questions);
      }
    });
    return this.get(actor, form.id, locale);
  }

  /** Deletes a form and every answer to it. */
  async remove(actor: Actor, formId: string): Promise<void> {
    const { form, event } = await this.forms.requireOrganiser(actor, formId);
    requireWritable(event);
    await this.dataSource.query(`DELETE FROM feedback_forms WHERE id = $1`, [form.id]);
  }

  /** The sessions a form may follow (the console's choice), in time order. */
  async sessionChoices(
    actor: Actor,
    eventId: string,
    locale?: string,
  ): Promise<Array<{ id: string; title: string }>> {
    const event = await this.events.requireOrganiser(actor, eventId);
    const rows = (await this.dataSource.query(
      `SELECT id, title, titles FROM sessions
        WHERE event_id = $1 AND status <> 'cancelled' AND kind NOT IN ('break', 'meal')
        ORDER BY starts_at, title, id`,
      [event.id],
    )) as Array<{ id: string; title: string; titles: LocalizedTexts }>;
    return rows.map((r) => ({
      id: r.id,
      title: localized(r.titles, locale ?? '', event.languages, r.title).text,
    }));
  }

  async questions(formIds: string[]): Promise<QuestionRow[]> {
    if (formIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT id, form_id, position, kind, texts, options, required FROM feedback_questions
        WHERE form_id = ANY($1::uuid[]) ORDER BY form_id, position`,
      [formIds],
    )) as QuestionRow[];
  }

  async views(
    rows: FormRow[],
    event: Event,
    locale: string | undefined,
    organiser: boolean,
  ): Promise<FormView[]> {
    const reader = locale ?? event.languages[0] ?? 'en';
    const questions = await this.questions(rows.map((r) => r.id));
    return rows.map((f) => {
      const title = localized(f.titles, reader, event.languages);
      return {
        id: f.id,
        eventId: f.event_id,
        sessionId: f.session_id,
        sessionTitle: f.session_id
          ? localized(f.session_titles, reader, event.languages, f.session_title ?? '').text
          : null,
        titles: f.titles,
        title: title.text,
        titleLanguage: title.language,
        anonymous: f.anonymous,
        opensAt: toZonedIso(opensAtOf(f, event), event.timezone),
        opensAtDefault: f.opens_at === null,
        closesAt: toZonedIso(f.closes_at, event.timezone),
        status: statusOf(f, event),
        responseCount: organiser ? f.response_count : null,
        answered: organiser ? null : f.answered,
        questions: questions
          .filter((q) => q.form_id === f.id)
          .map((q) => questionView(q, reader, event.languages)),
      };
    });
  }

  private async writeQuestions(m: EntityManager, formId: string, questions: QuestionInput[]) {
    for (const [i, q] of questions.entries()) {
      await m.query(
        `INSERT INTO feedback_questions (form_id, position, kind, texts, options, required)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
        [formId, i, q.kind, q.texts, JSON.stringify(q.options), q.required],
      );
    }
  }

  private async defaultOpensAt(event: Event, sessionId: string | null): Promise<Date> {
    if (sessionId) {
      const [s] = (await this.dataSource.query(`SELECT ends_at FROM sessions WHERE id = $1`, [
        sessionId,
      ])) as Array<{ ends_at: Date }>;
      if (s) return s.ends_at;
    }
    return opensAtOf({ opens_at: null, session_ends_at: null } as FormRow, event);
  }

  /** A time field: undefined when not sent; wall-clock time in the event's zone or an instant. */
  private time(raw: unknown, field: string, event: Event): Date | undefined {
    if (raw === undefined || raw === null || raw === '') return undefined;
    if (typeof raw !== 'string') {
      throw badRequest(`${field} must be a date-time such as 2027-10-30T18:00`, { field });
    }
    return instantField(field, raw, event.timezone);
  }

  private checkWindow(opensAt: Date, closesAt: Date): void {
    if (closesAt.getTime() <= opensAt.getTime()) {
      throw badRequest('closesAt must come after the form opens', {
        field: 'closesAt',
        code: 'before_open',
      });
    }
  }

  /** The session must be one of the event's; nothing (or '') means the whole event. */
  private async checkSession(eventId: string, raw: unknown): Promise<string | null> {
    if (raw === undefined || raw === null || raw === '') return null;
    if (typeof raw !== 'string' || !isUuid(raw)) {
      throw badRequest("sessionId must be the id of one of the event's sessions", {
        field: 'sessionId',
        code: 'uuid',
      });
    }
    const found = (await this.dataSource.query(
      `SELECT 1 FROM sessions WHERE id = $1 AND event_id = $2`,
      [raw, eventId],
    )) as unknown[];
    if (found.length === 0) {
      throw badRequest("sessionId is not one of the event's sessions", {
        field: 'sessionId',
        code: 'unknown_session',
      });
    }
    return raw;
  }
}
