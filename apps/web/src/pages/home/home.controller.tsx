import { Get } from '@nestjs/common';
import { EventsService, type EventView } from '#events';
import { cityName, eventDates } from '../../format/dates.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import type { PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';

function EventCard({ ctx, event }: { ctx: WebContext; event: EventView }) {
  const t = ctx.t.event;
  return (
    <li class="card">
      <h2>
        <a href={`/e/${event.slug}`}>{event.name}</a>
      </h2>
      <p>
        <span class="badge">{t.kinds[event.kind as keyof typeof t.kinds] ?? event.kind}</span>{' '}
        {eventDates(event.startDate, event.endDate, ctx.locale)}
      </p>
      <p class="muted">
        {[event.venue.name, cityName(event.venue.city, event.timezone, ctx.locale)]
          .filter(Boolean)
          .join(', ')}
      </p>
    </li>
  );
}

/** The front door: the events open to the public (and, for staff, their drafts). */
@WebController()
export class HomeController {
  constructor(private readonly events: EventsService) {}

  @Get()
  async home(@Web() ctx: WebContext): Promise<PageResult> {
    const page = await this.events.list(ctx.actor, { page: 1, pageSize: 50 });
    const visible = page.items.filter((e) => e.status === 'published' || e.status === 'closed');
    const t = ctx.t.event;
    return renderPage(ctx, {
      title: t.listTitle,
      children: (
        <>
          <h1>{t.listTitle}</h1>
          <p class="lead">{t.listLead}</p>
          {visible.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <ul class="stack plain">
              {visible.map((event) => (
                <EventCard ctx={ctx} event={event} />
              ))}
            </ul>
          )}
        </>
      ),
    });
  }
}
