import { Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CalendarFeeds, type CalendarFeedStatus, CalendarService } from '#calendar';
import { qrSvg as drawQrSvg } from '#documents';
import { ActionButton } from '../../components/form.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { Download, HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { dayOf } from './travel-format.js';

interface NewLink {
  url: string;
  webcalUrl: string;
  /** Made here from our own URL (never from input): markup we trust. */
  qrSvg: string;
}

/**
 * Subscribing to my agenda. The secret URL exists only as a hash, so it is shown once:
 * in the answer to the POST that creates it (not cached), never on a later visit.
 */
@WebController('my')
export class CalendarPageController {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly calendars: CalendarService,
  ) {}

  @Get('calendar')
  async show(@Web() ctx: WebContext): Promise<PageResult> {
    const status = await this.feeds.status(requireActor(ctx));
    return page(ctx, status);
  }

  @Post('calendar/link')
  async rotate(@Web() ctx: WebContext, @Res() res: Response): Promise<PageResult> {
    const actor = requireActor(ctx);
    const hadOne = (await this.feeds.status(actor)) !== null;
    const { url, webcalUrl } = await this.feeds.rotate(actor);
    const qrSvg = await drawQrSvg(url);
    // The page carries the secret: no cache, shared or private, may keep it.
    res.setHeader('Cache-Control', 'no-store');
    const status = await this.feeds.status(actor);
    return new HtmlResponse(page(ctx, status, { url, webcalUrl, qrSvg }, hadOne), 200);
  }

  @Post('calendar/revoke')
  async revoke(@Web() ctx: WebContext): Promise<PageResult> {
    await this.feeds.revoke(requireActor(ctx));
    return redirect('/my/calendar', 'calendar.revoked');
  }

  @Get('calendar.ics')
  async file(@Web() ctx: WebContext): Promise<PageResult> {
    const { filename, content } = await this.calendars.myCalendar(requireActor(ctx));
    return new Download(content, 'text/calendar; charset=utf-8', filename, 'attachment');
  }
}

function page(
  ctx: WebContext,
  status: CalendarFeedStatus | null,
  link?: NewLink,
  rotated = false,
): string {
  const t = ctx.t.calendar;
  return renderPage(ctx, {
    title: t.title,
    children: (
      <div class="cal">
        <h1>{t.title}</h1>
        <p class="lead">{t.lead}</p>
        {link ? (
          <NewLinkCard ctx={ctx} link={link} rotated={rotated} />
        ) : status ? (
          <section class="card">
            <p>{t.linkSince(dayOf(status.createdAt, ctx.locale))}</p>
            <p>
              {status.lastUsedAt ? t.lastUsed(dayOf(status.lastUsedAt, ctx.locale)) : t.neverUsed}
            </p>
            <p class="hint">{t.shownOnce}</p>
          </section>
        ) : (
          <section class="card">
            <p>{t.noLink}</p>
            <ActionButton ctx={ctx} action="/my/calendar/link" label={t.create} />
          </section>
        )}
        {status && (
          <section class="card" aria-labelledby="cal-manage">
            <h2 id="cal-manage">{t.manageTitle}</h2>
            <p class="hint">{t.rotateHint}</p>
            <ActionButton
              ctx={ctx}
              action="/my/calendar/link"
              label={t.rotate}
              variant="secondary"
              confirm={t.rotateConfirm}
            />
            <p class="hint">{t.revokeHint}</p>
            <ActionButton
              ctx={ctx}
              action="/my/calendar/revoke"
              label={t.revoke}
              variant="danger"
              confirm={t.revokeConfirm}
            />
          </section>
        )}
        <section class="card" aria-labelledby="cal-file">
          <h2 id="cal-file">{t.fileTitle}</h2>
          <p class="hint">{t.fileHint}</p>
          <a class="btn secondary" href="/my/calendar.ics" download>
            {t.download}
          </a>
        </section>
      </div>
    ),
  });
}

function NewLinkCard(props: { ctx: WebContext; link: NewLink; rotated: boolean }) {
  const { ctx, link } = props;
  const t = ctx.t.calendar;
  return (
    <section class="card cal-new" aria-labelledby="cal-new">
      <h2 id="cal-new">{t.newLinkTitle}</h2>
      {props.rotated && (
        <p class="notice" role="status">
          {t.rotated}
        </p>
      )}
      <p class="warning">{t.secret}</p>
      <h3>{t.phone}</h3>
      <p>
        <a class="btn" href={link.webcalUrl}>
          {t.addToPhone}
        </a>
      </p>
      <h3>{t.copyTitle}</h3>
      <div class="field">
        <label for="cal-url">{t.copyLabel}</label>
        <span class="hint" id="cal-url-hint">
          {t.copyHint}
        </span>
        <input
          id="cal-url"
          type="text"
          readOnly
          value={link.url}
          dir="ltr"
          aria-describedby="cal-url-hint"
          data-copy-label={t.copy}
          data-copied-label={t.copied}
        />
      </div>
      <h3>{t.scanTitle}</h3>
      <p class="hint">{t.scanHint}</p>
      <div
        class="cal-qr"
        role="img"
        aria-label={t.qrLabel}
        // The SVG is drawn here by the qrcode package from our own URL, not from input.
        dangerouslySetInnerHTML={{ __html: link.qrSvg }}
      />
    </section>
  );
}
