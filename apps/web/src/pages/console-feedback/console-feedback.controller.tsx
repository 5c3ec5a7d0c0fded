import { Body, Get, Param, Post } from '@nestjs/common';
import { notFound } from '#core';
import type { EventView, LocalizedTexts } from '#events';
import { FeedbackForms } from '#feedback';
import {
  CheckboxField,
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
} from '../../components/form.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { ConsoleAccess, renderConsolePage } from '../console/console-frame.js';
import { languageName } from '../participant-sharing/sharing-parts.js';
import {
  asInput,
  eventLanguages,
  questionForm,
  renderEditPage,
  SettingsFields,
  settingsValues,
  StatusBadge,
  when,
} from './feedback-edit-page.js';
import { domainErrorAsNull, formErrors, lines } from './feedback-form-errors.js';

type FormBody = Record<string, string | undefined>;

const texts = (body: FormBody, prefix: string, langs: readonly string[]): LocalizedTexts =>
  Object.fromEntries(langs.map((l) => [l, body[`${prefix}.${l}`] ?? ''])) as LocalizedTexts;

/**
 * The organisers' feedback pages of an event: the list of forms with a form to start one,
 * and each form's settings and questions. Every rule (who, anonymity fixed once answered,
 * questions fixed once answered) lives in #feedback; these pages only ask it.
 */
@WebController('console/events/:eventId/feedback')
export class ConsoleFeedbackController {
  constructor(
    private readonly console: ConsoleAccess,
    private readonly forms: FeedbackForms,
  ) {}

  @Get()
  async list(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    const { event } = await this.console.event(ctx, eventId);
    return this.renderList(ctx, event, emptyForm({}));
  }

  @Post()
  async create(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Body() body: FormBody,
  ): Promise<PageResult> {
    const { actor, event } = await this.console.event(ctx, eventId);
    const langs = eventLanguages(event);
    try {
      const form = await this.forms.create(
        actor,
        event.id,
        {
          titles: texts(body, 'titles', langs),
          sessionId: body.sessionId || null,
          anonymous: body.anonymous === 'on',
          opensAt: body.opensAt || undefined,
          closesAt: body.closesAt || undefined,
        },
        ctx.locale,
      );
      return redirect(`/console/events/${event.id}/feedback/${form.id}`, 'feedback.flash.created');
    } catch (e) {
      const errors = formErrors(ctx, e, langs);
      return this.renderList(ctx, event, { values: body, errors }, 400);
    }
  }

  @Get(':formId')
  async edit(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('formId') formId: string,
  ): Promise<PageResult> {
    const { event, form } = await this.load(ctx, eventId, formId);
    return renderEditPage(ctx, event, form, settingsValues(form), questionForm());
  }

  @Post(':formId')
  async save(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('formId') formId: string,
    @Body() body: FormBody,
  ): Promise<PageResult> {
    const { actor, event, form } = await this.load(ctx, eventId, formId);
    const langs = eventLanguages(event);
    try {
      await this.forms.update(
        actor,
        form.id,
        {
          titles: texts(body, 'titles', langs),
          // The box is not offered once people have answered: leave anonymity as it is.
          ...(form.responseCount ? {} : { anonymous: body.anonymous === 'on' }),
          opensAt: body.opensAt ? body.opensAt : null,
          closesAt: body.closesAt || undefined,
        },
        ctx.locale,
      );
    } catch (e) {
      const errors = formErrors(ctx, e, langs);
      return renderEditPage(ctx, event, form, { values: body, errors }, questionForm(), 400);
    }
    return redirect(`/console/events/${event.id}/feedback/${form.id}`, 'feedback.flash.saved');
  }

  @Post(':formId/questions')
  async addQuestion(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('formId') formId: string,
    @Body() body: FormBody,
  ): Promise<PageResult> {
    const { actor, event, form } = await this.load(ctx, eventId, formId);
    const langs = eventLanguages(event);
    const kind = body.kind ?? '';
    const optionLines = langs.map((l) => [l, lines(body[`options.${l}`])] as const);
    const counts = new Set(
      optionLines.filter(([, ls]) => ls.length > 0).map(([, ls]) => ls.length),
    );
    const state: FormState = { values: body, errors: {}, idPrefix: 'q-' };
    if (kind === 'choice' && counts.size > 1) {
      state.errors[`options.${langs[0]}`] = ctx.t.feedback.console.errors.options;
      return renderEditPage(ctx, event, form, settingsValues(form), state, 400);
    }
    const n = Math.max(0, ...counts);
    const options = Array.from({ length: n }, (_, i) =>
      Object.fromEntries(optionLines.flatMap(([l, ls]) => (ls[i] ? [[l, ls[i]]] : []))),
    );
    try {
      await this.forms.update(
        actor,
        form.id,
        {
          questions: [
            ...form.questions.map(asInput),
            {
              kind,
              texts: texts(body, 'texts', langs),
              ...(kind === 'choice' ? { options } : {}),
              required: body.required === 'on',
            },
          ],
        },
        ctx.locale,
      );
    } catch (e) {
      state.errors = formErrors(ctx, e, langs);
      return renderEditPage(ctx, event, form, settingsValues(form), state, 400);
    }
    return redirect(
      `/console/events/${event.id}/feedback/${form.id}#questions`,
      'feedback.flash.questionAdded',
    );
  }

