import { badRequest } from '#core';

/** A 400 naming its field, with the stable code pages translate (as the validation pipe does). */
export function fieldError(
  field: string,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return badRequest(message, {
    field,
    ...extra,
    fields: [{ field, problems: [message], codes: [code] }],
  });
}

/** How far a visitor shares one day's entry: nobody, the host, or the network (host included). */
export const SHARING_LEVELS = ['private', 'host', 'network'] as const;
export type Sharing = (typeof SHARING_LEVELS)[number];

/** A short entry: a few paragraphs per field, not a report. */
export const JOURNAL_FIELD_MAX = 2000;
export const ANSWER_MAX = 2000;
export const JOURNAL_FIELDS = ['observations', 'questions', 'practice'] as const;
export type JournalField = (typeof JOURNAL_FIELDS)[number];

export const isSharing = (value: unknown): value is Sharing =>
  typeof value === 'string' && (SHARING_LEVELS as readonly string[]).includes(value);

/** Sharing with the network means the host sees it too. */
export const hostSees = (sharing: Sharing) => sharing !== 'private';

/** Every calendar day of an event, first to last (YYYY-MM-DD, the event's own dates). */
export function eventDays(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  const day = new Date(`${startDate}T12:00:00Z`);
  const last = new Date(`${endDate}T12:00:00Z`);
  // A runaway range (bad data) must not build a huge page: an immersion is days, not years.
  while (day <= last && days.length < 366) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

export interface JournalText {
  observations: string;
  questions: string;
  practice: string;
}

/**
 * The three fields trimmed, each within its bound, and at least one written: an empty
 * entry says nothing (the visitor deletes it instead). Throws a 400 naming the field.
 */
export function checkJournalText(input: Partial<Record<JournalField, unknown>>): JournalText {
  const out = {} as JournalText;
  for (const field of JOURNAL_FIELDS) {
    const value = input[field] ?? '';
    if (typeof value !== 'string') {
      throw fieldError(field, 'isString', `${field} must be text`);
    }
    const text = value.replace(/\r\n/g, '\n').trim();
    if (text.length > JOURNAL_FIELD_MAX) {
      throw fieldError(
        field,
        'maxLength',
        `${field} must be at most ${JOURNAL_FIELD_MAX} characters`,
        { max: JOURNAL_FIELD_MAX },
      );
    }
    if (text.includes('\u0000')) {
      throw fieldError(field, 'noNulCharacter', `${field} contains a NUL character`);
    }
    out[field] = text;
  }
  if (!out.observations && !out.questions && !out.practice) {
    throw fieldError(
      'observations',
      'isNotEmpty',
      'Write at least one of observations, questions or practice',
    );
  }
  return out;
}

/** The host's answer: trimmed, not empty, bounded. */
export function checkAnswer(body: unknown): string {
  if (typeof body !== 'string' || !body.trim()) {
    throw fieldError('body', 'isNotEmpty', 'body must be a non-empty text');
  }
  const text = body.replace(/\r\n/g, '\n').trim();
  if (text.length > ANSWER_MAX) {
    throw fieldError('body', 'maxLength', `body must be at most ${ANSWER_MAX} characters`, {
      max: ANSWER_MAX,
    });
  }
  if (text.includes('\u0000')) {
    throw fieldError('body', 'noNulCharacter', 'body contains a NUL character');
  }
  return text;
}
