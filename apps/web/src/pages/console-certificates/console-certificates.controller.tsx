import type { Readable } from 'node:stream';
import { Get, Param } from '@nestjs/common';
import { Certificates, type CertificatesOverview, writtenDuration } from '#certificates';
import { isUuid, notFound } from '#core';
import { eventDates } from '../../format/dates.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { Download, type PageResult } from '../../http/web-results.js';
import { ConsoleAccess, renderConsolePage } from '../console/console-frame.js';

export const certificatesPath = (eventId: string) => `/console/events/${eventId}/certificates`;

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The certificates of attendance of an event (organisers only): who gets one and for how
 * many hours, each PDF, and all of them as one ZIP once the event has ended. The rules
 * (who attended, when it has ended, who may download) are the Certificates service's.
 */
@WebController('console/events/:eventId/certificates')
export class ConsoleCertificatesController {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly certificates: Certificates,
  ) {}

  @Get()
  async page(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const overview = await this.certificates.overview(actor, event.id);
    const t = ctx.t.certificates.console;
    return renderConsolePage(ctx, {
      event,
      section: 'certificates',
      title: t.title,
      children: <CertificatesBody ctx={ctx} eventId={event.id} overview={overview} />,
    });
  }

  @Get('certificates.zip')
  async zip(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const { filename, stream } = await this.certificates.zip(actor, event.id);
    return new Download(await collect(stream), 'application/zip', filename);
  }

  @Get(':registrationId/certificate.pdf')
  async one(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    if (!isUuid(registrationId)) throw notFound('Registration');
    if (!(await this.certificates.holds(actor, event.id, registrationId))) {
      throw notFound('Registration');
    }
    const { filename, pdf } = await this.certificates.certificate(actor, registrationId);
    return new Download(pdf, 'application/pdf', filename);
  }
}

/** A certificate holder's row (a component: see renderPage on long tables). */
function HolderRow(props: {
  ctx: WebContext;
  base: string;
  holder: CertificatesOverview['holders'][number];
  ended: boolean;
}) {
  const { ctx, base, holder: h } = props;
  const t = ctx.t.certificates.console;
  return (
    <tr>
      <td>
        <bdi>{h.name}</bdi>
      </td>
      <td>{h.sessions}</td>
      <td>
        {/* "3 h 30" kept on one line on a phone. */}
        {writtenDuration(h.minutes, ctx.locale).replace(/ /g, '\u00a0')}
      </td>
      {props.ended && (
        <td>
          <a href={`${base}/${h.registrationId}/certificate.pdf`} download>
            {t.pdf}
            <span class="visually-hidden">
              {' '}
              <bdi>{h.name}</bdi>
            </span>
          </a>
        </td>
      )}
    </tr>
  );
}

function CertificatesBody(props: {
  ctx: WebContext;
  eventId: string;
  overview: CertificatesOverview;
}) {
  const { ctx, eventId, overview } = props;
  const t = ctx.t.certificates.console;
  const base = certificatesPath(eventId);
  const { ended, holders, event } = overview;
  return (
    <>
      <p class="lead">{t.lead}</p>
      {!ended && (
        <p class="warning" role="status">
          {t.notEnded(eventDates(event.endDate, event.endDate, ctx.locale))}
        </p>
      )}
      <p>{t.count(holders.length)}</p>
      {ended && holders.length > 0 && (
        <p>
          <a class="btn" href={`${base}/certificates.zip`} download>
            {t.zip}
          </a>
        </p>
      )}
      {holders.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.sessions}</th>
                <th scope="col">{t.total}</th>
                {ended && <th scope="col">{t.pdf}</th>}
              </tr>
            </thead>
            <tbody>
              {holders.map((h) => (
                <HolderRow ctx={ctx} base={base} holder={h} ended={ended} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted">{t.attendance}</p>
    </>
  );
}
