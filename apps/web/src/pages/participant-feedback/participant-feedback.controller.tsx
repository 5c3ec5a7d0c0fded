import { Body, Get, Param, Post } from '@nestjs/common';
import { DomainError, isUuid, notFound } from '#core';
import { type Event, EventAccess, eventTextsIn } from '#events';
import { FeedbackAnswers, FeedbackForms, type FormView, type QuestionView } from '#feedback';
import { ErrorSummary, fieldId, Form, type FormState } from '../../components/form.js';
import { instantIn } from '../../format/dates.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { domainErrorAsNull } from '../console-feedback/feedback-form-errors.js';

type FormBody = Record<string, string | undefined>;

const fieldName = (q: QuestionView) => `q.${q.id}`;
const fieldIdOf = (q: QuestionView) => fieldId(fieldName(q), 'q-');

/**
 * A participant's feedback pages: /e/<slug>/feedback lists the forms open to them, and
 * /e/<slug>/feedback/<id> is one form (radio buttons and text areas, no script needed),
 * then its thank-you state. Who may answer, and once, is decided in #feedback.
 */
@WebController('e/:slug/feedback')
export class ParticipantFeedbackController {
  constructor(
    private readonly events: EventAccess,
    private readonly forms: FeedbackForms,
    private readonly answers: FeedbackAnswers,
  ) {}

