import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, type CsvCell, type CsvOptions, groupBy, toZonedIso, writeCsv } from '#core';
import { messages } from '#i18n';
import { FeedbackAccess } from './feedback-access.js';
import { FeedbackForms } from './feedback-forms.service.js';
import type { FormView, QuestionView } from './feedback.views.js';

/** Who answered, on forms that are not anonymous. */
export interface RespondentView {
  accountId: string;
  name: string;
  email: string;
  organisation: string | null;
}

export interface CountView {
  /** The rating (1 to 5) or the option's index. */
  value: number;
  label: string;
  count: number;
}

export interface QuestionResult {
  id: string;
  kind: QuestionView['kind'];
  text: string;
  /** How many answered this question. */
  answered: number;
  /** Ratings only: the mean, to one decimal; null without answers. */
  average: number | null;
  counts: CountView[];
  /** Text answers: shuffled on anonymous forms, by name otherwise. */
  texts: Array<{ text: string; respondent: RespondentView | null }>;
}

/**
 * Below this many answers an anonymous form shows how many answered and nothing else: with
 * one or two answers, a count per rating or a sentence says who said what to anyone who
 * knows who took part.
 */
export const MIN_ANONYMOUS_ANSWERS = 3;

export interface FormResults {
  form: FormView;
  responseCount: number;
  /**
   * True on an anonymous form with fewer than MIN_ANONYMOUS_ANSWERS answers: each question
   * says how many answered it, with no counts per value, average or text.
   */
  withheld: boolean;
  questions: QuestionResult[];
}

export interface ResponseView {
  /** Null on anonymous forms. */
  respondent: RespondentView | null;
  /** Null on anonymous forms: not even the time is kept. */
  submittedAt: string | null;
  answers: Array<{
    questionId: string;
    rating: number | null;
    choice: number | null;
    text: string | null;
  }>;
}

/** The CSV's own column names, in the reader's language (the API writes English). */
export interface ResultsCsvHeaders {
  name: string;
  email: string;
  organisation: string;
  submittedAt: string;
  /** The column of a withheld form's only row: how many answered. */
  answers: string;
  /** The column saying why that is all. */
  note: string;
  withheld: string;
}

/** The API's CSV speaks English; the console page passes its reader's catalogue. */
const ENGLISH_HEADERS: ResultsCsvHeaders = messages('en').feedback.csv;

/** Whether a form's answers stay hidden behind their count (see MIN_ANONYMOUS_ANSWERS). */
const withheldOf = (anonymous: boolean, responseCount: number) =>
  anonymous && responseCount < MIN_ANONYMOUS_ANSWERS;

/**
 * A form's answers, read response by response. Answers carry no form (their key is
 * (response_id, question_id)), and joined to the form's responses PostgreSQL hashed every
 * answer of every form of the network as soon as a form had a few hundred responses: each
 * results page and CSV slowed down with every past meeting. Driven from the form's own
 * responses (feedback_responses_form), each one's answers are a probe of the primary key;
 * OFFSET 0 keeps the subquery from being flattened back into that join.
 */
const FORM_ANSWERS = `feedback_responses r
  CROSS JOIN LATERAL (
        SELECT a.question_id, a.rating, a.choice, a.text
          FROM feedback_answers a WHERE a.response_id = r.id OFFSET 0) a`;

/**
 * Who wrote each of the form's responses, looked up response by response: joined as a
 * whole, PostgreSQL hashed the network's every account once the form's responses came from
 * their index, twice the time of a few hundred lookups (bench/history).
 */
const RESPONDENT = `LEFT JOIN LATERAL (
    SELECT name, email, organisation_id FROM accounts WHERE id = r.account_id OFFSET 0) ac ON true
  LEFT JOIN organisations o ON o.id = ac.organisation_id`;

interface AnswerRow {
  response_id: string;
  question_id: string;
  rating: number | null;
  choice: number | null;
  text: string | null;
}

