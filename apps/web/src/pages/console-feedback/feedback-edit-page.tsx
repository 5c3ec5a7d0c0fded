import type { Locale } from '#core';
import type { EventView } from '#events';
import type { FormView } from '#feedback';
import {
  ActionButton,
  CheckboxField,
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.js';
import { cityName, instantIn } from '../../format/dates.js';
import type { WebContext } from '../../http/web-context.js';
import { HtmlResponse } from '../../http/web-results.js';
import { renderConsolePage } from '../console/console-frame.js';
import { languageName } from '../participant-sharing/sharing-parts.js';

const LANGS = ['fr', 'en', 'es'] as const;

/** The event's languages among fr, en, es (all three when it names none of them). */
export const eventLanguages = (event: EventView): string[] => {
  const own = LANGS.filter((l) => event.languages.includes(l));
  return own.length > 0 ? own : [...LANGS];
};

/** A zoned ISO instant as the value of a datetime-local field (the event's wall clock). */
const wallClock = (iso: string) => iso.slice(0, 16);

/**
 * A form's page for its organisers: its questions (added one at a time, removed until the
 * first answer) and its settings (titles, window, anonymity until the first answer).
 */
export function renderEditPage(
  ctx: WebContext,
  event: EventView,
  form: FormView,
  settings: FormState,
  question: FormState,
  status = 200,
) {
  const t = ctx.t.feedback.console;
  const langs = eventLanguages(event);
  const base = `/console/events/${event.id}/feedback/${form.id}`;
  const answered = (form.responseCount ?? 0) > 0;
  const labels: Record<string, string> = {
    ...Object.fromEntries(
      langs.map((l) => [`titles.${l}`, t.formTitle(languageName(l, ctx.locale))]),
    ),
    opensAt: t.opensAt,
    closesAt: t.closesAt,
    anonymous: t.anonymous,
  };
  const qLabels: Record<string, string> = {
    kind: t.kind,
    ...Object.fromEntries(
      langs.map((l) => [`texts.${l}`, t.questionText(languageName(l, ctx.locale))]),
    ),
    ...Object.fromEntries(
      langs.map((l) => [`options.${l}`, t.options(languageName(l, ctx.locale))]),
    ),
  };
  const html = renderConsolePage(ctx, {
    event,
    section: 'feedback',
    title: form.title,
    children: (
      <div class="fb">
        <p class="fb-links">
          <a href={`/console/events/${event.id}/feedback`}>{t.backToList}</a>
          <a href={`${base}/results`}>{t.results}</a>
        </p>
        <p class="fb-meta">
          <span class="muted">{form.sessionTitle ?? t.wholeEvent}</span>{' '}
          <StatusBadge ctx={ctx} form={form} />{' '}
          <span class="badge">{form.anonymous ? t.anonymousBadge : t.namedBadge}</span>{' '}
          <strong>{t.responses(form.responseCount ?? 0)}</strong>
        </p>
        <section class="card" aria-labelledby="fb-questions" id="questions">
          <h2 id="fb-questions">{t.questionsTitle}</h2>
          {form.questions.length === 0 && <p class="muted">{t.noQuestions}</p>}
          {answered && <p class="warning">{t.questionsLocked}</p>}
          <ol class="fb-questions">
            {form.questions.map((q) => (
              <li>
                <p dir="auto">
                  <strong>{q.text}</strong>{' '}
                  <span class="muted">
                    ({t.kinds[q.kind]}
                    {q.required ? '' : `, ${t.optional}`})
                  </span>
                </p>
                {q.options.length > 0 && (
                  <ul class="fb-options">
                    {q.options.map((o) => (
                      <li dir="auto">{o.text}</li>
                    ))}
                  </ul>
                )}
                {!answered && (
                  <ActionButton
                    ctx={ctx}
                    action={`${base}/questions/${q.id}/delete`}
                    label={t.removeQuestion}
                    variant="small"
                  />
                )}
              </li>
            ))}
          </ol>
          {!answered && (
            <>
              <h3 id="fb-add">{t.addQuestion}</h3>
              <ErrorSummary ctx={ctx} form={question} labels={qLabels} />
              <Form ctx={ctx} action={`${base}/questions`}>
                <SelectField
                  form={question}
                  name="kind"
                  label={t.kind}
                  options={(['rating', 'choice', 'text'] as const).map((k) => ({
                    value: k,
                    label: t.kinds[k],
                  }))}
                />
                {langs.map((l) => (
                  <TextField
                    form={question}
                    name={`texts.${l}`}
                    label={t.questionText(languageName(l, ctx.locale))}
                    maxLength={300}
                  />
                ))}
                {langs.map((l) => (
                  <TextArea
                    form={question}
                    name={`options.${l}`}
                    label={t.options(languageName(l, ctx.locale))}
                    hint={l === langs[0] ? t.optionsHint : undefined}
                    rows={3}
                  />
                ))}
                <CheckboxField form={question} name="required" label={t.required} />
                <button type="submit" class="btn">
                  {t.add}
                </button>
              </Form>
            </>
          )}
        </section>
        <section class="card" aria-labelledby="fb-settings">
          <h2 id="fb-settings">{t.settingsTitle}</h2>
          <ErrorSummary ctx={ctx} form={settings} labels={labels} />
          <Form ctx={ctx} action={base}>
            <SettingsFields ctx={ctx} event={event} state={settings} langs={langs} />
            {answered ? (
              <p>{t.anonymousLocked(form.anonymous ? t.anonymousBadge : t.namedBadge)}</p>
            ) : (
              <CheckboxField
                form={settings}
                name="anonymous"
                label={t.anonymous}
                hint={t.anonymousHint}
              />
            )}
            <button type="submit" class="btn">
              {t.save}
            </button>
          </Form>
        </section>
        <ActionButton
          ctx={ctx}
          action={`${base}/delete`}
          label={t.remove}
          variant="danger"
          confirm={t.removeConfirm}
        />
      </div>
    ),
  });
  return status === 200 ? html : new HtmlResponse(html, status);
}

/** Title per language and the opening window: the same fields to create and to edit. */
export function SettingsFields(props: {
  ctx: WebContext;
  event: EventView;
  state: FormState;
  langs: readonly string[];
}) {
  const { ctx, event, state } = props;
  const t = ctx.t.feedback.console;
  return (
    <>
      {props.langs.map((l, i) => (
        <TextField
          form={state}
          name={`titles.${l}`}
          label={t.formTitle(languageName(l, ctx.locale))}
          hint={i === 0 ? t.titleHint : undefined}
          maxLength={200}
        />
      ))}
      <TextField
        form={state}
        name="opensAt"
        type="datetime-local"
        label={t.opensAt}
        hint={t.opensAtHint(cityName(event.venue.city, event.timezone, ctx.locale as Locale))}
      />
      <TextField
        form={state}
        name="closesAt"
        type="datetime-local"
        label={t.closesAt}
        hint={t.closesAtHint}
      />
    </>
  );
}

export function StatusBadge(props: { ctx: WebContext; form: FormView }) {
  const cls = { scheduled: 'wait', open: 'ok', closed: '' }[props.form.status];
  return (
    <span class={`badge ${cls}`.trim()}>
      {props.ctx.t.feedback.console.status[props.form.status]}
    </span>
  );
}

export const when = (ctx: WebContext, event: EventView, iso: string) =>
  instantIn(iso, event.timezone, ctx.locale, event.venue.city);

export function settingsValues(form: FormView): FormState {
  return emptyForm({
    ...Object.fromEntries(Object.entries(form.titles).map(([l, v]) => [`titles.${l}`, v])),
    opensAt: form.opensAtDefault ? '' : wallClock(form.opensAt),
    closesAt: wallClock(form.closesAt),
    anonymous: form.anonymous ? 'on' : '',
  });
}

export const questionForm = (): FormState => ({
  values: { kind: 'rating', required: 'on' },
  errors: {},
  idPrefix: 'q-',
});

export const asInput = (q: FormView['questions'][number]) => ({
  kind: q.kind,
  texts: q.texts,
  ...(q.kind === 'choice' ? { options: q.options.map((o) => o.texts) } : {}),
  required: q.required,
});
