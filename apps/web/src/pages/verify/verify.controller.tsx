import { Get, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { VisaLetters } from '#travel';
import { cityName, eventDates } from '../../format/dates.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import type { PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';

/**
 * GET /verify/<code>: where the QR code on an invitation letter leads. Public: a consulate
 * officer sees whether the letter is valid, for whom (name, last four passport characters)
 * and for which event. The service decides, limits the rate and 404s unknown codes.
 */
@WebController('verify')
export class VerifyPageController {
  constructor(private readonly letters: VisaLetters) {}

  @Get(':code')
  async show(
    @Web() ctx: WebContext,
    @Param('code') code: string,
    @Req() req: Request,
  ): Promise<PageResult> {
    const v = await this.letters.verify(code, req.ip ?? 'unknown');
    const t = ctx.t.verify;
    const valid = v.status === 'valid';
    return renderPage(ctx, {
      title: t.title,
      children: (
        <>
          <h1>{t.title}</h1>
          <p class="lead">{t.lead}</p>
          <div class={valid ? 'flash' : 'warning'} role="status">
            <p>
              <span class={`badge ${valid ? 'ok' : 'bad'}`}>{valid ? t.valid : t.revoked}</span>
            </p>
            <p>{valid ? t.validNote : t.revokedNote}</p>
          </div>
          <dl>
            <dt style="font-weight:600">{t.reference}</dt>
            <dd>{v.reference}</dd>
            <dt style="font-weight:600">{t.holder}</dt>
            <dd>
              <bdi>{v.holder.name}</bdi>
            </dd>
            {v.holder.passportLastFour ? (
              <>
                <dt style="font-weight:600">{t.passport}</dt>
                <dd>…{v.holder.passportLastFour}</dd>
              </>
            ) : null}
            <dt style="font-weight:600">{t.event}</dt>
            <dd>{v.event.name}</dd>
            <dt style="font-weight:600">{t.dates}</dt>
            <dd>{eventDates(v.event.startDate, v.event.endDate, ctx.locale)}</dd>
            {v.event.city ? (
              <>
                <dt style="font-weight:600">{t.place}</dt>
                <dd>{cityName(v.event.city, 'UTC', ctx.locale)}</dd>
              </>
            ) : null}
          </dl>
          <p class="muted">{t.privacy}</p>
        </>
      ),
    });
  }
}
