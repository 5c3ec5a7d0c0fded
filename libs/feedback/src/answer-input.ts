import { badRequest } from '#core';
import { MAX_ANSWER_TEXT, type QuestionKind } from './feedback-input.js';

export interface AnswerableQuestion {
  id: string;
  kind: QuestionKind;
  required: boolean;
  optionCount: number;
}

/** One answer as stored: exactly one of rating, choice (the option's index) or text. */
export interface AnswerValue {
  questionId: string;
  rating: number | null;
  choice: number | null;
  text: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A person's answers checked against the form's questions: each names one of them once,
 * with a value of its kind; every required question is answered. The 400 names the field
 * (`answers[1].rating`) and the question (`details.questionId`), so a page can mark it.
 */
export function cleanAnswers(raw: unknown, questions: AnswerableQuestion[]): AnswerValue[] {
  const list = isRecord(raw) ? raw.answers : undefined;
  if (!Array.isArray(list)) {
    throw badRequest('answers must be a list of {questionId, rating | choice | text}', {
      field: 'answers',
      code: 'list',
    });
  }
  const byId = new Map(questions.map((q) => [q.id, q]));
  const out = new Map<string, AnswerValue>();
  list.forEach((entry, i) => {
    const field = `answers[${i}]`;
    if (!isRecord(entry)) throw badRequest(`${field} must be an object`, { field, code: 'object' });
    const question = typeof entry.questionId === 'string' ? byId.get(entry.questionId) : undefined;
    if (!question) {
      throw badRequest(`${field}.questionId is not a question of this form`, {
        field: `${field}.questionId`,
        code: 'unknown_question',
      });
    }
    if (out.has(question.id)) {
      throw badRequest(`${field}.questionId answers the same question twice`, {
        field: `${field}.questionId`,
        code: 'duplicate',
        questionId: question.id,
      });
    }
    const value = answerOf(entry, question, field);
    if (value) out.set(question.id, value);
  });
  for (const q of questions) {
    if (q.required && !out.has(q.id)) {
      throw badRequest(`question ${questions.indexOf(q) + 1} needs an answer`, {
        field: 'answers',
        code: 'required',
        questionId: q.id,
      });
    }
  }
  if (out.size === 0) {
    throw badRequest('answers must answer at least one question', {
      field: 'answers',
      code: 'empty',
    });
  }
  return questions.flatMap((q) => (out.has(q.id) ? [out.get(q.id)!] : []));
}

/** The value of one answer, or null for a text left empty. */
function answerOf(
  entry: Record<string, unknown>,
  q: AnswerableQuestion,
  field: string,
): AnswerValue | null {
  const base = { questionId: q.id, rating: null, choice: null, text: null };
  const bad = (name: string, message: string, code: string) =>
    badRequest(`${field}.${name} ${message}`, {
      field: `${field}.${name}`,
      code,
      questionId: q.id,
    });
  const others = (['rating', 'choice', 'text'] as const).filter(
    (k) => k !== kindField(q.kind) && entry[k] !== undefined && entry[k] !== null,
  );
  if (others.length > 0) throw bad(others[0]!, `does not fit a ${q.kind} question`, 'kind');
  if (q.kind === 'rating') {
    const v = entry.rating;
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) {
      throw bad('rating', 'must be a whole number from 1 to 5', 'rating');
    }
    return { ...base, rating: v };
  }
  if (q.kind === 'choice') {
    const v = entry.choice;
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= q.optionCount) {
      throw bad(
        'choice',
        `must be the index of an option, from 0 to ${q.optionCount - 1}`,
        'choice',
      );
    }
    return { ...base, choice: v };
  }
  const v = entry.text;
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw bad('text', 'must be text', 'text');
  const text = v.normalize('NFC').trim();
  if (text === '') return null;
  if ([...text].length > MAX_ANSWER_TEXT) {
    throw bad('text', `must be at most ${MAX_ANSWER_TEXT} characters`, 'too_long');
  }
  return { ...base, text };
}

const kindField = (kind: QuestionKind) =>
  kind === 'rating' ? 'rating' : kind === 'choice' ? 'choice' : 'text';
