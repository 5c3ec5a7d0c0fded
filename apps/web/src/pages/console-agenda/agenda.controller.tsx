import { Get, Param, Post, Query } from '@nestjs/common';
import { CreateRoomDto, RoomsService, SessionsService, UpdateRoomDto } from '#agenda';
import { DomainError, isUuid, notFound } from '#core';
import {
  CheckboxField,
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  TextField,
} from '../../components/form.js';
import { cityName } from '../../format/dates.js';
import { checked, formStateFromError, parseForm, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, redirect, type PageResult } from '../../http/web-results.js';
import { renderConsolePage } from '../console/console-frame.js';
import { type AgendaData, AgendaPageData } from './agenda-data.js';
import { AgendaGrid, agendaPath, ConflictList, sessionPath } from './agenda-grid.js';
import { dayLabel, datesBetween, localDay, localTime } from './agenda-words.js';

/** The days with tabs: the event's own, and any other day a session was put on. */
function tabDays(data: AgendaData): string[] {
  const days = new Set(datesBetween(data.event.startDate, data.event.endDate));
  for (const s of data.sessions) if (s.status !== 'cancelled') days.add(localDay(s.startsAt));
  return [...days].sort();
}

function AgendaToolbar(props: { ctx: WebContext; data: AgendaData; day: string }) {
  const { ctx, data } = props;
  const t = ctx.t.consoleAgenda;
  const drafts = data.sessions.filter((s) => s.status === 'draft').length;
  const base = `/console/events/${data.event.id}/agenda`;
  return (
    <div class="ca-toolbar no-print">
      <a class="btn" href={`${base}/sessions/new?day=${props.day}`}>
        {t.addSession}
      </a>
      <a class="btn secondary" href={`${base}/rooms`}>
        {t.manageRooms}
      </a>
      <a class="btn secondary" href={`${base}/review`}>
        {t.reviewAndPublish}
      </a>
      <p class="ca-drafts">{drafts > 0 ? t.draftsWaiting(drafts) : t.allPublished}</p>
    </div>
  );
}

