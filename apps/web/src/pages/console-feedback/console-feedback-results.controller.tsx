import { Get, Param, Query } from '@nestjs/common';
import { csvSeparatorFor, notFound, numberFormat } from '#core';
import { FeedbackResults, type QuestionResult } from '#feedback';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { Download, type PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { ConsoleAccess, renderConsolePage } from '../console/console-frame.js';
import { ChartSection, PALETTE } from '../console-messages/charts.js';
import { StatusBadge } from './feedback-edit-page.js';
import { AnswerBars } from './feedback-chart.js';
import { domainErrorAsNull } from './feedback-form-errors.js';
import { formatCount } from '#i18n';

/**
 * A form's results for its organisers (and a session's facilitators): per question a bar chart drawn on the server with
 * the same numbers in a table beside it, the written answers, and the CSV. On anonymous
 * forms nothing names anyone, and written answers come shuffled.
 */
@WebController('console/events/:eventId/feedback/:formId')
export class ConsoleFeedbackResultsController {
  constructor(
    private readonly console: ConsoleAccess,
    private readonly results: FeedbackResults,
  ) {}

  @Get('results')
  async page(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('formId') formId: string,
  ): Promise<PageResult> {
    // Organisers in the console's frame; a session's facilitator on a plain page.
    const { actor, event, isOrganiser } = await this.console.staffEvent(ctx, eventId);
    const r = await this.results.results(actor, formId, ctx.locale).catch(domainErrorAsNull);
    if (!r || r.form.eventId !== event.id) throw notFound('Feedback form');
    const t = ctx.t.feedback.console;
    const base = `/console/events/${event.id}/feedback/${r.form.id}`;
    const number = numberFormat(ctx.locale, { maximumFractionDigits: 1 });
    const title = `${t.results} · ${r.form.title}`;
    const children = (
      <div class="fb">
        <p class="fb-links">
          {isOrganiser && <a href={`/console/events/${event.id}/feedback`}>{t.backToList}</a>}
          {isOrganiser && <a href={base}>{t.edit}</a>}
          {!r.withheld && (
            <a href={`${base}/results.csv`} download>
              {t.csv}
            </a>
          )}
        </p>
        <p class="fb-meta">
          <span class="muted">{r.form.sessionTitle ?? t.wholeEvent}</span>{' '}
          <StatusBadge ctx={ctx} form={r.form} />{' '}
          <span class="badge">{r.form.anonymous ? t.anonymousBadge : t.namedBadge}</span>
        </p>
        <p class="cm-headline">{t.answeredCount(r.responseCount)}</p>
        {r.withheld ? (
          <>
            <p class="fb-note">{t.withheld}</p>
            <ul>
              {r.questions.map((q, i) => (
                <li dir="auto">
                  {i + 1}. {q.text}: {t.answeredCount(q.answered)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            {r.form.anonymous && <p class="fb-note">{t.anonymousResults}</p>}
            {r.questions.map((q, i) => (
              <QuestionSection ctx={ctx} q={q} i={i} anonymous={r.form.anonymous} number={number} />
            ))}
          </>
        )}
      </div>
    );
    if (isOrganiser) {
      return renderConsolePage(ctx, { event, section: 'feedback', title, children });
    }
    return renderPage(ctx, {
      title: `${title} · ${event.name}`,
      wide: true,
      children: (
        <>
          <p class="pa-crumbs">
            <a href="/my/agenda">{ctx.t.agenda.mine.title}</a>
          </p>
          <p class="muted" dir="auto">
            {event.name}
          </p>
          <h1 dir="auto">{title}</h1>
          {children}
        </>
      ),
    });
  }

  @Get('results.csv')
  async csv(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('formId') formId: string,
    @Query('separator') separator?: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.console.staffEvent(ctx, eventId);
    const r = await this.results.results(actor, formId, ctx.locale).catch(domainErrorAsNull);
    if (!r || r.form.eventId !== event.id) throw notFound('Feedback form');
    const h = ctx.t.feedback.csv;
    const file = await this.results.csv(
      actor,
      r.form.id,
      ctx.locale,
      { separator: csvSeparatorFor(ctx.locale, separator) },
      h,
    );
    return new Download(file.body, 'text/csv; charset=utf-8', file.filename, 'attachment');
  }
}

function QuestionSection(props: {
  ctx: WebContext;
  q: QuestionResult;
  i: number;
  anonymous: boolean;
  number: Intl.NumberFormat;
}) {
  const { ctx, q, i } = props;
  const t = ctx.t.feedback.console;
  const id = `fb-q${i + 1}`;
  const title = `${i + 1}. ${q.text}`;
  if (q.kind === 'text') {
    return (
      <section class="cm-chart" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`} dir="auto">
          {title}
        </h2>
        <p class="muted cm-note">
          {t.answeredCount(q.answered)}
          {props.anonymous && q.texts.length > 0 ? ` · ${t.shuffled}` : ''}
        </p>
        {q.texts.length === 0 ? (
          <p class="muted">{t.noTexts}</p>
        ) : (
          <ul class="fb-texts">
            {q.texts.map((a) => (
              <li>
                <p dir="auto">{a.text}</p>
                {a.respondent && (
                  <p class="muted fb-by">
                    {t.by(
                      a.respondent.organisation
                        ? `${a.respondent.name}, ${a.respondent.organisation}`
                        : a.respondent.name,
                    )}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  const note = [
    t.answeredCount(q.answered),
    q.average !== null ? t.average(props.number.format(q.average)) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const head = q.kind === 'rating' ? t.rating : t.option;
  return (
    <ChartSection
      id={id}
      title={title}
      note={note}
      empty={q.answered === 0 ? t.noAnswers : undefined}
      chart={
        <AnswerBars
          id={`${id}-c`}
          locale={ctx.locale}
          title={q.text}
          description={t.chartDescription(q.text, q.answered)}
          bars={q.counts.map((c) => ({ label: c.label, count: c.count }))}
          colour={PALETTE[q.kind === 'rating' ? 0 : 2]}
        />
      }
      table={
        <table class="cm-table">
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col" class="num">
                {t.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {q.counts.map((c) => (
              <tr>
                <td dir="auto">{c.label}</td>
                <td class="num">{formatCount(ctx.locale, c.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
