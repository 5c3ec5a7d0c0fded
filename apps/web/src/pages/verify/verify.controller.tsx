import { Get, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { DocumentVerifications, writtenDuration } from '#certificates';
import { cityName, eventDates } from '../../format/dates.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import type { PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';

/**
 * GET /verify/<code>: where the QR code on an invitation letter, a certificate of
 * attendance or a badge leads. Public: whoever holds the paper sees whether it is valid,
 * for whom (name; the last four passport characters on a letter) and for which event.
 * The service decides, limits the rate and 404s unknown codes.
 */
@WebController('verify')
export class VerifyPageController {
  constructor(private readonly documents: DocumentVerifications) {}

  @Get(':code')
  async show(
    @Web() ctx: WebContext,
    @Param('code') code: string,
    @Req() req: Request,
  ): Promise<PageResult> {
    const v = await this.documents.verify(code, req.ip ?? 'unknown');
    const t = ctx.t.verify;
    const kind = t.kinds[v.kind];
    const valid = v.status === 'valid';
    return renderPage(ctx, {
      title: t.title,
      children: (
        <>
          <h1>{t.title}</h1>
          <p class="lead">{t.lead}</p>
          <div class={valid ? 'flash' : 'warning'} role="status">
            <p>
              <span class={`badge ${valid ? 'ok' : 'bad'}`}>
                {valid ? kind.valid : kind.revoked}
              </span>
            </p>
            <p>{valid ? kind.validNote : kind.revokedNote}</p>
          </div>
          <dl class="facts">
            {v.reference ? (
              <>
                <dt>{t.reference}</dt>
                <dd>{v.reference}</dd>
              </>
            ) : null}
            <dt>{t.holder}</dt>
            <dd>
              <bdi>{v.holder.name}</bdi>
            </dd>
            {v.holder.passportLastFour ? (
              <>
                <dt>{t.passport}</dt>
                <dd>…{v.holder.passportLastFour}</dd>
              </>
            ) : null}
            <dt>{t.event}</dt>
            <dd>
              <bdi>{v.event.name}</bdi>
            </dd>
            <dt>{t.dates}</dt>
            <dd>{eventDates(v.event.startDate, v.event.endDate, ctx.locale)}</dd>
            {v.event.city ? (
              <>
                <dt>{t.place}</dt>
                <dd>{cityName(v.event.city, 'UTC', ctx.locale)}</dd>
              </>
            ) : null}
            {v.attendance ? (
              <>
                <dt>{t.attended}</dt>
                <dd>{v.attendance.sessions}</dd>
                <dt>{t.hours}</dt>
                <dd>{writtenDuration(v.attendance.minutes, ctx.locale)}</dd>
              </>
            ) : null}
          </dl>
          <p class="muted">{v.holder.passportLastFour ? t.privacy : t.privacyNoPassport}</p>
        </>
      ),
    });
  }
}