  @Post(':formId/questions/:questionId/delete')
  async removeQuestion(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('formId') formId: string,
    @Param('questionId') questionId: string,
  ): Promise<PageResult> {
    const { actor, event, form } = await this.load(ctx, eventId, formId);
    if (!form.questions.some((q) => q.id === questionId)) throw notFound('Question');
    await this.forms.update(actor, form.id, {
      questions: form.questions.filter((q) => q.id !== questionId).map(asInput),
    });
    return redirect(
      `/console/events/${event.id}/feedback/${form.id}#questions`,
      'feedback.flash.questionRemoved',
    );
  }

  @Post(':formId/delete')
  async remove(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('formId') formId: string,
  ): Promise<PageResult> {
    const { actor, event, form } = await this.load(ctx, eventId, formId);
    await this.forms.remove(actor, form.id);
    return redirect(`/console/events/${event.id}/feedback`, 'feedback.flash.removed');
  }

  /** The form, only when it is one of this event's (another event's form is a 404 here). */
  private async load(ctx: WebContext, eventId: string, formId: string) {
    const { actor, event } = await this.console.event(ctx, eventId);
    const form = await this.forms.get(actor, formId, ctx.locale).catch(domainErrorAsNull);
    if (!form || form.eventId !== event.id || form.responseCount === null) {
      throw notFound('Feedback form');
    }
    return { actor, event, form };
  }

  private async renderList(ctx: WebContext, event: EventView, state: FormState, status = 200) {
    const actor = ctx.actor!;
    const t = ctx.t.feedback.console;
    const list = await this.forms.listForEvent(actor, event.id, ctx.locale);
    const sessions = await this.forms.sessionChoices(actor, event.id, ctx.locale);
    const langs = eventLanguages(event);
    const labels: Record<string, string> = {
      ...Object.fromEntries(
        langs.map((l) => [`titles.${l}`, t.formTitle(languageName(l, ctx.locale))]),
      ),
      opensAt: t.opensAt,
      closesAt: t.closesAt,
      sessionId: t.attachedTo,
    };
    const html = renderConsolePage(ctx, {
      event,
      section: 'feedback',
      title: t.title,
      children: (
        <div class="fb">
          <p class="lead">{t.lead}</p>
          {list.length === 0 ? (
            <p class="muted">{t.none}</p>
          ) : (
            <ul class="fb-forms">
              {list.map((f) => (
                <li class="card">
                  <h2 class="fb-form-title" dir="auto">
                    {f.title}
                  </h2>
                  <p class="fb-meta">
                    <span class="muted">{f.sessionTitle ?? t.wholeEvent}</span>{' '}
                    <StatusBadge ctx={ctx} form={f} />{' '}
                    <span class="badge">{f.anonymous ? t.anonymousBadge : t.namedBadge}</span>
                  </p>
                  <p class="fb-meta muted">
                    {t.opens(when(ctx, event, f.opensAt))} ·{' '}
                    {t.closes(when(ctx, event, f.closesAt))}
                  </p>
                  <p class="fb-meta">
                    <strong>{t.responses(f.responseCount ?? 0)}</strong>
                  </p>
                  <p class="fb-links">
                    <a href={`/console/events/${event.id}/feedback/${f.id}`}>{t.edit}</a>
                    <a href={`/console/events/${event.id}/feedback/${f.id}/results`}>{t.results}</a>
                  </p>
                </li>
              ))}
            </ul>
          )}
          <section class="card" aria-labelledby="fb-new">
            <h2 id="fb-new">{t.newTitle}</h2>
            <ErrorSummary ctx={ctx} form={state} labels={labels} />
            <Form ctx={ctx} action={`/console/events/${event.id}/feedback`}>
              <SelectField
                form={state}
                name="sessionId"
                label={t.attachedTo}
                options={[
                  { value: '', label: t.wholeEvent },
                  ...sessions.map((s) => ({ value: s.id, label: s.title })),
                ]}
              />
              <SettingsFields ctx={ctx} event={event} state={state} langs={langs} />
              <CheckboxField
                form={state}
                name="anonymous"
                label={t.anonymous}
                hint={t.anonymousHint}
              />
              <button type="submit" class="btn">
                {t.create}
              </button>
            </Form>
          </section>
        </div>
      ),
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }
}