function RoomsPage(props: {
  ctx: WebContext;
  data: AgendaData;
  create: FormState;
  rows: Record<string, FormState>;
}) {
  const { ctx, data } = props;
  const t = ctx.t.consoleAgenda;
  const base = `/console/events/${data.event.id}/agenda/rooms`;
  const used = new Map<string, number>();
  for (const s of data.sessions) {
    if (s.room && s.status !== 'cancelled') used.set(s.room.id, (used.get(s.room.id) ?? 0) + 1);
  }
  return (
    <>
      <p>
        <a href={agendaPath(data.event.id)}>{t.cancelLink}</a>
      </p>
      <p class="lead">{t.roomsLead}</p>
      {data.rooms.length === 0 ? (
        <p class="muted">{t.noRooms}</p>
      ) : (
        <ul class="plain ca-room-list">
          {data.rooms.map((r) => {
            const form = props.rows[r.id] ?? {
              values: { name: r.name, capacity: r.capacity == null ? '' : String(r.capacity) },
              errors: {},
            };
            const prefixed = { ...form, idPrefix: `r${r.id.slice(0, 8)}-` };
            return (
              <li class="card ca-room-row">
                <h2 class="visually-hidden">{t.editRoomLabel(r.name)}</h2>
                <ErrorSummary
                  ctx={ctx}
                  form={prefixed}
                  labels={{ name: t.roomName, capacity: t.roomCapacity }}
                />
                <Form ctx={ctx} action={`${base}/${r.id}`} class="ca-room-form">
                  <TextField form={prefixed} name="name" label={t.roomName} maxLength={200} />
                  <TextField
                    form={prefixed}
                    name="capacity"
                    label={t.roomCapacity}
                    type="number"
                    inputmode="numeric"
                  />
                  <button type="submit" class="btn small secondary">
                    {t.saveRoom}
                    <span class="visually-hidden"> {r.name}</span>
                  </button>
                </Form>
                <p class="ca-room-use muted">{t.sessionsInRoom(used.get(r.id) ?? 0)}</p>
                <Form ctx={ctx} action={`${base}/${r.id}/delete`} class="inline-form">
                  <button
                    type="submit"
                    class="btn small danger"
                    data-confirm={t.deleteRoomConfirm(r.name)}
                  >
                    {t.deleteRoom}
                    <span class="visually-hidden"> {r.name}</span>
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      <h2>{t.newRoom}</h2>
      <ErrorSummary
        ctx={ctx}
        form={props.create}
        labels={{ name: t.roomName, capacity: t.roomCapacity }}
      />
      <Form ctx={ctx} action={base} class="card ca-form">
        <div class="ca-form-grid">
          <TextField form={props.create} name="name" label={t.roomName} required maxLength={200} />
          <TextField
            form={props.create}
            name="capacity"
            label={t.roomCapacity}
            hint={t.roomCapacityHint}
            type="number"
            inputmode="numeric"
          />
        </div>
        <button type="submit" class="btn">
          {t.addRoom}
        </button>
      </Form>
    </>
  );
}

const roomInput = (body: Record<string, unknown>) => {
  const capacity = textOf(body, 'capacity');
  return {
    name: textOf(body, 'name'),
    capacity:
      capacity === undefined ? null : /^\d{1,7}$/.test(capacity) ? Number(capacity) : capacity,
  };
};

/**
 * The agenda builder: one day of the grid at a time with its conflicts, the review
 * before publishing, and the event's rooms.
 */
@WebController('console/events/:eventId/agenda')
export class AgendaGridController {
  constructor(
    private readonly data: AgendaPageData,
    private readonly sessions: SessionsService,
    private readonly rooms: RoomsService,
  ) {}

  @Get()
  async grid(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query('day') dayQuery?: string,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    const t = ctx.t.consoleAgenda;
    const days = tabDays(data);
    // Without a day asked for: the first day that has sessions, else the event's first.
    const busy = data.sessions.find((s) => s.status !== 'cancelled');
    const day =
      typeof dayQuery === 'string' && days.includes(dayQuery)
        ? dayQuery
        : busy
          ? localDay(busy.startsAt)
          : days[0];
    const { event } = data;
    const cancelled = data.sessions.filter(
      (s) => s.status === 'cancelled' && localDay(s.startsAt) === day,
    );
    return renderConsolePage(ctx, {
      event,
      section: 'agenda',
      menu: data.menu,
      title: t.title,
      children: (
        <>
          <AgendaToolbar ctx={ctx} data={data} day={day} />
          <nav class="ca-days no-print" aria-label={t.days}>
            <ul>
              {days.map((d) => (
                <li>
                  <a href={agendaPath(event.id, d)} aria-current={d === day ? 'page' : undefined}>
                    {dayLabel(d, ctx.locale)}
                    {(d < event.startDate || d > event.endDate) && (
                      <span class="ca-outside"> ({t.outsideDay})</span>
                    )}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <section aria-labelledby="ca-day-title">
            <h2 id="ca-day-title" class="ca-day-title">
              {dayLabel(day, ctx.locale, 'long')}
            </h2>
            <p class="muted ca-zone">
              {t.timesIn(cityName(event.venue.city, event.timezone, ctx.locale))}
            </p>
            {data.rooms.length === 0 && <p class="notice">{t.noRoomsYet}</p>}
            <AgendaGrid
              ctx={ctx}
              event={event}
              day={day}
              sessions={data.sessions}
              rooms={data.rooms}
              conflicts={data.conflicts}
              names={data.names}
            />
            {cancelled.length > 0 && (
              <>
                <h3>{t.statuses.cancelled}</h3>
                <ul>
                  {cancelled.map((s) => (
                    <li>
                      <a href={sessionPath(event.id, s.id)}>{s.title}</a>{' '}
                      <span class="muted">
                        {localTime(s.startsAt)}–{localTime(s.endsAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-labelledby="ca-conflicts-title" class="ca-conflict-section">
            <h2 id="ca-conflicts-title">{t.conflictsTitle}</h2>
            <ConflictList
              ctx={ctx}
              event={event}
              conflicts={data.conflicts}
              sessions={data.sessions}
              names={data.names}
            />
          </section>
        </>
      ),
    });
  }

  private reviewPage(ctx: WebContext, data: AgendaData, form: FormState, status = 200) {
    const t = ctx.t.consoleAgenda;
    const drafts = data.sessions.filter((s) => s.status === 'draft');
    const html = renderConsolePage(ctx, {
      event: data.event,
      section: 'agenda',
      menu: data.menu,
      title: t.reviewTitle,
      children: (
        <>
          <p>
            <a href={agendaPath(data.event.id)}>{t.cancelLink}</a>
          </p>
          <p class="lead">{t.reviewLead}</p>
          <h2>{t.conflictsTitle}</h2>
          <ConflictList
            ctx={ctx}
            event={data.event}
            conflicts={data.conflicts}
            sessions={data.sessions}
            names={data.names}
          />
          <h2>{t.draftList}</h2>
          {drafts.length === 0 ? (
            <p>{t.nothingToPublish}</p>
          ) : (
            <>
              <ul>
                {drafts.map((s) => (
                  <li>
                    <a href={sessionPath(data.event.id, s.id)}>{s.title}</a>{' '}
                    <span class="muted">
                      {t.kinds[s.kind]} · {dayLabel(localDay(s.startsAt), ctx.locale)}{' '}
                      {localTime(s.startsAt)}–{localTime(s.endsAt)}
                      {s.room ? ` · ${s.room.name}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
              <ErrorSummary ctx={ctx} form={form} labels={{ reviewed: t.conflictsTitle }} />
              <Form
                ctx={ctx}
                action={`/console/events/${data.event.id}/agenda/publish`}
                class="card"
              >
                {data.conflicts.length > 0 && (
                  <CheckboxField
                    form={form}
                    name="reviewed"
                    label={t.publishWithConflicts(data.conflicts.length)}
                  />
                )}
                <button type="submit" class="btn">
                  {t.publish(drafts.length)}
                </button>
              </Form>
            </>
          )}
        </>
      ),
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  @Get('review')
  async review(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    return this.reviewPage(ctx, await this.data.load(ctx, eventId), emptyForm());
  }

  @Post('publish')
  async publish(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    // With conflicts listed, publishing is a deliberate act: the reviewer ticks the box.
    if (data.conflicts.length > 0 && !checked(body, 'reviewed')) {
      return this.reviewPage(
        ctx,
        data,
        { values: {}, errors: { reviewed: ctx.t.validation.equals } },
        400,
      );
    }
    try {
      // The reviewer saw the conflicts listed and ticked the box: that is the force.
      await this.sessions.publishAgenda(data.actor, eventId, { force: checked(body, 'reviewed') });
    } catch (e) {
      // A conflict appeared since the page was loaded: show the list again to review.
      if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
      return this.reviewPage(
        ctx,
        await this.data.load(ctx, eventId),
        { values: {}, errors: { reviewed: ctx.t.validation.equals } },
        409,
      );
    }
    return redirect(agendaPath(eventId), 'consoleAgenda.flash.published');
  }

  private roomsPage(
    ctx: WebContext,
    data: AgendaData,
    create: FormState,
    rows: Record<string, FormState> = {},
    status = 200,
  ) {
    const html = renderConsolePage(ctx, {
      event: data.event,
      section: 'agenda',
      menu: data.menu,
      title: ctx.t.consoleAgenda.roomsTitle,
      children: <RoomsPage ctx={ctx} data={data} create={create} rows={rows} />,
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  @Get('rooms')
  async roomList(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    return this.roomsPage(ctx, await this.data.load(ctx, eventId), emptyForm());
  }

  @Post('rooms')
  async addRoom(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    const values = { name: body.name, capacity: body.capacity };
    const parsed = await parseForm(ctx, CreateRoomDto, values, roomInput(body));
    if (!parsed.ok) return this.roomsPage(ctx, data, parsed.state, {}, 400);
    try {
      await this.rooms.create(data.actor, eventId, parsed.value);
    } catch (e) {
      return this.roomsPage(ctx, data, formStateFromError(ctx, e, values, 'name'), {}, 400);
    }
    return redirect(`${agendaPath(eventId)}/rooms`, 'consoleAgenda.flash.roomAdded');
  }

  @Post('rooms/:roomId')
  async saveRoom(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('roomId') roomId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    if (!isUuid(roomId) || !data.rooms.some((r) => r.id === roomId)) throw notFound('Room');
    const values = { name: body.name, capacity: body.capacity };
    const parsed = await parseForm(ctx, UpdateRoomDto, values, roomInput(body));
    if (!parsed.ok) {
      return this.roomsPage(ctx, data, emptyForm(), { [roomId]: parsed.state }, 400);
    }
    try {
      await this.rooms.update(data.actor, eventId, roomId, parsed.value);
    } catch (e) {
      const state = formStateFromError(ctx, e, values, 'name');
      return this.roomsPage(ctx, data, emptyForm(), { [roomId]: state }, 400);
    }
    return redirect(`${agendaPath(eventId)}/rooms`, 'consoleAgenda.flash.roomSaved');
  }

  @Post('rooms/:roomId/delete')
  async deleteRoom(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('roomId') roomId: string,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    if (!isUuid(roomId)) throw notFound('Room');
    try {
      await this.rooms.remove(data.actor, eventId, roomId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') {
        return redirect(`${agendaPath(eventId)}/rooms`, 'consoleAgenda.flash.roomInUse');
      }
      throw e;
    }
    return redirect(`${agendaPath(eventId)}/rooms`, 'consoleAgenda.flash.roomDeleted');
  }
}
