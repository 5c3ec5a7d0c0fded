import { Body, Get, Param, Post } from '@nestjs/common';
import { isUuid, notFound } from '#core';
import { eventTextsIn } from '#events';
import { ANSWER_MAX, Journals, type SharedJournal } from '#learning';
import { emptyForm, ErrorSummary, Form, type FormState, TextArea } from '../../components/form.js';
import { formStateFromError } from '../../http/forms.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { AnswerBlock, dayTitle, EntryTexts } from './learning-parts.js';

const prefixOf = (entryId: string) => `a${entryId.slice(0, 8)}-`;

/**
 * The host's page of an immersion's journals (/host/events/<id>/journal): the entries
 * the visitors shared with the host or the network, and one answer form under each.
 * Private entries never reach this page; anyone but the host team gets 404.
 */
@WebController('host/events/:id')
export class HostJournalPagesController {
  constructor(private readonly journals: Journals) {}

  @Get('journal')
  async page(@Web() ctx: WebContext, @Param('id') id: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    if (!isUuid(id)) throw notFound('Event');
    return this.render(ctx, await this.journals.sharedWithHost(actor, id));
  }

  @Post('journal/:entryId/answer')
  async answer(
    @Web() ctx: WebContext,
    @Param('id') id: string,
    @Param('entryId') entryId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    if (!isUuid(id) || !isUuid(entryId)) throw notFound('Journal entry');
    const shared = await this.journals.sharedWithHost(actor, id);
    if (!shared.entries.some((e) => e.id === entryId)) throw notFound('Journal entry');
    const text = typeof body?.body === 'string' ? body.body : '';
    try {
      await this.journals.answer(actor, entryId, text);
    } catch (e) {
      const state = formStateFromError(ctx, e, { body: text });
      return new HtmlResponse(
        this.render(ctx, shared, { entryId, state: { ...state, idPrefix: prefixOf(entryId) } }),
        400,
      );
    }
    return redirect(`/host/events/${id}/journal#entry-${entryId}`, 'learning.flash.answered');
  }

  private render(
    ctx: WebContext,
    shared: SharedJournal,
    failed?: { entryId: string; state: FormState },
  ): string {
    const t = ctx.t.learning.host;
    const name = eventTextsIn(shared.event, ctx.locale).name;
    return renderPage(ctx, {
      title: `${t.title} · ${name}`,
      children: (
        <div class="lj">
          <p class="pa-crumbs">
            <a href={`/host/events/${shared.event.id}`} dir="auto">
              {name}
            </a>
          </p>
          <h1>{t.title}</h1>
          <p class="lead">{t.lead}</p>
          {failed && <ErrorSummary ctx={ctx} form={failed.state} labels={{ body: t.answer }} />}
          <p>
            <a href={`/e/${shared.event.slug}/report`}>{t.reportLink}</a>
          </p>
          {shared.entries.length === 0 && <p class="hint">{t.none}</p>}
          {shared.entries.map((entry) => {
            const form =
              failed?.entryId === entry.id
                ? failed.state
                : {
                    ...emptyForm({ body: entry.answer?.body ?? '' }),
                    idPrefix: prefixOf(entry.id),
                  };
            return (
              <section
                class="card lj-day"
                id={`entry-${entry.id}`}
                aria-labelledby={`h-${entry.id}`}
              >
                <h2 id={`h-${entry.id}`}>{dayTitle(entry.day, ctx.locale)}</h2>
                <p>
                  <strong>
                    <bdi>{entry.author.name}</bdi>
                    {entry.author.organisation && (
                      <>
                        , <bdi>{entry.author.organisation}</bdi>
                      </>
                    )}
                  </strong>
                  <br />
                  <span class="muted">{t.shared[entry.sharing as 'host' | 'network']}</span>
                </p>
                <EntryTexts ctx={ctx} entry={entry} />
                <AnswerBlock ctx={ctx} answer={entry.answer} />
                <Form
                  ctx={ctx}
                  action={`/host/events/${shared.event.id}/journal/${entry.id}/answer`}
                >
                  <TextArea
                    form={form}
                    name="body"
                    label={t.answer}
                    hint={t.answerHint}
                    rows={3}
                    maxLength={ANSWER_MAX}
                  />
                  <button type="submit" class="btn secondary">
                    {t.send}
                  </button>
                </Form>
              </section>
            );
          })}
        </div>
      ),
    });
  }
}
