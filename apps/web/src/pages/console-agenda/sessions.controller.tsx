import { Get, Param, Post, Query } from '@nestjs/common';
import {
  type Conflict,
  CreateSessionDto,
  OrganiserSignups,
  type SessionView,
  SessionWriter,
  SignupLists,
  UpdateSessionDto,
} from '#agenda';
import { type Actor, csvSeparatorFor, DomainError, isUuid, notFound } from '#core';
import type { ComponentChildren } from 'preact';
import { ActionButton, emptyForm, Form, type FormState } from '../../components/form.js';
import { inlinePickers } from '../../components/inline-pickers.js';
import { instantIn, timeRangeIn } from '../../format/dates.js';
import { formStateFromError, parseForm, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { Download, HtmlResponse, redirect, type PageResult } from '../../http/web-results.js';
import { renderConsolePage } from '../console/console-frame.js';
import { type AgendaData, AgendaPageData } from './agenda-data.js';
import { agendaPath, sessionPath } from './agenda-grid.js';
import { MovePersonForm, moveTargets } from './move-person.js';
import { countryName } from '../../format/countries.js';
import {
  conflictText,
  conflictsFromError,
  conflictsOf,
  languageName,
  localDay,
} from './agenda-words.js';
import {
  changedFields,
  MoveForm,
  SessionForm,
  sessionFormValues,
  sessionInput,
} from './session-form.js';

type ListPerson = Awaited<ReturnType<SignupLists['list']>>['confirmed'][number];

/** The session of this event, or 404 (a session id of another event included). */
function sessionOf(data: AgendaData, sessionId: string): SessionView {
  const found = isUuid(sessionId) ? data.sessions.find((s) => s.id === sessionId) : undefined;
  if (!found) throw notFound('Session');
  return found;
}

/** A refused write shown again: its clashes (409), or the error next to its field (400). */
function refusal(
  ctx: WebContext,
  error: unknown,
  values: Record<string, unknown>,
  field: string,
): { form: FormState; clashes?: Conflict[]; status: number } {
  const clashes = conflictsFromError(error);
  return clashes
    ? { form: { values, errors: {} }, clashes, status: 409 }
    : { form: formStateFromError(ctx, error, values, field), status: 400 };
}

/**
 * A sign-up action, then back to the session page with its flash; a refusal `refused`
 * expects (a DomainError) goes back with its own flash, anything else is thrown.
 */
async function backToSession(
  eventId: string,
  sessionId: string,
  action: () => Promise<unknown>,
  doneFlash: string,
  refused?: { expected: (e: DomainError) => boolean; flash: string },
): Promise<PageResult> {
  const back = sessionPath(eventId, sessionId);
  try {
    await action();
  } catch (e) {
    if (refused && e instanceof DomainError && refused.expected(e)) {
      return redirect(back, refused.flash);
    }
    throw e;
  }
  return redirect(back, doneFlash);
}

/** A list of people under its column heads, scrolling sideways on a narrow screen. */
function PeopleTable(props: { heads: string[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {props.heads.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

function AttendanceCell(props: {
  ctx: WebContext;
  action: string;
  person: ListPerson;
  open: boolean;
}) {
  const t = props.ctx.t.consoleAgenda;
  const p = props.person;
  const state = p.attended === null ? t.notMarked : p.attended ? t.present : t.absent;
  return (
    <td>
      <span class={`badge${p.attended === true ? ' ok' : p.attended === false ? ' bad' : ''}`}>
        {state}
      </span>
      {props.open && (
        // One form, the answer in the button pressed: a form each was 74 KB more of a
        // 200-person list (its token and address written twice per row).
        <Form ctx={props.ctx} action={props.action} class="inline-form ca-attend">
          <button
            type="submit"
            name="attended"
            value="true"
            class="btn small secondary"
            aria-label={t.markPresent(p.name)}
          >
            {t.present}
          </button>{' '}
          <button
            type="submit"
            name="attended"
            value="false"
            class="btn small secondary"
            aria-label={t.markAbsent(p.name)}
          >
            {t.absent}
          </button>
        </Form>
      )}
    </td>
  );
}

/**
 * Sessions in the console: create, edit, move and cancel them (clashes said in words,
 * kept only deliberately), and a session's sign-up list with its waitlist, moves,
 * removals, attendance and, for a site visit, the bus list.
 */
@WebController('console/events/:eventId/agenda/sessions')
export class AgendaSessionsController {
  constructor(
    private readonly data: AgendaPageData,
    private readonly writer: SessionWriter,
    private readonly lists: SignupLists,
    private readonly organisers: OrganiserSignups,
  ) {}

  private async formPage(
    ctx: WebContext,
    data: AgendaData,
    options: {
      form: FormState;
      session?: SessionView;
      clashes?: Conflict[];
      status?: number;
    },
  ): Promise<PageResult> {
    const t = ctx.t.consoleAgenda;
    const [staff, organisations] = await Promise.all([
      this.data.staff(data.actor, data.event.id),
      this.data.hosts(),
    ]);
    const s = options.session;
    const day = typeof options.form.values.day === 'string' ? options.form.values.day : undefined;
    const html = renderConsolePage(ctx, {
      event: data.event,
      section: 'agenda',
      menu: data.menu,
      title: s ? t.editSession(s.title) : t.newSession,
      children: (
        <SessionForm
          ctx={ctx}
          event={data.event}
          action={
            s
              ? `${sessionPath(data.event.id, s.id)}/edit`
              : `/console/events/${data.event.id}/agenda/sessions/new`
          }
          form={options.form}
          rooms={data.rooms}
          staff={staff}
          organisations={organisations}
          submitLabel={s ? t.save : t.create}
          clashes={options.clashes}
          selfId={s?.id}
          names={data.names}
          backHref={s ? sessionPath(data.event.id, s.id) : agendaPath(data.event.id, day)}
        />
      ),
    });
    const status = options.status ?? 200;
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  @Get('new')
  async newSession(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query('day') day?: string,
    @Query('roomId') roomId?: string,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    const days = [data.event.startDate, data.event.endDate];
    const values: Record<string, unknown> = {
      day: typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : days[0],
      roomId: typeof roomId === 'string' && data.rooms.some((r) => r.id === roomId) ? roomId : '',
    };
    return this.formPage(ctx, data, { form: emptyForm(values) });
  }

  @Post('new')
  async create(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    const values = { ...body };
    delete values.force;
    const input = sessionInput(body, 'create', data.event.languages);
    const parsed = await parseForm(ctx, CreateSessionDto, values, input);
    if (!parsed.ok) return this.formPage(ctx, data, { form: parsed.state, status: 400 });
    const day = textOf(body, 'day');
    // A second press of the same form (a slow link) finds the session the first one made.
    const twin = data.sessions.find(
      (s) =>
        s.status !== 'cancelled' &&
        s.title === parsed.value.title &&
        s.kind === parsed.value.kind &&
        `${localDay(s.startsAt)}T${s.startsAt.slice(11, 16)}` === parsed.value.startsAt &&
        `${localDay(s.endsAt)}T${s.endsAt.slice(11, 16)}` === parsed.value.endsAt &&
        (s.room?.id ?? null) === (parsed.value.roomId ?? null),
    );
    if (twin) return redirect(agendaPath(eventId, day), 'consoleAgenda.flash.created');
    try {
      await this.writer.create(data.actor, eventId, parsed.value);
    } catch (e) {
      return this.formPage(ctx, data, refusal(ctx, e, values, 'title'));
    }
    return redirect(agendaPath(eventId, day), 'consoleAgenda.flash.created');
  }

  @Get(':sessionId/edit')
  async edit(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    const session = sessionOf(data, sessionId);
    return this.formPage(ctx, data, { form: emptyForm(sessionFormValues(session)), session });
  }

  @Post(':sessionId/edit')
  async save(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    const session = sessionOf(data, sessionId);
    const values = { ...body };
    delete values.force;
    const input = sessionInput(body, 'edit', data.event.languages);
    const parsed = await parseForm(ctx, CreateSessionDto, values, input);
    if (!parsed.ok) return this.formPage(ctx, data, { form: parsed.state, session, status: 400 });
    const changes = changedFields(input, session);
    const checkedChanges = await parseForm(ctx, UpdateSessionDto, values, changes);
    if (!checkedChanges.ok) {
      return this.formPage(ctx, data, { form: checkedChanges.state, session, status: 400 });
    }
    try {
      await this.writer.update(data.actor, sessionId, checkedChanges.value);
    } catch (e) {
      return this.formPage(ctx, data, { session, ...refusal(ctx, e, values, 'title') });
    }
    return redirect(sessionPath(eventId, sessionId), 'consoleAgenda.flash.saved');
  }

  private movePage(
    ctx: WebContext,
    data: AgendaData,
    session: SessionView,
    form: FormState,
    clashes?: Conflict[],
    status = 200,
  ): PageResult {
    const html = renderConsolePage(ctx, {
      event: data.event,
      section: 'agenda',
      menu: data.menu,
      title: ctx.t.consoleAgenda.moveTitle(session.title),
      children: (
        <>
          <p class="lead">{ctx.t.consoleAgenda.moveLead}</p>
          <MoveForm
            ctx={ctx}
            event={data.event}
            action={`${sessionPath(data.event.id, session.id)}/move`}
            form={form}
            rooms={data.rooms}
            clashes={clashes}
            selfId={session.id}
            names={data.names}
            backHref={agendaPath(data.event.id, localDay(session.startsAt))}
          />
        </>
      ),
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  @Get(':sessionId/move')
  async moveForm(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    const session = sessionOf(data, sessionId);
    const v = sessionFormValues(session);
    return this.movePage(
      ctx,
      data,
      session,
      emptyForm({ day: v.day, startsAt: v.startsAt, endsAt: v.endsAt, roomId: v.roomId }),
    );
  }

  @Post(':sessionId/move')
  async move(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    const session = sessionOf(data, sessionId);
    const values = {
      day: body.day,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      roomId: body.roomId,
    };
    const full = sessionInput({ ...sessionFormValues(session), ...values, force: body.force });
    const wanted = {
      startsAt: full.startsAt,
      endsAt: full.endsAt,
      roomId: full.roomId,
      ...(full.force ? { force: true } : {}),
    };
    const changes = changedFields(wanted, session);
    const parsed = await parseForm(ctx, UpdateSessionDto, values, changes);
    if (!parsed.ok) return this.movePage(ctx, data, session, parsed.state, undefined, 400);
    if (!parsed.value.startsAt && !parsed.value.endsAt && parsed.value.roomId === undefined) {
      return redirect(agendaPath(eventId, localDay(session.startsAt)));
    }
    try {
      await this.writer.update(data.actor, sessionId, parsed.value);
    } catch (e) {
      const { form, clashes, status } = refusal(ctx, e, values, 'startsAt');
      return this.movePage(ctx, data, session, form, clashes, status);
    }
    return redirect(agendaPath(eventId, textOf(values, 'day')), 'consoleAgenda.flash.moved');
  }

  @Get(':sessionId/cancel')
  async cancelForm(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    const session = sessionOf(data, sessionId);
    const t = ctx.t.consoleAgenda;
    if (session.status === 'cancelled') return redirect(sessionPath(eventId, sessionId));
    const people = session.seats.confirmed + session.seats.waitlisted;
    return renderConsolePage(ctx, {
      event: data.event,
      section: 'agenda',
      menu: data.menu,
      title: t.cancelTitle(session.title),
      children: (
        <div class="card">
          <p>
            {timeRangeIn(
              session.startsAt,
              session.endsAt,
              data.event.timezone,
              ctx.locale,
              data.event.venue.city,
            )}
          </p>
          <p class="warning">{t.cancelLead(people)}</p>
          <div class="row">
            <ActionButton
              ctx={ctx}
              action={`${sessionPath(eventId, sessionId)}/cancel`}
              label={t.cancelConfirm}
              variant="danger"
            />
            <a class="btn secondary" href={sessionPath(eventId, sessionId)}>
              {t.cancelKeep}
            </a>
          </div>
        </div>
      ),
    });
  }

  @Post(':sessionId/cancel')
  async cancel(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    const session = sessionOf(data, sessionId);
    if (session.status !== 'cancelled') {
      await this.writer.setStatus(data.actor, sessionId, 'cancelled');
    }
    return redirect(
      agendaPath(eventId, localDay(session.startsAt)),
      'consoleAgenda.flash.cancelled',
    );
  }

  /** A session of this event (else 404) with its sign-up list: confirmed and waitlist. */
  private async sessionWithList(ctx: WebContext, eventId: string, sessionId: string) {
    const data = await this.data.load(ctx, eventId);
    const session = sessionOf(data, sessionId);
    const list = await this.lists.list(data.actor, sessionId);
    return { data, session, list };
  }

  @Get(':sessionId')
  async show(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
  ): Promise<PageResult> {
    const { data, session, list } = await this.sessionWithList(ctx, eventId, sessionId);
    const t = ctx.t.consoleAgenda;
    const { event } = data;
    const base = sessionPath(eventId, sessionId);
    const mine = conflictsOf(data.conflicts, sessionId);
    const departure = session.siteVisit
      ? new Date(session.siteVisit.departureAt).getTime()
      : Infinity;
    const opensAt =
      departure < new Date(session.startsAt).getTime() && session.siteVisit
        ? session.siteVisit.departureAt
        : session.startsAt;
    const attendanceOpen = Date.now() >= new Date(opensAt).getTime();
    const targets = moveTargets(data, sessionId);
    const pickers = inlinePickers(list.confirmed.length + list.waitlisted.length, targets.length);
    const where = [
      session.room?.name ?? (session.siteVisit ? undefined : t.noRoom),
      session.siteVisit?.hostOrganisationName,
      session.siteVisit?.address,
    ]
      .filter(Boolean)
      .join(' · ');
    const facilitators = [
      ...session.facilitators.map((f) => f.name),
      ...session.externalFacilitators.map((g) => g.name),
    ];
    const person = (p: ListPerson, waitlisted: boolean) => (
      <tr>
        {waitlisted && <td>{p.position}</td>}
        <td dir="auto">{p.name}</td>
        <td dir="auto">{p.organisation ?? ''}</td>
        <td>{countryName(p.country, ctx.locale)}</td>
        {!waitlisted && (
          <AttendanceCell
            ctx={ctx}
            action={`${base}/signups/${p.signupId}/attendance`}
            person={p}
            open={attendanceOpen}
          />
        )}
        <td class="ca-person-actions">
          {pickers && <MovePersonForm ctx={ctx} base={base} person={p} targets={targets} inRow />}
          {!pickers && targets.length > 0 && (
            <a class="btn small secondary" href={`${base}/signups/${p.signupId}/move`}>
              {t.movePerson}
              <span class="visually-hidden"> {p.name}</span>
            </a>
          )}
          <Form ctx={ctx} action={`${base}/signups/${p.signupId}/remove`} class="inline-form">
            <button
              type="submit"
              class="btn small secondary"
              data-confirm={t.removeConfirm(p.name)}
            >
              {t.remove}
              <span class="visually-hidden"> {p.name}</span>
            </button>
          </Form>
        </td>
      </tr>
    );
    return renderConsolePage(ctx, {
      event,
      section: 'agenda',
      menu: data.menu,
      title: session.title,
      children: (
        <>
          <p class="no-print">
            <a href={agendaPath(eventId, localDay(session.startsAt))}>{t.cancelLink}</a>
          </p>
          <div class="ca-session-head">
            <dl class="facts card">
              <dt>{t.fields.kind}</dt>
              <dd>{t.kinds[session.kind]}</dd>
              <dt>{t.when}</dt>
              <dd>
                {timeRangeIn(
                  session.startsAt,
                  session.endsAt,
                  event.timezone,
                  ctx.locale,
                  event.venue.city,
                )}
              </dd>
              <dt>{t.where}</dt>
              <dd>{where}</dd>
              {session.theme && (
                <>
                  <dt>{t.fields.theme}</dt>
                  <dd>{session.theme}</dd>
                </>
              )}
              <dt>{t.status}</dt>
              <dd>
                <span
                  class={`badge${session.status === 'published' ? ' ok' : session.status === 'cancelled' ? ' bad' : ' wait'}`}
                >
                  {t.statuses[session.status]}
                </span>
              </dd>
              <dt>{t.facilitators}</dt>
              <dd>{facilitators.length ? facilitators.join(', ') : t.none}</dd>
              {session.language && (
                <>
                  <dt>{t.fields.language}</dt>
                  <dd>
                    {languageName(ctx, session.language)}
                    {session.interpretationLanguages.length > 0 &&
                      ` → ${session.interpretationLanguages.map((l) => languageName(ctx, l)).join(', ')}`}
                  </dd>
                </>
              )}
              <dt>{t.fields.capacity}</dt>
              <dd>
                {t.seats(session.seats.confirmed, session.capacity)}
                {session.seats.waitlisted > 0 && ` · ${t.waitlisted(session.seats.waitlisted)}`}
              </dd>
              {session.description && (
                <>
                  <dt>{t.fields.description}</dt>
                  <dd class="ca-description">{session.description}</dd>
                </>
              )}
            </dl>
            {session.status !== 'cancelled' && (
              <div class="ca-actions no-print">
                <a class="btn secondary" href={`${base}/edit`}>
                  {t.editLink}
                </a>
                <a class="btn secondary" href={`${base}/move`}>
                  {t.moveLink}
                </a>
                {session.kind === 'site_visit' && (
                  <a class="btn secondary" href={`${base}/bus-list`}>
                    {t.busList}
                  </a>
                )}
                {data.menu.kind === 'organiser' && (
                  // The materials page is the organisers' and facilitators', not the hosts'.
                  <a
                    class="btn secondary"
                    href={`/console/events/${eventId}/materials?sessionId=${sessionId}`}
                  >
                    {ctx.t.agendaMaterials.share}
                  </a>
                )}
                <a class="btn danger" href={`${base}/cancel`}>
                  {t.cancelSession}
                </a>
              </div>
            )}
          </div>
          {mine.length > 0 && (
            <div class="warning">
              <h2 class="ca-inline-title">{t.conflictsTitle}</h2>
              <ul>
                {mine.map((c) => (
                  <li>{conflictText(ctx, c, sessionId, data.names)}</li>
                ))}
              </ul>
            </div>
          )}
          <h2>{t.signups}</h2>
          {!attendanceOpen && list.confirmed.length > 0 && (
            <p class="muted">
              {t.attendanceOpens(instantIn(opensAt, event.timezone, ctx.locale, event.venue.city))}
            </p>
          )}
          {list.confirmed.length === 0 ? (
            <p>{t.signupsEmpty}</p>
          ) : (
            <PeopleTable
              heads={[
                t.columns.name,
                t.columns.organisation,
                t.columns.country,
                t.columns.attended,
                t.columns.actions,
              ]}
            >
              {list.confirmed.map((p) => person(p, false))}
            </PeopleTable>
          )}
          <h2>{t.waitlist}</h2>
          {list.waitlisted.length === 0 ? (
            <p>{t.waitlistEmpty}</p>
          ) : (
            <PeopleTable
              heads={[
                t.columns.position,
                t.columns.name,
                t.columns.organisation,
                t.columns.country,
                t.columns.actions,
              ]}
            >
              {list.waitlisted.map((p) => person(p, true))}
            </PeopleTable>
          )}
          {targets.length === 0 && list.confirmed.length + list.waitlisted.length > 0 && (
            <p class="muted">{t.noOtherSession}</p>
          )}
        </>
      ),
    });
  }

  /** The organiser, for a sign-up action: 404 unless the session is this event's and the id well formed. */
  private async signupOf(
    ctx: WebContext,
    eventId: string,
    sessionId: string,
    signupId: string,
  ): Promise<{ actor: Actor }> {
    const found = await this.data.session(ctx, eventId, sessionId);
    if (!isUuid(signupId)) throw notFound('Sign-up');
    return found;
  }

  @Post(':sessionId/signups/:signupId/attendance')
  async attendance(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Param('signupId') signupId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const data = await this.signupOf(ctx, eventId, sessionId, signupId);
    const attended = textOf(body, 'attended');
    if (attended !== 'true' && attended !== 'false') throw notFound('Sign-up');
    return backToSession(
      eventId,
      sessionId,
      () => this.organisers.markAttendance(data.actor, sessionId, signupId, attended === 'true'),
      'consoleAgenda.flash.attendance',
      {
        expected: (e) => e.details?.reason === 'attendance_not_open',
        flash: 'consoleAgenda.flash.attendanceTooEarly',
      },
    );
  }

  /** Moving one person, for a list too long to carry the session picker in every row. */
  @Get(':sessionId/signups/:signupId/move')
  async movePersonForm(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Param('signupId') signupId: string,
  ): Promise<PageResult> {
    const { data, session, list } = await this.sessionWithList(ctx, eventId, sessionId);
    const person = [...list.confirmed, ...list.waitlisted].find((p) => p.signupId === signupId);
    if (!person) throw notFound('Sign-up');
    const t = ctx.t.consoleAgenda;
    const { event } = data;
    const base = sessionPath(eventId, sessionId);
    const targets = moveTargets(data, sessionId);
    return renderConsolePage(ctx, {
      event,
      section: 'agenda',
      menu: data.menu,
      title: t.movePersonTitle(person.name),
      children: (
        <>
          <p class="lead" dir="auto">
            {t.movePersonFrom(
              session.title,
              timeRangeIn(
                session.startsAt,
                session.endsAt,
                event.timezone,
                ctx.locale,
                event.venue.city,
              ),
            )}
          </p>
          {targets.length > 0 ? (
            <MovePersonForm ctx={ctx} base={base} person={person} targets={targets} />
          ) : (
            <p class="muted">
              {t.noOtherSession} <a href={base}>{t.backToSession}</a>
            </p>
          )}
        </>
      ),
    });
  }

  @Post(':sessionId/signups/:signupId/move')
  async movePerson(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Param('signupId') signupId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const data = await this.signupOf(ctx, eventId, sessionId, signupId);
    const to = textOf(body, 'toSessionId');
    if (!to || !isUuid(to)) {
      return redirect(sessionPath(eventId, sessionId), 'consoleAgenda.flash.personNotMoved');
    }
    return backToSession(
      eventId,
      sessionId,
      () => this.organisers.move(data.actor, sessionId, signupId, to),
      'consoleAgenda.flash.personMoved',
      {
        expected: (e) => e.code === 'conflict' || e.code === 'bad_request',
        flash: 'consoleAgenda.flash.personNotMoved',
      },
    );
  }

  @Post(':sessionId/signups/:signupId/remove')
  async removePerson(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Param('signupId') signupId: string,
  ): Promise<PageResult> {
    const data = await this.signupOf(ctx, eventId, sessionId, signupId);
    return backToSession(
      eventId,
      sessionId,
      () => this.organisers.remove(data.actor, sessionId, signupId),
      'consoleAgenda.flash.personRemoved',
    );
  }

  @Get(':sessionId/bus-list.csv')
  async busCsv(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Query('separator') separator?: string,
  ): Promise<PageResult> {
    const data = await this.data.load(ctx, eventId);
    sessionOf(data, sessionId);
    const csv = await this.lists.listCsv(data.actor, sessionId, {
      separator: csvSeparatorFor(ctx.locale, separator),
    });
    return new Download(csv.body, 'text/csv; charset=utf-8', csv.filename, 'attachment');
  }

  @Get(':sessionId/bus-list')
  async busList(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
  ): Promise<PageResult> {
    const { data, session, list } = await this.sessionWithList(ctx, eventId, sessionId);
    const t = ctx.t.consoleAgenda;
    const { event } = data;
    const visit = list.session.siteVisit;
    const place = event.venue.city;
    const base = sessionPath(eventId, sessionId);
    return renderConsolePage(ctx, {
      event,
      section: 'agenda',
      menu: data.menu,
      title: t.busListTitle(session.title),
      children: (
        <div class="ca-bus">
          <p class="no-print row">
            <a href={base}>{t.openLink}</a>
            <button type="button" class="btn secondary" data-ca-print hidden>
              {t.printBusList}
            </button>
            <a class="btn secondary" href={`${base}/bus-list.csv`} download>
              {t.downloadCsv}
            </a>
          </p>
          <dl class="facts card">
            <dt>{t.when}</dt>
            <dd>
              {timeRangeIn(session.startsAt, session.endsAt, event.timezone, ctx.locale, place)}
            </dd>
            {visit && (
              <>
                <dt>{t.busFacts.host}</dt>
                <dd>{visit.hostOrganisationName ?? ''}</dd>
                <dt>{t.busFacts.address}</dt>
                <dd>{visit.address}</dd>
                <dt>{t.busFacts.meetingPoint}</dt>
                <dd>{visit.meetingPoint}</dd>
                <dt>{t.busFacts.departure}</dt>
                <dd>{instantIn(visit.departureAt, event.timezone, ctx.locale, place)}</dd>
                <dt>{t.busFacts.return}</dt>
                <dd>{instantIn(visit.returnAt, event.timezone, ctx.locale, place)}</dd>
                <dt>{t.busFacts.transport}</dt>
                <dd>
                  {visit.transportMode} · {t.busCount(list.confirmed.length, visit.seats)}
                </dd>
                {visit.rules.length > 0 && (
                  <>
                    <dt>{t.fields.rules}</dt>
                    <dd>
                      <ul class="plain">
                        {visit.rules.map((r) => (
                          <li>{r}</li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                {(visit.hostContactName || visit.hostContactPhone) && (
                  <>
                    <dt>{t.busFacts.contact}</dt>
                    <dd>
                      {[visit.hostContactName, visit.hostContactPhone].filter(Boolean).join(', ')}
                    </dd>
                  </>
                )}
              </>
            )}
          </dl>
          <table class="ca-bus-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.columns.organisation}</th>
                <th scope="col">{t.columns.phone}</th>
                <th scope="col">{t.columns.emergency}</th>
                <th scope="col">{t.columns.rules}</th>
                <th scope="col">{t.columns.signature}</th>
              </tr>
            </thead>
            <tbody>
              {list.confirmed.map((p, i) => (
                <tr>
                  <td>{i + 1}</td>
                  <td dir="auto">{p.name}</td>
                  <td dir="auto">
                    {p.organisation ?? ''}
                    {p.country ? ` (${countryName(p.country, ctx.locale)})` : ''}
                  </td>
                  <td dir="ltr">{p.phone ?? ''}</td>
                  <td dir="auto">
                    {[p.emergencyContact.name, p.emergencyContact.phone].filter(Boolean).join(', ')}
                  </td>
                  <td>{p.rulesAccepted ? ctx.t.common.yes : ctx.t.common.no}</td>
                  <td class="ca-tick" />
                </tr>
              ))}
            </tbody>
          </table>
          {list.confirmed.length === 0 && <p>{t.signupsEmpty}</p>}
          {list.waitlisted.length > 0 && (
            <>
              <h2>{t.waitlist}</h2>
              <ol>
                {list.waitlisted.map((p) => (
                  <li dir="auto">
                    {p.name}
                    {p.organisation ? ` · ${p.organisation}` : ''}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      ),
    });
  }
}
