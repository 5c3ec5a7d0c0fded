import { badRequest, LOCALES } from '#core';
import { cleanTexts, type LocalizedTexts } from '#events';

/** What organisers may ask: a rating from 1 to 5, one choice among options, a short text. */
export const QUESTION_KINDS = ['rating', 'choice', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const MAX_QUESTIONS = 20;
export const MAX_OPTIONS = 10;
export const MAX_TITLE = 200;
export const MAX_QUESTION_TEXT = 300;
export const MAX_OPTION_TEXT = 100;
export const MAX_ANSWER_TEXT = 2000;

export interface QuestionInput {
  kind: QuestionKind;
  texts: LocalizedTexts;
  /** Choice questions only: each option in the event's languages, in the order shown. */
  options: LocalizedTexts[];
  required: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Texts per language (`{ fr, en, es }`): at least one written, none too long. The 400
 * names the field (`titles`, `questions[2].texts.fr`) so a form can point at it.
 */
export function cleanLocalized(raw: unknown, field: string, max: number): LocalizedTexts {
  if (!isRecord(raw)) {
    throw badRequest(`${field} must be an object of texts per language, such as {"fr": "…"}`, {
      field,
      code: 'texts',
    });
  }
  for (const [lang, value] of Object.entries(raw)) {
    if (!(LOCALES as readonly string[]).includes(lang)) {
      throw badRequest(`${field}.${lang} is not a language of Convene (fr, en, es)`, {
        field: `${field}.${lang}`,
        code: 'language',
      });
    }
    if (value !== null && value !== undefined && typeof value !== 'string') {
      throw badRequest(`${field}.${lang} must be text`, {
        field: `${field}.${lang}`,
        code: 'text',
      });
    }
    if (typeof value === 'string' && [...value.trim()].length > max) {
      throw badRequest(`${field}.${lang} must be at most ${max} characters`, {
        field: `${field}.${lang}`,
        code: 'too_long',
        max,
      });
    }
  }
  const texts = cleanTexts(raw);
  for (const lang of Object.keys(texts) as Array<keyof LocalizedTexts>) {
    texts[lang] = texts[lang]!.normalize('NFC');
  }
  if (Object.keys(texts).length === 0) {
    throw badRequest(`${field} needs a text in at least one language`, {
      field,
      code: 'required',
    });
  }
  return texts;
}

/** The questions of a form, in order; every problem names its question and field. */
export function cleanQuestions(raw: unknown): QuestionInput[] {
  if (!Array.isArray(raw)) {
    throw badRequest('questions must be a list', { field: 'questions', code: 'list' });
  }
  if (raw.length > MAX_QUESTIONS) {
    throw badRequest(`A form has at most ${MAX_QUESTIONS} questions`, {
      field: 'questions',
      code: 'too_many',
      max: MAX_QUESTIONS,
    });
  }
  return raw.map((q, i) => cleanQuestion(q, `questions[${i}]`));
}

function cleanQuestion(raw: unknown, field: string): QuestionInput {
  if (!isRecord(raw)) {
    throw badRequest(`${field} must be an object`, { field, code: 'object' });
  }
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(QUESTION_KINDS as readonly string[]).includes(kind)) {
    throw badRequest(`${field}.kind must be one of ${QUESTION_KINDS.join(', ')}`, {
      field: `${field}.kind`,
      code: 'kind',
    });
  }
  const texts = cleanLocalized(raw.texts, `${field}.texts`, MAX_QUESTION_TEXT);
  if (raw.required !== undefined && typeof raw.required !== 'boolean') {
    throw badRequest(`${field}.required must be true or false`, {
      field: `${field}.required`,
      code: 'boolean',
    });
  }
  let options: LocalizedTexts[] = [];
  if (kind === 'choice') {
    const list = raw.options;
    if (!Array.isArray(list) || list.length < 2 || list.length > MAX_OPTIONS) {
      throw badRequest(`${field}.options must list from 2 to ${MAX_OPTIONS} options`, {
        field: `${field}.options`,
        code: 'options',
      });
    }
    options = list.map((o, j) => cleanLocalized(o, `${field}.options[${j}]`, MAX_OPTION_TEXT));
  } else if (
    raw.options !== undefined &&
    !(Array.isArray(raw.options) && raw.options.length === 0)
  ) {
    throw badRequest(`${field}.options is only for choice questions`, {
      field: `${field}.options`,
      code: 'options',
    });
  }
  return { kind: kind as QuestionKind, texts, options, required: raw.required !== false };
}

/** A yes/no field, when sent. */
export function optionalBoolean(raw: unknown, field: string): boolean | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'boolean') {
    throw badRequest(`${field} must be true or false`, { field, code: 'boolean' });
  }
  return raw;
}
