import { Get, Param, Post } from '@nestjs/common';
import { type Actor, DomainError, notFound } from '#core';
import {
  CreateEventDto,
  EventAccess,
  type EventTransition,
  type EventView,
  EventsService,
  eventTextsIn,
  UpdateEventDto,
} from '#events';
import { ListOrganisationsQueryDto, OrganisationsService } from '#organisations';
import { ActionButton, emptyForm, type FormState } from '../../components/form.js';
import { cityName, eventDates } from '../../format/dates.js';
import { formStateFromError, parseForm } from '../../http/forms.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { ConsoleAccess, consoleEventPath, renderConsolePage } from '../console/console-frame.js';
import { countryName } from '../../format/countries.js';
import {
  EventForm,
  eventInput,
  newEventValues,
  placeErrors,
  valuesFromEvent,
} from './event-form.js';

const TRANSITIONS: EventTransition[] = ['publish', 'close', 'reopen', 'archive'];

/** Which changes of status an event in `status` can take, in the order they are offered. */
const NEXT: Record<string, EventTransition[]> = {
  draft: ['publish'],
  published: ['close', 'archive'],
  closed: ['reopen', 'archive'],
  archived: [],
};

type StatusKey = keyof WebContext['t']['consoleEvents']['statuses'];
const statusLabel = (ctx: WebContext, status: string) =>
  ctx.t.consoleEvents.statuses[status as StatusKey] ?? status;

function StatusBadge(props: { ctx: WebContext; status: string }) {
  return (
    <span class={`ce-status ce-status-${props.status}`}>
      {statusLabel(props.ctx, props.status)}
    </span>
  );
}

