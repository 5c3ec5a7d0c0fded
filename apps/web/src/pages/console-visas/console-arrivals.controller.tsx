import { Get, Param, Query } from '@nestjs/common';
import { csvSeparatorFor } from '#core';
import { Arrivals, ArrivalsQueryDto } from '#travel';
import { parseForm, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { Download, type PageResult } from '../../http/web-results.js';
import { ConsoleAccess, renderConsolePage } from '../console/console-frame.js';
import { ArrivalsPage } from './arrivals.page.js';

/**
 * Arrivals and departures for the airport team (organisers' console): by day and airport,
 * in the service's pick-up groups, printable, and the service's CSV. Who sees phones is
 * the service's answer for the person asking; the page shows what it gives.
 */
@WebController('console/events/:eventId/arrivals')
export class ConsoleArrivalsController {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly arrivals: Arrivals,
  ) {}

  /** The airport filter, or none when it is not an airport code (the page shows them all). */
  private async airport(ctx: WebContext, raw: Record<string, unknown>) {
    const values = { airport: textOf(raw, 'airport') };
    if (!values.airport) return undefined;
    const parsed = await parseForm(ctx, ArrivalsQueryDto, values, { ...values });
    return parsed.ok ? parsed.value.airport : undefined;
  }

  @Get()
  async sheet(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query() raw: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const airport = await this.airport(ctx, raw);
    const view = await this.arrivals.list(actor, eventId, {});
    const airports = [
      ...new Set([...view.groups.map((g) => g.airport), ...view.departures.map((d) => d.airport)]),
    ].sort();
    return renderConsolePage(ctx, {
      event,
      section: 'arrivals',
      title: ctx.t.consoleVisas.arrivals.title,
      children: (
        <ArrivalsPage ctx={ctx} event={event} view={view} airport={airport} airports={airports} />
      ),
    });
  }

  @Get('arrivals.csv')
  async csv(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query() raw: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor } = await this.access.event(ctx, eventId);
    const airport = await this.airport(ctx, raw);
    const { filename, body } = await this.arrivals.csv(actor, eventId, {
      airport,
      separator: csvSeparatorFor(ctx.locale, raw.separator),
    });
    return new Download(body, 'text/csv; charset=utf-8', filename, 'attachment');
  }
}
