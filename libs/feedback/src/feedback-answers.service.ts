import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Actor, conflict, forbidden, toZonedIso } from '#core';
import { requireWritable } from '#events';
import { cleanAnswers } from './answer-input.js';
import { FeedbackAccess, opensAtOf, statusOf } from './feedback-access.js';
import { FeedbackForms } from './feedback-forms.service.js';

export interface AnswerReceipt {
  formId: string;
  anonymous: boolean;
}

/**
 * Answering a form, once. Who answered goes to `feedback_respondents` (the day only) and
 * what they said to `feedback_responses` under a random id, with no account and no time
 * when the form is anonymous: nothing joins the two, so no organiser can tell who said what.
 */
@Injectable()
export class FeedbackAnswers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: FeedbackAccess,
    private readonly forms: FeedbackForms,
  ) {}

  async submit(
    actor: Actor,
    formId: string,
    body: unknown,
    now = new Date(),
  ): Promise<AnswerReceipt> {
    const { form, event, mayAnswer } = await this.access.standing(actor, formId);
    if (!mayAnswer) {
      throw forbidden('Only the people who took part can answer this form');
    }
    requireWritable(event);
    const status = statusOf(form, event, now);
    if (status !== 'open') {
      throw conflict(
        status === 'scheduled'
          ? 'This form is not open yet'
          : 'This form is closed: answers are no longer taken',
        status === 'scheduled'
          ? { reason: 'not_open', opensAt: toZonedIso(opensAtOf(form, event), event.timezone) }
          : { reason: 'closed', closesAt: toZonedIso(form.closes_at, event.timezone) },
      );
    }
    const questions = await this.forms.questions([form.id]);
    const answers = cleanAnswers(
      body,
      questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        required: q.required,
        optionCount: (q.options ?? []).length,
      })),
    );
    return this.dataSource.transaction(async (m) => {
      // FOR SHARE waits for an organiser's change of anonymity or questions in flight, and
      // the value read here is the one the answer is stored under.
      const [locked] = (await m.query(
        `SELECT anonymous FROM feedback_forms WHERE id = $1 FOR SHARE`,
        [form.id],
      )) as Array<{ anonymous: boolean }>;
      const anonymous = locked!.anonymous;
      // The primary key makes a second (or concurrent) answer by the same person a no-op
      // here: a double submit waits for the first and then finds its row.
      const inserted = (await m.query(
        `INSERT INTO feedback_respondents (form_id, account_id, answered_on)
         VALUES ($1, $2, (now() AT TIME ZONE $3)::date)
         ON CONFLICT (form_id, account_id) DO NOTHING RETURNING form_id`,
        [form.id, actor.accountId, event.timezone],
      )) as unknown[];
      if (inserted.length === 0) {
        throw conflict('You have already answered this form', { reason: 'already_answered' });
      }
      const responseId = randomUUID();
      await m.query(
        `INSERT INTO feedback_responses (id, form_id, account_id, submitted_at) VALUES ($1, $2, $3, $4)`,
        [responseId, form.id, anonymous ? null : actor.accountId, anonymous ? null : now],
      );
      for (const a of answers) {
        await m.query(
          `INSERT INTO feedback_answers (response_id, question_id, rating, choice, text)
           VALUES ($1, $2, $3, $4, $5)`,
          [responseId, a.questionId, a.rating, a.choice, a.text],
        );
      }
      return { formId: form.id, anonymous };
    });
  }
}