/**
 * What organisers (and a session's facilitators, for its form) read of the answers: counts
 * and averages, the text answers, each response (JSON or CSV). On anonymous forms none of
 * it carries a name, an account, an organisation or a time, and responses come in the
 * order of their random ids; text answers are shuffled on every reading; below
 * MIN_ANONYMOUS_ANSWERS answers only how many answered is shown. Facilitators see named
 * respondents without their email (the organisers' address book stays theirs).
 */
@Injectable()
export class FeedbackResults {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: FeedbackAccess,
    private readonly forms: FeedbackForms,
  ) {}

  async results(actor: Actor, formId: string, locale?: string): Promise<FormResults> {
    const { form: row, event, isOrganiser } = await this.access.requireReader(actor, formId);
    const [form] = await this.forms.views([row], event, locale, true);
    const responseCount = form!.responseCount ?? 0;
    const withheld = withheldOf(row.anonymous, responseCount);
    if (withheld) {
      const answered = (await this.dataSource.query(
        `SELECT a.question_id, count(*)::int AS n
           FROM ${FORM_ANSWERS}
          WHERE r.form_id = $1 GROUP BY a.question_id`,
        [row.id],
      )) as Array<{ question_id: string; n: number }>;
      const questions = form!.questions.map((q): QuestionResult => ({
        id: q.id,
        kind: q.kind,
        text: q.text,
        answered: answered.find((a) => a.question_id === q.id)?.n ?? 0,
        average: null,
        counts: [],
        texts: [],
      }));
      return { form: form!, responseCount, withheld, questions };
    }
    const counts = (await this.dataSource.query(
      `SELECT a.question_id, a.rating, a.choice, count(*)::int AS n
         FROM ${FORM_ANSWERS}
        WHERE r.form_id = $1 AND a.text IS NULL
        GROUP BY a.question_id, a.rating, a.choice`,
      [row.id],
    )) as Array<{ question_id: string; rating: number | null; choice: number | null; n: number }>;
    const texts = (await this.dataSource.query(
      row.anonymous
        ? `SELECT a.question_id, a.text FROM ${FORM_ANSWERS}
            WHERE r.form_id = $1 AND a.text IS NOT NULL ORDER BY random()`
        : `SELECT a.question_id, a.text, r.account_id, ac.name, ac.email, o.name AS organisation
             FROM ${FORM_ANSWERS} ${RESPONDENT}
            WHERE r.form_id = $1 AND a.text IS NOT NULL ORDER BY ac.name, r.id`,
      [row.id],
    )) as Array<{ question_id: string; text: string } & RespondentRow>;
    const questions = form!.questions.map((q): QuestionResult => {
      const mine = counts.filter((c) => c.question_id === q.id);
      const written = texts.filter((t) => t.question_id === q.id);
      const bars: CountView[] =
        q.kind === 'rating'
          ? [1, 2, 3, 4, 5].map((v) => ({
              value: v,
              label: String(v),
              count: mine.find((c) => c.rating === v)?.n ?? 0,
            }))
          : q.kind === 'choice'
            ? q.options.map((o) => ({
                value: o.index,
                label: o.text,
                count: mine.find((c) => c.choice === o.index)?.n ?? 0,
              }))
            : [];
      const answered =
        q.kind === 'text' ? written.length : bars.reduce((sum, b) => sum + b.count, 0);
      const total = bars.reduce((sum, b) => sum + b.value * b.count, 0);
      return {
        id: q.id,
        kind: q.kind,
        text: q.text,
        answered,
        average:
          q.kind === 'rating' && answered > 0 ? Math.round((total / answered) * 10) / 10 : null,
        counts: bars,
        texts: written.map((t) => ({
          text: t.text,
          respondent: row.anonymous ? null : respondentOf(t, isOrganiser),
        })),
      };
    });
    return { form: form!, responseCount, withheld, questions };
  }

  /** Each response whole; anonymous ones without who or when, in random-id order. */
  async responses(
    actor: Actor,
    formId: string,
    locale?: string,
  ): Promise<{ form: FormView; withheld: boolean; responses: ResponseView[] }> {
    const { form: row, event, isOrganiser } = await this.access.requireReader(actor, formId);
    const [form] = await this.forms.views([row], event, locale, true);
    if (withheldOf(row.anonymous, form!.responseCount ?? 0)) {
      return { form: form!, withheld: true, responses: [] };
    }
    const heads = (await this.dataSource.query(
      row.anonymous
        ? `SELECT r.id FROM feedback_responses r WHERE r.form_id = $1 ORDER BY r.id`
        : `SELECT r.id, r.submitted_at, r.account_id, ac.name, ac.email, o.name AS organisation
             FROM feedback_responses r ${RESPONDENT}
            WHERE r.form_id = $1 ORDER BY ac.name, r.id`,
      [row.id],
    )) as Array<{ id: string; submitted_at?: Date | null } & RespondentRow>;
    const answers = (await this.dataSource.query(
      `SELECT r.id AS response_id, a.question_id, a.rating, a.choice, a.text
         FROM ${FORM_ANSWERS}
        WHERE r.form_id = $1`,
      [row.id],
    )) as AnswerRow[];
    const order = new Map(form!.questions.map((q, i) => [q.id, i]));
    const answersOf = groupBy(answers, (a) => a.response_id);
    const responses = heads.map((h): ResponseView => ({
      respondent: row.anonymous ? null : respondentOf(h, isOrganiser),
      submittedAt:
        row.anonymous || !h.submitted_at ? null : toZonedIso(h.submitted_at, event.timezone),
      answers: [...(answersOf.get(h.id) ?? [])]
        .sort((a, b) => (order.get(a.question_id) ?? 0) - (order.get(b.question_id) ?? 0))
        .map((a) => ({
          questionId: a.question_id,
          rating: a.rating,
          choice: a.choice,
          text: a.text,
        })),
    }));
    return { form: form!, withheld: false, responses };
  }

  /**
   * One row per response, one column per question (choices as their option's text). Named
   * forms start with who and when; anonymous forms have only the answers.
   */
  async csv(
    actor: Actor,
    formId: string,
    locale?: string,
    options: CsvOptions = {},
    headers: ResultsCsvHeaders = ENGLISH_HEADERS,
  ): Promise<{ filename: string; body: string }> {
    const { form, withheld, responses } = await this.responses(actor, formId, locale);
    const slug =
      form.title
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'feedback';
    const filename = `${slug}-feedback.csv`;
    if (withheld) {
      // How many answered, and why that is all: no column a reader could take for answers.
      const rows: CsvCell[][] = [
        [headers.answers, headers.note],
        [form.responseCount ?? 0, headers.withheld],
      ];
      return { filename, body: writeCsv(rows, options) };
    }
    const who = !form.anonymous;
    const header: CsvCell[] = [
      ...(who ? [headers.name, headers.email, headers.organisation, headers.submittedAt] : []),
      ...form.questions.map((q) => q.text),
    ];
    const rows = responses.map((r): CsvCell[] => [
      ...(who
        ? [
            r.respondent?.name ?? '',
            r.respondent?.email ?? '',
            r.respondent?.organisation ?? '',
            r.submittedAt ?? '',
          ]
        : []),
      ...form.questions.map((q) => {
        const a = r.answers.find((x) => x.questionId === q.id);
        if (!a) return '';
        if (q.kind === 'choice') return a.choice === null ? '' : (q.options[a.choice]?.text ?? '');
        return q.kind === 'rating' ? a.rating : a.text;
      }),
    ]);
    return { filename, body: writeCsv([header, ...rows], options) };
  }
}

interface RespondentRow {
  account_id?: string | null;
  name?: string | null;
  email?: string | null;
  organisation?: string | null;
}

function respondentOf(r: RespondentRow, withEmail: boolean): RespondentView | null {
  if (!r.account_id) return null;
  return {
    accountId: r.account_id,
    name: r.name ?? '',
    email: withEmail ? (r.email ?? '') : '',
    organisation: r.organisation ?? null,
  };
}
