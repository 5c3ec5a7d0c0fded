import type { Locale } from '#core';
import { type LocalizedTexts, textWithLanguage } from '#events';
import type { QuestionKind } from './feedback-input.js';

export type FormStatus = 'scheduled' | 'open' | 'closed';

/** A form's row with what listing it needs from its session. */
export interface FormRow {
  id: string;
  event_id: string;
  session_id: string | null;
  titles: LocalizedTexts;
  anonymous: boolean;
  opens_at: Date | null;
  closes_at: Date;
  session_title: string | null;
  session_titles: LocalizedTexts | null;
  session_ends_at: Date | null;
  response_count: number;
  answered: boolean;
}

export interface QuestionRow {
  id: string;
  form_id: string;
  position: number;
  kind: QuestionKind;
  texts: LocalizedTexts;
  options: LocalizedTexts[];
  required: boolean;
}

export interface OptionView {
  index: number;
  texts: LocalizedTexts;
  text: string;
}

export interface QuestionView {
  id: string;
  kind: QuestionKind;
  texts: LocalizedTexts;
  /** In the reader's language, else the event's languages in order. */
  text: string;
  textLanguage: Locale | null;
  options: OptionView[];
  required: boolean;
}

export interface FormView {
  id: string;
  eventId: string;
  sessionId: string | null;
  sessionTitle: string | null;
  titles: LocalizedTexts;
  title: string;
  titleLanguage: Locale | null;
  anonymous: boolean;
  /** When answers open: the organisers' date, else the session's end or the event's last day. */
  opensAt: string;
  /** Whether opensAt is the default (the session's end, the event's last day). */
  opensAtDefault: boolean;
  closesAt: string;
  status: FormStatus;
  /** Organisers only (null for participants). */
  responseCount: number | null;
  /** Participants only: whether I have answered (null for organisers). */
  answered: boolean | null;
  questions: QuestionView[];
}

/** A text in the reader's language, else the event's languages, else any written. */
export function localized(
  texts: LocalizedTexts | null | undefined,
  locale: string,
  languages: readonly string[],
  fallback = '',
): { text: string; language: Locale | null } {
  const found = textWithLanguage(texts, locale, languages, null);
  return { text: found.text ?? fallback, language: found.language };
}

export function questionView(
  q: QuestionRow,
  locale: string,
  languages: readonly string[],
): QuestionView {
  const text = localized(q.texts, locale, languages);
  return {
    id: q.id,
    kind: q.kind,
    texts: q.texts,
    text: text.text,
    textLanguage: text.language,
    options: (q.options ?? []).map((o, index) => ({
      index,
      texts: o,
      text: localized(o, locale, languages).text,
    })),
    required: q.required,
  };
}