  @Get()
  async list(@Web() ctx: WebContext, @Param('slug') slug: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    const open = await this.forms.openForMe(actor, event.id, ctx.locale);
    const t = ctx.t.feedback.participant;
    const name = eventTextsIn(event, ctx.locale).name;
    return renderPage(ctx, {
      title: `${t.title} · ${name}`,
      children: (
        <div class="fb">
          <p class="pa-crumbs">
            <a href={`/e/${slug}`} dir="auto">
              {name}
            </a>
          </p>
          <h1>{t.title}</h1>
          <p class="lead">{t.lead}</p>
          {open.length === 0 ? (
            <p class="muted">{t.none}</p>
          ) : (
            <ul class="fb-forms">
              {open.map((f) => (
                <li class="card">
                  <h2 class="fb-form-title" dir="auto">
                    {f.answered ? f.title : <a href={`/e/${slug}/feedback/${f.id}`}>{f.title}</a>}
                  </h2>
                  <p class="fb-meta muted" dir="auto">
                    {f.sessionTitle ? t.forSession(f.sessionTitle) : t.wholeEvent}
                  </p>
                  {f.answered ? (
                    <p class="fb-meta">
                      <span class="badge ok">{t.answered}</span>
                    </p>
                  ) : (
                    <p class="fb-meta muted">{t.closes(when(ctx, event, f.closesAt))}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ),
    });
  }

  @Get(':formId')
  async page(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Param('formId') formId: string,
  ): Promise<PageResult> {
    const { event, form } = await this.load(ctx, slug, formId);
    return this.render(ctx, slug, event, form, { values: {}, errors: {} });
  }

  @Post(':formId')
  async submit(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Param('formId') formId: string,
    @Body() body: FormBody,
  ): Promise<PageResult> {
    const { actor, event, form } = await this.load(ctx, slug, formId);
    const here = `/e/${slug}/feedback/${form.id}`;
    if (!form || form.answered) return redirect(here);
    const answers = form.questions.flatMap((q) => {
      const raw = body?.[fieldName(q)];
      if (raw === undefined || raw === '') return [];
      if (q.kind === 'text') return [{ questionId: q.id, text: raw }];
      return [{ questionId: q.id, [q.kind]: Number(raw) }];
    });
    try {
      await this.answers.submit(actor, form.id, { answers });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'conflict' && e.details?.reason === 'already_answered') return redirect(here);
      if (e.code !== 'bad_request') throw e;
      const t = ctx.t.feedback.participant.errors;
      const q = form.questions.find((x) => x.id === e.details?.questionId) ?? form.questions[0]!;
      const code = e.details?.code;
      const message =
        code === 'required' || code === 'empty'
          ? t.required
          : code === 'too_long'
            ? t.tooLong
            : t.invalid;
      return this.render(
        ctx,
        slug,
        event,
        form,
        { values: body ?? {}, errors: { [fieldName(q)]: message } },
        400,
      );
    }
    return redirect(here, 'feedback.flash.thanks');
  }

  /** The form when it is open to me on this event; a closed form says so; others are 404. */
  private async load(ctx: WebContext, slug: string, formId: string) {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    if (!isUuid(formId)) throw notFound('Feedback form');
    const open = await this.forms.openForMe(actor, event.id, ctx.locale);
    const form = open.find((f) => f.id === formId);
    if (form) return { actor, event, form };
    const other = await this.forms.get(actor, formId, ctx.locale).catch(domainErrorAsNull);
    if (!other || other.eventId !== event.id || other.answered === null) {
      throw notFound('Feedback form');
    }
    return { actor, event, form: other };
  }

  private render(
    ctx: WebContext,
    slug: string,
    event: Event,
    form: FormView,
    state: FormState,
    status = 200,
  ) {
    const t = ctx.t.feedback.participant;
    const labels = Object.fromEntries(form.questions.map((q) => [fieldName(q), q.text]));
    const body = form.answered ? (
      <section class="card fb-thanks" aria-labelledby="fb-thanks">
        <h2 id="fb-thanks">{t.thanksTitle}</h2>
        <p>{t.thanks}</p>
      </section>
    ) : form.status !== 'open' ? (
      <p class="warning">{t.notOpen}</p>
    ) : (
      <>
        <ErrorSummary ctx={ctx} form={{ ...state, idPrefix: 'q-' }} labels={labels} />
        <Form ctx={ctx} action={`/e/${slug}/feedback/${form.id}`} class="fb-answer">
          {form.questions.map((q) => (
            <QuestionField ctx={ctx} q={q} state={state} />
          ))}
          <button type="submit" class="btn">
            {t.send}
          </button>
        </Form>
      </>
    );
    const html = renderPage(ctx, {
      title: form.title,
      children: (
        <div class="fb">
          <p class="pa-crumbs">
            <a href={`/e/${slug}/feedback`}>{t.backToList}</a>
          </p>
          <h1 dir="auto">{form.title}</h1>
          <p class="fb-meta muted" dir="auto">
            {form.sessionTitle ? t.forSession(form.sessionTitle) : t.wholeEvent}
          </p>
          {!form.answered && (
            <p class={form.anonymous ? 'fb-note fb-anonymous' : 'fb-note'}>
              {form.anonymous ? t.anonymous : t.named}
            </p>
          )}
          {body}
        </div>
      ),
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }
}

/** One question: radio buttons for a rating or a choice, a text area for a text. */
function QuestionField(props: { ctx: WebContext; q: QuestionView; state: FormState }) {
  const { ctx, q, state } = props;
  const t = ctx.t.feedback.participant;
  const name = fieldName(q);
  const id = fieldIdOf(q);
  const error = state.errors[name];
  const value = state.values[name];
  const optional = q.required ? '' : ` ${t.optional}`;
  const errorId = `${id}-error`;
  const errorText = error && (
    <span class="error" id={errorId}>
      {error}
    </span>
  );
  if (q.kind === 'text') {
    return (
      <div class={`field${error ? ' invalid' : ''}`}>
        <label for={id} dir="auto" lang={q.textLanguage ?? undefined}>
          {q.text}
          {optional}
        </label>
        {errorText}
        <textarea
          id={id}
          name={name}
          rows={4}
          maxLength={2000}
          dir="auto"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
        >
          {typeof value === 'string' ? value : ''}
        </textarea>
      </div>
    );
  }
  const choices =
    q.kind === 'rating'
      ? [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))
      : q.options.map((o) => ({ value: String(o.index), label: o.text }));
  return (
    <fieldset
      class={`field fb-choices${q.kind === 'rating' ? ' fb-rating' : ''}${error ? ' invalid' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={
        [q.kind === 'rating' ? `${id}-hint` : '', error ? errorId : ''].filter(Boolean).join(' ') ||
        undefined
      }
    >
      <legend dir="auto" lang={q.textLanguage ?? undefined}>
        {q.text}
        {optional}
      </legend>
      {q.kind === 'rating' && (
        <span class="hint" id={`${id}-hint`}>
          {t.ratingScale}
        </span>
      )}
      {errorText}
      <div class="fb-radios">
        {choices.map((c) => (
          <label class="fb-radio">
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              required={q.required}
            />
            <span dir="auto">{c.label}</span>
          </label>
        ))}
      </div>
      {q.kind === 'rating' && (
        // The words of the scale under its ends; screen readers have them in the hint.
        <div class="fb-scale" aria-hidden="true">
          <span>{t.ratingLow}</span>
          <span>{t.ratingHigh}</span>
        </div>
      )}
    </fieldset>
  );
}

const when = (ctx: WebContext, event: Event, iso: string) =>
  instantIn(iso, event.timezone, ctx.locale, event.venueCity);
