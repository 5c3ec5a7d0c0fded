import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, DomainError, forbidden, isUuid, notFound, startOfLocalDate } from '#core';
import { type Event, EventAccess } from '#events';
import type { FormRow, FormStatus } from './feedback.views.js';

const formColumns = (responseCount: string) => `
  f.id, f.event_id, f.session_id, f.titles, f.anonymous, f.opens_at, f.closes_at,
  s.title AS session_title, s.titles AS session_titles, s.ends_at AS session_ends_at,
  ${responseCount} AS response_count,
  EXISTS (SELECT 1 FROM feedback_respondents w
           WHERE w.form_id = f.id AND w.account_id = $2) AS answered`;

/** The columns every form listing reads; `$2` is the reader's account. */
export const FORM_COLUMNS = formColumns(
  '(SELECT count(*)::int FROM feedback_responses x WHERE x.form_id = f.id)',
);

/**
 * The same for participants' own lists, which never show how many answered: counting
 * every form's responses on each participant's visit read the whole event's answers.
 */
export const FORM_COLUMNS_UNCOUNTED = formColumns('NULL::int');

/**
 * Who may have been there: a confirmed participant of the event, and for a session's form
 * one holding a confirmed seat on it (or any confirmed participant when the session takes
 * no sign-up). `$2` is the account, `f` the form.
 */
export const MAY_ANSWER = `
  EXISTS (SELECT 1 FROM registrations r
           WHERE r.event_id = f.event_id AND r.account_id = $2 AND r.status = 'confirmed')
  AND (f.session_id IS NULL
       OR (s.signup_required = false AND s.status <> 'cancelled')
       OR EXISTS (SELECT 1 FROM signups g WHERE g.session_id = f.session_id
                     AND g.account_id = $2 AND g.status = 'confirmed'))`;

const NOBODY = '00000000-0000-0000-0000-000000000000';

export interface FormStanding {
  form: FormRow;
  event: Event;
  isOrganiser: boolean;
  mayAnswer: boolean;
  /** A facilitator of the form's session (reads its results). */
  facilitates: boolean;
}

/** When answers open: the organisers' date, else the session's end or the event's last day. */
export function opensAtOf(form: FormRow, event: Pick<Event, 'endDate' | 'timezone'>): Date {
  if (form.opens_at) return form.opens_at;
  if (form.session_ends_at) return form.session_ends_at;
  return startOfLocalDate(event.endDate, event.timezone);
}

export function statusOf(
  form: FormRow,
  event: Pick<Event, 'endDate' | 'timezone'>,
  now = new Date(),
): FormStatus {
  if (now.getTime() >= form.closes_at.getTime()) return 'closed';
  return now.getTime() < opensAtOf(form, event).getTime() ? 'scheduled' : 'open';
}

/**
 * The one answer to "may this person run, or answer, this form?". A form does not exist
 * (404) for anyone who is neither an organiser of its event nor someone who may answer it.
 */
@Injectable()
export class FeedbackAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
  ) {}

  async standing(actor: Actor, formId: string): Promise<FormStanding> {
    if (!isUuid(formId)) throw notFound('Feedback form');
    const rows = (await this.dataSource.query(
      `SELECT ${FORM_COLUMNS}, (${MAY_ANSWER}) AS may_answer,
              EXISTS (SELECT 1 FROM session_facilitators sf
                       WHERE sf.session_id = f.session_id AND sf.account_id = $2) AS facilitates
         FROM feedback_forms f LEFT JOIN sessions s ON s.id = f.session_id
        WHERE f.id = $1`,
      [formId, actor.accountId ?? NOBODY],
    )) as Array<FormRow & { may_answer: boolean; facilitates: boolean }>;
    const form = rows[0];
    if (!form) throw notFound('Feedback form');
    const s = await this.access.standing(actor, form.event_id).catch((e: unknown) => {
      // A draft event that is not theirs: the form does not exist for them either.
      throw e instanceof DomainError ? notFound('Feedback form') : e;
    });
    if (!s.isOrganiser && !form.may_answer && !form.facilitates) throw notFound('Feedback form');
    return {
      form,
      event: s.event,
      isOrganiser: s.isOrganiser,
      mayAnswer: form.may_answer,
      facilitates: form.facilitates,
    };
  }

  /**
   * Who reads a form's results: its organisers, and the facilitators of its session (their
   * own session's, no other: a facilitator of another session finds no form, 404).
   */
  async requireReader(actor: Actor, formId: string): Promise<FormStanding> {
    const st = await this.standing(actor, formId);
    if (!st.isOrganiser && !st.facilitates) {
      throw forbidden('Only the organisers of this event can do this');
    }
    return st;
  }

  /** For the organisers' operations: 404 for strangers, 403 for the people who answer. */
  async requireOrganiser(actor: Actor, formId: string): Promise<FormStanding> {
    const st = await this.standing(actor, formId);
    if (!st.isOrganiser) throw forbidden('Only the organisers of this event can do this');
    return st;
  }
}
