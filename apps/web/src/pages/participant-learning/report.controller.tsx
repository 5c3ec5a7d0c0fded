import { Get, Param, Query } from '@nestjs/common';
import type { Locale } from '#core';
import { EventAccess } from '#events';
import { messages } from '#i18n';
import { type ExchangeReport, ExchangeReports, organisationLine } from '#learning';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { Download, type PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { languageName } from '../participant-sharing/sharing-parts.js';
import { AnswerBlock, dayTitle, EntryTexts } from './learning-parts.js';

/**
 * The exchange report of an immersion (/e/<slug>/report) for both organisations, the
 * visitors and the organisers, in the language the reader picks (their own by default),
 * with one PDF per partner language. #learning decides who reads it; others get 404.
 */
@WebController('e/:slug')
export class ReportPagesController {
  constructor(
    private readonly events: EventAccess,
    private readonly reports: ExchangeReports,
  ) {}

  @Get('report')
  async page(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Query('lang') lang?: unknown,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    const r = await this.reports.report(
      actor,
      event.id,
      typeof lang === 'string' && lang ? lang : ctx.locale,
    );
    return renderPage(ctx, { title: r.event.name, children: <ReportView ctx={ctx} r={r} /> });
  }

  @Get('report.pdf')
  async pdf(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Query('lang') lang?: unknown,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    const { filename, pdf } = await this.reports.pdf(
      actor,
      event.id,
      typeof lang === 'string' && lang ? lang : ctx.locale,
    );
    return new Download(pdf, 'application/pdf', filename, 'attachment');
  }
}

function ReportView(props: { ctx: WebContext; r: ExchangeReport }) {
  const { ctx, r } = props;
  // The report's own language: the page chrome stays in the reader's.
  const t = ctx.t.learning.report;
  const lang = r.locale;
  const other = (['fr', 'en', 'es'] as Locale[]).filter((l) => l !== lang);
  // The report in its own language; the links around it in the reader's.
  const inReport: WebContext = { ...ctx, locale: lang, t: messages(lang) };
  return (
    <div class="lj lj-report">
      <p class="pa-crumbs">
        <a href={`/e/${r.slug}`} dir="auto">
          {r.event.name}
        </a>
      </p>
      <div lang={lang !== ctx.locale ? lang : undefined}>
        <h1>
          {inReport.t.learning.report.title}
          <span class="lj-sub" dir="auto">
            {r.event.name}
          </span>
        </h1>
        <p class="lead">{inReport.t.learning.report.datesAndPlace(r.event.dates, r.event.place)}</p>
      </div>
      <nav class="lj-langs" aria-label={t.readIn}>
        <p>
          {t.labelled(t.readIn)}
          {other.map((l, i) => (
            <>
              {i > 0 && ' · '}
              <a href={`/e/${r.slug}/report?lang=${l}`} lang={l} hrefLang={l}>
                {languageName(l, l)}
              </a>
            </>
          ))}
        </p>
        <ul class="lj-pdfs">
          {r.languages.map((l) => (
            <li>
              <a href={`/e/${r.slug}/report.pdf?lang=${l}`} hrefLang={l} download>
                {t.pdfLanguage(languageName(l, ctx.locale))}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div lang={lang !== ctx.locale ? lang : undefined}>
        <ReportBody ctx={inReport} r={r} />
        <p class="muted">{inReport.t.learning.report.reference(r.reference)}</p>
      </div>
    </div>
  );
}

function ReportBody(props: { ctx: WebContext; r: ExchangeReport }) {
  const { ctx, r } = props;
  const t = ctx.t.learning.report;
  return (
    <>
      <p class="notice">{t.networkOnly}</p>
      <section aria-labelledby="lj-partners">
        <h2 id="lj-partners">{t.partners}</h2>
        <dl class="facts">
          {r.partners.host && (
            <>
              <dt>{t.hostOrg}</dt>
              <dd>
                <bdi>{organisationLine(r.partners.host, ctx.locale)}</bdi>
              </dd>
            </>
          )}
          {r.partners.visiting.length > 0 && (
            <>
              <dt>{r.partners.visiting.length > 1 ? t.visitingOrgs : t.visitingOrg}</dt>
              {r.partners.visiting.map((o) => (
                <dd>
                  <bdi>{organisationLine(o, ctx.locale)}</bdi>
                </dd>
              ))}
            </>
          )}
        </dl>
        <p>{t.summary(r.visitors.length, r.programme.length, r.entries.length)}</p>
      </section>
      <section aria-labelledby="lj-programme">
        <h2 id="lj-programme">{t.programme}</h2>
        {r.programme.length === 0 ? (
          <p class="hint">{t.noProgramme}</p>
        ) : (
          <div class="table-wrap">
            <table class="lj-table">
              <thead>
                <tr>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.hours}</th>
                  <th scope="col">{t.session}</th>
                  <th scope="col">{t.attendance}</th>
                </tr>
              </thead>
              <tbody>
                {r.programme.map((s) => (
                  <tr>
                    <td>{s.date}</td>
                    <td class="lj-nowrap">{s.hours}</td>
                    <td dir="auto">{s.title}</td>
                    <td>{t.attendedOf(s.attended, r.visitors.length)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p class="hint">{r.event.zone}</p>
      </section>
      <section aria-labelledby="lj-visitors">
        <h2 id="lj-visitors">{t.visitors}</h2>
        {r.visitors.length === 0 ? (
          <p class="hint">{t.noVisitors}</p>
        ) : (
          <ul class="plain lj-people">
            {r.visitors.map((v) => (
              <li>
                <strong>
                  <bdi>{v.name}</bdi>
                </strong>
                <br />
                <span class="muted">
                  {v.organisation && (
                    <>
                      <bdi>{v.organisation}</bdi>
                      {' · '}
                    </>
                  )}
                  {t.sessionsAttended(v.sessionsAttended)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="lj-learnt">
        <h2 id="lj-learnt">{t.learnt}</h2>
        {r.entries.length === 0 && <p class="hint">{t.noEntries}</p>}
        {r.entries.map((e) => (
          <article class="card lj-day" aria-labelledby={`e-${e.id}`}>
            <h3 id={`e-${e.id}`}>{dayTitle(e.day, ctx.locale)}</h3>
            <p>
              <bdi>{e.author.name}</bdi>
              {e.author.organisation && (
                <>
                  , <bdi>{e.author.organisation}</bdi>
                </>
              )}
            </p>
            <EntryTexts ctx={ctx} entry={e} />
            <AnswerBlock ctx={ctx} answer={e.answer} />
          </article>
        ))}
      </section>
    </>
  );
}
