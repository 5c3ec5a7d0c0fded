import { Get } from '@nestjs/common';
import { ParticipantAgenda, type WeekSession } from '#agenda';
import { type LocalizedTexts, textIn } from '#events';
import { FeedbackForms } from '#feedback';
import { type AgendaMaterial, AgendaMaterials, materialsBySession } from '#sharing';
import { InLanguage } from '../../components/in-language.js';
import { cityName } from '../../format/dates.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { renderPage } from '../../layout/layout.js';
import { dayHeading, timeRange } from './agenda-format.js';
import { agendaPath, Mark, sessionPath } from './agenda-parts.js';
import { AgendaMaterialList } from './agenda-materials.js';

function WeekItem(props: {
  ctx: WebContext;
  slug: string;
  zone: string;
  s: WeekSession;
  eventId: string;
  materials: AgendaMaterial[] | undefined;
  /** Feedback forms of a session the person leads, open or closed: its results are theirs. */
  feedbackForms: Array<{ id: string; titles: LocalizedTexts }> | undefined;
  languages: string[];
}) {
  const { ctx, s } = props;
  const t = ctx.t.agenda;
  const hold =
    s.reason === 'confirmed' || s.reason === 'waitlisted'
      ? { sessionId: s.id, status: s.reason, position: s.position }
      : undefined;
  return (
    <li
      class={`pa-item pa-${s.kind} pa-${s.reason}${s.status === 'cancelled' ? ' pa-cancelled' : ''}`}
    >
      <p class="pa-time">{timeRange(s.startsAt, s.endsAt, props.zone, ctx.locale)}</p>
      <div class="pa-body">
        <p class="pa-tags">
          <span class="pa-kind">{t.kinds[s.kind]}</span>{' '}
          <Mark ctx={ctx} hold={hold} leads={s.reason === 'facilitating'} />
          {s.status === 'cancelled' && <span class="badge bad">{t.cancelledBadge}</span>}
        </p>
        <h4 dir="auto">
          <a href={sessionPath(props.slug, s.id)}>
            <InLanguage ctx={ctx} text={s.title} language={s.titleLanguage} />
          </a>
        </h4>
        {s.room?.name && (
          <p class="pa-meta" dir="auto">
            {s.room.name}
          </p>
        )}
        {s.reason === 'facilitating' && s.status !== 'cancelled' && (
          <p class="pa-meta">
            <a href={`/console/events/${props.eventId}/check-in/sessions/${s.id}`}>
              {ctx.t.checkin.scanAtDoor}
            </a>
          </p>
        )}
        <AgendaMaterialList ctx={ctx} slug={props.slug} materials={props.materials} />
        {s.reason === 'facilitating' && s.status !== 'cancelled' && (
          <p class="pa-meta">
            <a href={`/console/events/${props.eventId}/materials?sessionId=${s.id}`}>
              {ctx.t.agendaMaterials.share}
            </a>
          </p>
        )}
        {props.feedbackForms?.map((form) => (
          <p class="pa-meta">
            {/* Named by its form: a session may have several, and each link says where it goes. */}
            <a href={`/console/events/${props.eventId}/feedback/${form.id}/results`} dir="auto">
              {t.mine.feedbackResults(textIn(form.titles, ctx.locale, props.languages, '') ?? '')}
            </a>
          </p>
        ))}
      </div>
    </li>
  );
}

/** The person's week: what everyone attends, their seats, their places in line, what they lead. */
@WebController('my')
export class MyAgendaController {
  constructor(
    private readonly agenda: ParticipantAgenda,
    private readonly materials: AgendaMaterials,
    private readonly feedback: FeedbackForms,
  ) {}

  @Get('agenda')
  async mine(@Web() ctx: WebContext): Promise<string> {
    const actor = requireActor(ctx);
    const events = await this.agenda.myWeek(actor, undefined, ctx.locale);
    const shared = materialsBySession(
      await this.materials.forEvents(
        actor,
        events.map((e) => e.id),
      ),
    );
    const led = events.flatMap((e) =>
      e.sessions.filter((s) => s.reason === 'facilitating').map((s) => s.id),
    );
    const feedbackForms = await this.feedback.ledSessionForms(actor, led);
    const t = ctx.t.agenda;
    return renderPage(ctx, {
      title: t.mine.title,
      children: (
        <>
          <h1>{t.mine.title}</h1>
          <p class="lead">{t.mine.lead}</p>
          <p>
            <a href="/my/calendar">{t.mine.calendar}</a>
          </p>
          {events.length === 0 && <p class="notice">{t.mine.none}</p>}
          {events.map((e) => {
            const days = [...new Set(e.sessions.map((s) => s.date))].sort();
            return (
              <section class="pa-event" aria-labelledby={`ev-${e.id}`}>
                <h2 id={`ev-${e.id}`} dir="auto">
                  {textIn(e.names, ctx.locale, e.languages, e.name)}
                </h2>
                <p class="muted">
                  {t.timesIn(cityName(e.venueCity, e.timezone, ctx.locale))}{' '}
                  <a href={agendaPath(e.slug)}>{t.mine.fullAgenda}</a>
                </p>
                {days.map((d) => (
                  <div class="pa-day">
                    <h3 class="pa-day-title">{dayHeading(d, ctx.locale)}</h3>
                    <ul class="pa-list plain">
                      {e.sessions
                        .filter((s) => s.date === d)
                        .map((s) => (
                          <WeekItem
                            ctx={ctx}
                            slug={e.slug}
                            zone={e.timezone}
                            s={s}
                            eventId={e.id}
                            materials={shared.get(s.id)}
                            feedbackForms={feedbackForms.get(s.id)}
                            languages={e.languages}
                          />
                        ))}
                    </ul>
                  </div>
                ))}
              </section>
            );
          })}
        </>
      ),
    });
  }
}
