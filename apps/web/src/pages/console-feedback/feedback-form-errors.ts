import { DomainError } from '#core';
import type { WebContext } from '../../http/web-context.js';

/**
 * A 400 from #feedback as a message next to the page's own field. The service names the
 * API's field (`titles.fr`, `questions[3].options`); pages name theirs (`titles.fr`,
 * `options.fr`). Anything that is not a bad input is thrown on.
 */
export function formErrors(
  ctx: WebContext,
  e: unknown,
  languages: readonly string[],
): Record<string, string> {
  if (!(e instanceof DomainError)) throw e;
  const t = ctx.t.feedback.console.errors;
  if (e.code === 'conflict' && e.details?.reason === 'form_has_answers') {
    return { [String(e.details.field ?? 'questions')]: t.locked };
  }
  if (e.code !== 'bad_request') throw e;
  const field = String(e.details?.field ?? '');
  const code = String(e.details?.code ?? '');
  const first = languages[0] ?? 'en';
  const lang = /\.(fr|en|es)$/.exec(field)?.[1];
  if (field.startsWith('titles')) {
    return { [`titles.${lang ?? first}`]: code === 'too_long' ? t.tooLong : t.titles };
  }
  if (field === 'opensAt' || field === 'closesAt') {
    return { [field]: code === 'before_open' ? t.closesAt : t.date };
  }
  if (/options/.test(field)) return { [`options.${lang ?? first}`]: t.options };
  if (/texts/.test(field)) {
    return { [`texts.${lang ?? first}`]: code === 'too_long' ? t.tooLong : t.question };
  }
  if (field === 'questions') return { kind: e.message };
  return { [field || 'titles.' + first]: ctx.t.validation.invalid };
}

/** The lines of a textarea: one option per line, blank lines dropped. */
export const lines = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];

/**
 * A form another event's, or not the reader's (404, 403), reads as absent; anything else
 * (the database out of reach) goes on to the error filter as itself.
 */
export function domainErrorAsNull(e: unknown): null {
  if (e instanceof DomainError) return null;
  throw e;
}
