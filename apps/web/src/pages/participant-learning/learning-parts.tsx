import type { Locale } from '#core';
import {
  type JournalEntryView,
  journalDay,
  JOURNAL_FIELD_MAX,
  SHARING_LEVELS,
  type Sharing,
} from '#learning';
import { fieldId, type FormState } from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';

/** A journal day as a heading ("Tuesday 9 March 2027"). */
export const dayTitle = (day: string, locale: Locale) => journalDay(day, locale);

/** Paragraphs as typed: blank lines split them, single newlines stay line breaks. */
export function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text.split(/\n{2,}/).map((p) => (
        <p dir="auto" class="lj-text">
          {p.split('\n').map((line, i) => (
            <>
              {i > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/** Who may read an entry, in plain words, as three radio buttons. */
export function SharingChoice(props: { ctx: WebContext; form: FormState }) {
  const t = props.ctx.t.learning.journal;
  const id = fieldId('sharing', props.form.idPrefix);
  const current = (props.form.values.sharing as Sharing | undefined) ?? 'private';
  const error = props.form.errors.sharing;
  return (
    <fieldset class={`field lj-sharing${error ? ' invalid' : ''}`} id={id}>
      <legend>{t.sharingLegend}</legend>
      {error && <span class="error">{error}</span>}
      {SHARING_LEVELS.map((level) => (
        <div class="check">
          <input
            type="radio"
            id={`${id}-${level}`}
            name="sharing"
            value={level}
            checked={current === level}
          />
          <label for={`${id}-${level}`}>{t.sharingChoices[level]}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The three texts of an entry, each under its label; empty ones left out. */
export function EntryTexts(props: {
  ctx: WebContext;
  entry: Pick<JournalEntryView, 'observations' | 'questions' | 'practice'>;
}) {
  const t = props.ctx.t.learning.report;
  const parts = [
    [t.observations, props.entry.observations],
    [t.questions, props.entry.questions],
    [t.practice, props.entry.practice],
  ].filter(([, text]) => text);
  return (
    <dl class="lj-texts">
      {parts.map(([label, text]) => (
        <>
          <dt>{label}</dt>
          <dd>
            <Paragraphs text={text} />
          </dd>
        </>
      ))}
    </dl>
  );
}

/** The host's answer under an entry. */
export function AnswerBlock(props: { ctx: WebContext; answer: JournalEntryView['answer'] }) {
  if (!props.answer) return null;
  const t = props.ctx.t.learning.report;
  return (
    <div class="lj-answer">
      <p class="lj-answer-by">
        <strong>
          <bdi>{t.hostAnswer(props.answer.authorName)}</bdi>
        </strong>
      </p>
      <Paragraphs text={props.answer.body} />
    </div>
  );
}

export { JOURNAL_FIELD_MAX };