/** Publish, close, reopen, archive: what each does, in words, with its button. */
function Lifecycle(props: { ctx: WebContext; event: EventView; refusal?: string }) {
  const { ctx, event } = props;
  const t = ctx.t.consoleEvents.lifecycle;
  const help: Record<EventTransition, string> = {
    publish: t.publishHelp,
    close: t.closeHelp,
    reopen: t.reopenHelp,
    archive: t.archiveHelp,
  };
  const next = NEXT[event.status] ?? [];
  return (
    <section class="ce-lifecycle card" aria-labelledby="ce-lifecycle-title">
      <h2 id="ce-lifecycle-title">{t.title}</h2>
      {props.refusal && (
        <p class="warning" role="alert">
          {props.refusal}
        </p>
      )}
      <p>
        {t.currentLabel} <StatusBadge ctx={ctx} status={event.status} />
      </p>
      {next.length === 0 && <p class="muted">{t.nothingLeft}</p>}
      <ul class="ce-actions">
        {next.map((action) => (
          <li>
            <ActionButton
              ctx={ctx}
              action={`${consoleEventPath(event.id, 'settings')}/${action}`}
              label={t[action]}
              variant={
                action === 'archive' ? 'danger' : action === 'publish' ? undefined : 'secondary'
              }
              confirm={action === 'archive' ? t.archiveConfirm : undefined}
            />
            <p class="ce-help">{help[action]}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The organiser console's events: the list of what a person organises, a new event,
 * an event's settings (every field, texts in each language) and its publication.
 * Every rule (who may see, create, change) is the events service's.
 */
@WebController()
export class ConsoleEventsController {
  constructor(
    private readonly events: EventsService,
    private readonly access: EventAccess,
    private readonly consoleAccess: ConsoleAccess,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get('console')
  async list(@Web() ctx: WebContext): Promise<PageResult> {
    const actor = requireActor(ctx);
    const events = await this.events.listOrganised(actor);
    const canCreate = await this.access.canCreateEvents(actor);
    const t = ctx.t.consoleEvents.list;
    const langs = ctx.t.consoleEvents.languages;
    return renderPage(ctx, {
      title: t.title,
      wide: true,
      children: (
        <>
          <div class="ce-list-head">
            <h1>{t.title}</h1>
            {canCreate && (
              <a class="btn" href="/console/events/new">
                {t.create}
              </a>
            )}
          </div>
          <p class="lead">{actor.platformRole === 'admin' ? t.leadAdmin : t.lead}</p>
          {events.length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            <div class="table-wrap">
              <table class="ce-table">
                <caption class="visually-hidden">{t.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.name}</th>
                    <th scope="col">{t.dates}</th>
                    <th scope="col">{t.place}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col" class="num">
                      {t.registrations}
                    </th>
                    <th scope="col">{t.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e) => {
                    const kind =
                      ctx.t.consoleEvents.kinds[e.kind as 'meeting' | 'immersion'] ?? e.kind;
                    const languages = e.languages
                      .map((l) => langs[l as keyof typeof langs] ?? l)
                      .join(', ');
                    return (
                      <tr>
                        <td>
                          <a href={consoleEventPath(e.id)} class="ce-event-name" dir="auto">
                            {eventTextsIn(e, ctx.locale).name}
                          </a>
                          <span class="muted ce-sub">{t.kindAndLanguages(kind, languages)}</span>
                        </td>
                        <td>{eventDates(e.startDate, e.endDate, ctx.locale)}</td>
                        <td dir="auto">
                          {[
                            e.venue.city ? cityName(e.venue.city, e.timezone, ctx.locale) : null,
                            countryName(e.venue.country, ctx.locale),
                          ]
                            .filter(Boolean)
                            .join(', ')}
                        </td>
                        <td>
                          <StatusBadge ctx={ctx} status={e.status} />
                        </td>
                        <td class="num">{t.registrationsCount(e.confirmedCount, e.capacity)}</td>
                        <td class="ce-links">
                          <a href={consoleEventPath(e.id, 'settings')}>{t.settings}</a>{' '}
                          <a href={consoleEventPath(e.id, 'staff')}>{t.staff}</a>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      ),
    });
  }

  private async organisationOptions(): Promise<Array<{ id: string; name: string }>> {
    const query = Object.assign(new ListOrganisationsQueryDto(), { page: 1, pageSize: 200 });
    const page = await this.organisations.list(query);
    return page.items.map((o) => ({ id: o.id, name: o.name }));
  }

  private async newPage(ctx: WebContext, form: FormState, status = 200): Promise<PageResult> {
    const t = ctx.t.consoleEvents.form;
    const html = renderPage(ctx, {
      title: t.newTitle,
      wide: true,
      children: (
        <>
          <p class="console-crumbs no-print">
            <a href="/console">{ctx.t.consoleShell.allEvents}</a>
          </p>
          <h1>{t.newTitle}</h1>
          <p class="lead">{t.newLead}</p>
          <EventForm
            ctx={ctx}
            action="/console/events/new"
            form={form}
            submitLabel={t.create}
            organisations={await this.organisationOptions()}
          />
        </>
      ),
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  private async requireCreator(ctx: WebContext): Promise<Actor> {
    const actor = requireActor(ctx);
    if (!(await this.access.canCreateEvents(actor))) throw notFound('Page');
    return actor;
  }

  @Get('console/events/new')
  async newEvent(@Web() ctx: WebContext): Promise<PageResult> {
    await this.requireCreator(ctx);
    return this.newPage(ctx, emptyForm(newEventValues(ctx.locale)));
  }

  @Post('console/events/new')
  async create(
    @Web() ctx: WebContext,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = await this.requireCreator(ctx);
    const parsed = await parseForm(ctx, CreateEventDto, body, eventInput(body, false));
    if (!parsed.ok) return this.newPage(ctx, placeErrors(parsed.state), 400);
    try {
      const event = await this.events.create(actor, parsed.value);
      return redirect(consoleEventPath(event.id, 'settings'), 'consoleEvents.flash.created');
    } catch (e) {
      return this.newPage(ctx, this.domainErrors(ctx, e, body), 400);
    }
  }

  private settingsPage(
    ctx: WebContext,
    event: EventView,
    form: FormState,
    organisations: Array<{ id: string; name: string }>,
    options: { status?: number; refusal?: string } = {},
  ): PageResult {
    const t = ctx.t.consoleEvents.form;
    const html = renderConsolePage(ctx, {
      event: { ...event, name: eventTextsIn(event, ctx.locale).name },
      section: 'settings',
      title: t.settingsTitle,
      children: (
        <>
          <Lifecycle ctx={ctx} event={event} refusal={options.refusal} />
          {event.status === 'archived' && <p class="notice">{t.archivedNote}</p>}
          <EventForm
            ctx={ctx}
            action={consoleEventPath(event.id, 'settings')}
            form={form}
            submitLabel={t.save}
            organisations={organisations}
            disabled={event.status === 'archived'}
          />
        </>
      ),
    });
    const status = options.status ?? 200;
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  @Get('console/events/:eventId/settings')
  async settings(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    const { event } = await this.consoleAccess.event(ctx, eventId);
    return this.settingsPage(
      ctx,
      event,
      emptyForm(valuesFromEvent(event)),
      await this.organisationOptions(),
    );
  }

  @Post('console/events/:eventId/settings')
  async save(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.consoleAccess.event(ctx, eventId);
    const organisations = await this.organisationOptions();
    const parsed = await parseForm(ctx, UpdateEventDto, body, eventInput(body, true));
    if (!parsed.ok) {
      return this.settingsPage(ctx, event, placeErrors(parsed.state), organisations, {
        status: 400,
      });
    }
    try {
      await this.events.update(actor, event.id, parsed.value);
    } catch (e) {
      if (
        e instanceof DomainError &&
        e.code === 'conflict' &&
        !e.details?.field &&
        !e.details?.fields
      ) {
        // An archived event: say so above the form, keeping what was typed.
        return this.settingsPage(ctx, event, emptyForm(body), organisations, {
          status: 409,
          refusal: ctx.t.consoleEvents.form.archivedNote,
        });
      }
      // A refusal naming a field (the host an exchange holds: 409) is said next to it.
      const status = e instanceof DomainError && e.code === 'conflict' ? 409 : 400;
      return this.settingsPage(ctx, event, this.domainErrors(ctx, e, body), organisations, {
        status,
      });
    }
    return redirect(consoleEventPath(event.id, 'settings'), 'consoleEvents.flash.saved');
  }

  @Post('console/events/:eventId/settings/:action')
  async transition(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('action') action: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.consoleAccess.event(ctx, eventId);
    const name = TRANSITIONS.find((x) => x === action);
    if (!name) throw notFound('Page');
    try {
      await this.events.transition(actor, event.id, name);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'conflict') throw e;
      const current = await this.events.get(actor, event.id);
      const t = ctx.t.consoleEvents.lifecycle;
      return this.settingsPage(
        ctx,
        current,
        emptyForm(valuesFromEvent(current)),
        await this.organisationOptions(),
        { status: 409, refusal: t.refused(t[name], statusLabel(ctx, current.status)) },
      );
    }
    return redirect(consoleEventPath(event.id, 'settings'), `consoleEvents.flash.${name}`);
  }

  /** A domain refusal naming a field, said next to it in the organiser's words. */
  private domainErrors(ctx: WebContext, error: unknown, values: Record<string, unknown>) {
    const form = placeErrors(formStateFromError(ctx, error, values));
    const f = ctx.t.consoleEvents.form;
    const message = error instanceof Error ? error.message : '';
    const specific: Record<string, string> = {
      endDate: f.endBeforeStart,
      registrationClosesAt: /after/.test(message)
        ? f.closesBeforeOpens
        : ctx.t.validation.isDateTimeText,
      registrationOpensAt: ctx.t.validation.isDateTimeText,
      hostOrganisationId: /needs/.test(message) ? f.hostRequired : ctx.t.validation.notFound,
    };
    for (const field of Object.keys(form.errors)) {
      if (specific[field] && form.errors[field] === ctx.t.validation.invalid) {
        form.errors[field] = specific[field];
      }
    }
    return form;
  }
}
