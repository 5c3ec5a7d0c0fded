import { Get, Param } from '@nestjs/common';
import { Certificates } from '#certificates';
import { DomainError, isUuid, notFound } from '#core';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { Download, HtmlResponse, type PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';

/**
 * "Certificate of attendance (PDF)" on /my/registrations: the holder's own certificate
 * once the event has ended. When there is none (not ended, nothing attended, cancelled),
 * a short page says why instead of a file.
 */
@WebController('my/registrations')
export class MyCertificateController {
  constructor(private readonly certificates: Certificates) {}

  @Get(':id/certificate.pdf')
  async certificate(@Web() ctx: WebContext, @Param('id') id: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    if (!isUuid(id)) throw notFound('Registration');
    try {
      const { filename, pdf } = await this.certificates.certificate(actor, id);
      return new Download(pdf, 'application/pdf', filename);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'conflict') throw e;
      const t = ctx.t.certificates.participant;
      const reason = e.details?.reason;
      const why =
        reason === 'event_not_ended'
          ? t.notEnded
          : reason === 'no_attendance'
            ? t.noAttendance
            : t.notConfirmed;
      const html = renderPage(ctx, {
        title: t.title,
        children: (
          <>
            <h1>{t.title}</h1>
            <p>{why}</p>
            <p>
              <a href="/my/registrations">{t.back}</a>
            </p>
          </>
        ),
      });
      return new HtmlResponse(html, 409);
    }
  }
}
