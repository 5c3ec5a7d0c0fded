import { Body, Get, Param, Post } from '@nestjs/common';
import { notFound } from '#core';
import { EventAccess, eventTextsIn } from '#events';
import { type JournalEntryView, Journals, JOURNAL_FIELD_MAX, type MyJournal } from '#learning';
import {
  ActionButton,
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  TextArea,
} from '../../components/form.js';
import { formStateFromError, textOf } from '../../http/forms.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { AnswerBlock, dayTitle, SharingChoice } from './learning-parts.js';

const prefixOf = (day: string) => `d${day}-`;

function valuesOf(entry: JournalEntryView | null): Record<string, unknown> {
  return entry
    ? {
        observations: entry.observations,
        questions: entry.questions,
        practice: entry.practice,
        sharing: entry.sharing,
      }
    : { sharing: 'private' };
}

/**
 * The visitor's learning journal of an immersion (/e/<slug>/journal): one form a day,
 * private unless they share it; the host's answer under each shared day. #learning
 * decides who may read what; anyone but a visitor gets 404.
 */
@WebController('e/:slug')
export class JournalPagesController {
  constructor(
    private readonly events: EventAccess,
    private readonly journals: Journals,
  ) {}

  @Get('journal')
  async page(@Web() ctx: WebContext, @Param('slug') slug: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    return this.render(ctx, slug, await this.journals.mine(actor, event.id));
  }

  @Post('journal/:day')
  async save(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Param('day') day: string,
    @Body() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    const values = {
      observations: textOf(body ?? {}, 'observations') ?? '',
      questions: textOf(body ?? {}, 'questions') ?? '',
      practice: textOf(body ?? {}, 'practice') ?? '',
      sharing: textOf(body ?? {}, 'sharing') ?? 'private',
    };
    try {
      await this.journals.saveDay(actor, event.id, day, values);
    } catch (e) {
      const state = formStateFromError(ctx, e, values);
      const journal = await this.journals.mine(actor, event.id);
      if (!journal.days.some((d) => d.day === day)) throw notFound('Journal day');
      return new HtmlResponse(
        this.render(ctx, slug, journal, { day, state: { ...state, idPrefix: prefixOf(day) } }),
        400,
      );
    }
    return redirect(`/e/${slug}/journal#day-${day}`, 'learning.flash.saved');
  }

  @Post('journal/:day/delete')
  async remove(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Param('day') day: string,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    const journal = await this.journals.mine(actor, event.id);
    const entry = journal.days.find((d) => d.day === day)?.entry;
    if (!entry) throw notFound('Journal entry');
    await this.journals.remove(actor, entry.id);
    return redirect(`/e/${slug}/journal#day-${day}`, 'learning.flash.removed');
  }

  private render(
    ctx: WebContext,
    slug: string,
    journal: MyJournal,
    failed?: { day: string; state: FormState },
  ): string {
    const t = ctx.t.learning.journal;
    const name = eventTextsIn(journal.event, ctx.locale).name;
    const labels = { observations: t.observations, questions: t.questions, practice: t.practice };
    return renderPage(ctx, {
      title: `${t.title} · ${name}`,
      children: (
        <div class="lj">
          <p class="pa-crumbs">
            <a href={`/e/${slug}`} dir="auto">
              {name}
            </a>
          </p>
          <h1>{t.title}</h1>
          <p class="lead">{t.lead}</p>
          <p class="notice">{t.privateNote}</p>
          {failed && <ErrorSummary ctx={ctx} form={failed.state} labels={labels} />}
          <nav aria-label={t.daysNav} class="lj-daynav">
            <ul class="plain">
              {journal.days.map(({ day, entry }) => (
                <li>
                  <a href={`#day-${day}`}>{dayTitle(day, ctx.locale)}</a>{' '}
                  <span class="muted">
                    {entry ? t.sharedWith[entry.sharing] : t.notWrittenShort}
                  </span>
                </li>
              ))}
            </ul>
          </nav>
          <p>
            <a href={`/e/${slug}/report`}>{t.reportLink}</a>
          </p>
          {journal.days.map(({ day, entry }) => {
            const form =
              failed?.day === day
                ? failed.state
                : { ...emptyForm(valuesOf(entry)), idPrefix: prefixOf(day) };
            return (
              <section class="card lj-day" id={`day-${day}`} aria-labelledby={`h-${day}`}>
                <h2 id={`h-${day}`}>{dayTitle(day, ctx.locale)}</h2>
                <p class="muted">{entry ? t.sharedWith[entry.sharing] : t.notWritten}</p>
                <Form ctx={ctx} action={`/e/${slug}/journal/${day}`}>
                  <TextArea
                    form={form}
                    name="observations"
                    label={t.observations}
                    hint={t.observationsHint}
                    rows={3}
                    maxLength={JOURNAL_FIELD_MAX}
                  />
                  <TextArea
                    form={form}
                    name="questions"
                    label={t.questions}
                    hint={t.questionsHint}
                    rows={3}
                    maxLength={JOURNAL_FIELD_MAX}
                  />
                  <TextArea
                    form={form}
                    name="practice"
                    label={t.practice}
                    hint={t.practiceHint}
                    rows={3}
                    maxLength={JOURNAL_FIELD_MAX}
                  />
                  <SharingChoice ctx={ctx} form={form} />
                  <button type="submit" class="btn">
                    {t.save}
                  </button>
                </Form>
                {entry?.answer && (
                  <>
                    <h3>{t.answerTitle}</h3>
                    <AnswerBlock ctx={ctx} answer={entry.answer} />
                  </>
                )}
                {entry && (
                  <ActionButton
                    ctx={ctx}
                    action={`/e/${slug}/journal/${day}/delete`}
                    label={t.remove}
                    variant="linkish"
                    confirm={t.removeConfirm}
                  />
                )}
              </section>
            );
          })}
        </div>
      ),
    });
  }
}
