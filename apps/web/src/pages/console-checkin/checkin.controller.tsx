import { Get, Param, Post, Query } from '@nestjs/common';
import { DomainError, isUuid, notFound } from '#core';
import { EventAccess, toEventView } from '#events';
import { Badges, CheckIns, type DeskPerson, DoorAttendance, type DoorSession } from '#onsite';
import type { ComponentChildren } from 'preact';
import { instantIn, timeRangeIn } from '../../format/dates.js';
import { textOf } from '../../http/forms.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { Download, HtmlResponse, type PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { renderConsolePage } from '../console/console-frame.js';
import { checkinPath, dayPath, doorPath, type Outcome, ScanPage } from './checkin-views.js';

const uuidOr404 = (id: string, what: string) => {
  if (!isUuid(id)) throw notFound(what);
};

/**
 * The check-in desk and session doors on a phone: organisers check people in for the
 * day and count them at any session's door; facilitators at their own sessions' doors.
 * Every permission is the onsite services' (the API's very rules).
 */
@WebController('console/events/:eventId/check-in')
export class CheckInPagesController {
  constructor(
    private readonly access: EventAccess,
    private readonly checkIns: CheckIns,
    private readonly door: DoorAttendance,
    private readonly badges: Badges,
  ) {}

  /** The console frame for organisers; a plain page for a facilitator at their door. */
  private async frame(
    ctx: WebContext,
    eventId: string,
    title: string,
    children: ComponentChildren,
  ) {
    const actor = requireActor(ctx);
    uuidOr404(eventId, 'Event');
    const standing = await this.access.standing(actor, eventId);
    if (!standing.isStaff) throw notFound('Event');
    const event = toEventView(standing.event);
    if (standing.isOrganiser) {
      return renderConsolePage(ctx, { event, section: 'checkin', title, children });
    }
    return renderPage(ctx, {
      title: `${title} · ${event.name}`,
      children: (
        <>
          <p class="muted">{event.name}</p>
          <h1>{title}</h1>
          {children}
        </>
      ),
    });
  }

  @Get()
  async choose(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    uuidOr404(eventId, 'Event');
    const standing = await this.access.standing(actor, eventId);
    const sessions = await this.door.doorSessions(actor, eventId);
    if (!standing.isOrganiser && sessions.length === 0) throw notFound('Event');
    const t = ctx.t.checkin;
    const zone = standing.event.timezone;
    const city = standing.event.venueCity;
    return this.frame(
      ctx,
      eventId,
      t.title,
      <div class="ci-choose">
        {standing.isOrganiser && (
          <>
            <p>
              <a class="btn ci-choice" href={dayPath(eventId)}>
                {t.modeDay}
              </a>
            </p>
            <p>
              <a href={`${checkinPath(eventId)}/badges.pdf`}>{ctx.t.checkin.badge.title} (PDF)</a>
            </p>
          </>
        )}
        <h2>{standing.isOrganiser ? t.modeSession : t.yourSessions}</h2>
        {sessions.length === 0 ? (
          <p>{t.noSessionsToday}</p>
        ) : (
          <ul class="ci-sessions">
            {sessions.map((s: DoorSession) => (
              <li>
                <a href={doorPath(eventId, s.id)}>{s.title}</a>
                <span class="muted">
                  {' '}
                  · {timeRangeIn(s.startsAt, s.endsAt, zone, ctx.locale, city)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>,
    );
  }

  @Get('badges.pdf')
  async sheets(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    uuidOr404(eventId, 'Event');
    const file = await this.badges.forEvent(actor, eventId, undefined, ctx.locale);
    return new Download(file.pdf, 'application/pdf', file.filename);
  }

  // The front desk: arrival of the day.

  private async dayPage(
    ctx: WebContext,
    eventId: string,
    query: string,
    outcome?: Outcome,
  ): Promise<string> {
    const actor = requireActor(ctx);
    uuidOr404(eventId, 'Event');
    const event = await this.checkIns.requireDesk(actor, eventId);
    const t = ctx.t.checkin;
    const people = query ? await this.checkIns.search(actor, eventId, query) : null;
    const count = await this.checkIns.countToday(event);
    return this.frame(
      ctx,
      eventId,
      t.modeDay,
      <ScanPage
        ctx={ctx}
        action={dayPath(eventId)}
        outcome={outcome}
        count={t.countToday(count)}
        query={query}
        people={people}
        presence={(p: DeskPerson) => (p.time ? t.present(p.time) : null)}
      >
        <p>
          <a href={checkinPath(eventId)}>{t.backToChoice}</a>
        </p>
      </ScanPage>,
    );
  }

  @Get('day')
  async day(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Query('q') q?: string,
  ): Promise<PageResult> {
    return this.dayPage(ctx, eventId, typeof q === 'string' ? q : '');
  }

  @Post('day')
  async dayScan(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const outcome = await this.outcome(ctx, async () => {
      const r = await this.checkIns.checkInByCode(actor, eventId, textOf(body, 'code') ?? '');
      return { again: r.status !== 'checked_in', name: r.name, time: r.time };
    });
    return new HtmlResponse(await this.dayPage(ctx, eventId, '', outcome), 200);
  }

  @Post('day/people/:registrationId')
  async dayPerson(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    uuidOr404(registrationId, 'Registration');
    const outcome = await this.outcome(ctx, async () => {
      const r = await this.checkIns.checkInRegistration(actor, eventId, registrationId);
      return { again: r.status !== 'checked_in', name: r.name, time: r.time };
    });
    return new HtmlResponse(
      await this.dayPage(ctx, eventId, textOf(body, 'q') ?? '', outcome),
      200,
    );
  }

  // A session's door.

  private async doorPage(
    ctx: WebContext,
    eventId: string,
    sessionId: string,
    query: string,
    outcome?: Outcome,
  ): Promise<string> {
    const actor = requireActor(ctx);
    uuidOr404(eventId, 'Event');
    uuidOr404(sessionId, 'Session');
    const { session, event } = await this.door.requireDoor(actor, sessionId);
    if (event.id !== eventId) throw notFound('Session');
    const t = ctx.t.checkin;
    // The desk's search, limited to organisers; a facilitator's door lists the same people.
    const people = query ? await this.door.searchAtDoor(actor, sessionId, query) : null;
    const zone = event.timezone;
    return this.frame(
      ctx,
      eventId,
      t.doorTitle(session.title),
      <ScanPage
        ctx={ctx}
        action={doorPath(eventId, sessionId)}
        outcome={outcome}
        count={t.countSession(await this.door.countAt(sessionId))}
        query={query}
        people={people}
        presence={(p: DeskPerson) => (p.time ? t.present(p.time) : null)}
      >
        <p class="muted">
          {timeRangeIn(
            session.startsAt.toISOString(),
            session.endsAt.toISOString(),
            zone,
            ctx.locale,
            event.venueCity,
          )}
        </p>
        <p>
          <a href={checkinPath(eventId)}>{t.backToChoice}</a>
        </p>
      </ScanPage>,
    );
  }

  @Get('sessions/:sessionId')
  async session(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Query('q') q?: string,
  ): Promise<PageResult> {
    return this.doorPage(ctx, eventId, sessionId, typeof q === 'string' ? q : '');
  }

  @Post('sessions/:sessionId')
  async sessionScan(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    uuidOr404(sessionId, 'Session');
    const where = await this.sameEvent(actor, eventId, sessionId);
    const outcome = await this.outcome(
      ctx,
      async () => {
        const r = await this.door.markByCode(actor, sessionId, textOf(body, 'code') ?? '');
        return { again: r.status !== 'attended', name: r.name, time: r.time, door: true };
      },
      where,
    );
    return new HtmlResponse(await this.doorPage(ctx, eventId, sessionId, '', outcome), 200);
  }

  @Post('sessions/:sessionId/people/:registrationId')
  async sessionPerson(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('sessionId') sessionId: string,
    @Param('registrationId') registrationId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    uuidOr404(sessionId, 'Session');
    uuidOr404(registrationId, 'Registration');
    const where = await this.sameEvent(actor, eventId, sessionId);
    const outcome = await this.outcome(
      ctx,
      async () => {
        const r = await this.door.markRegistration(actor, sessionId, registrationId);
        return { again: r.status !== 'attended', name: r.name, time: r.time, door: true };
      },
      where,
    );
    return new HtmlResponse(
      await this.doorPage(ctx, eventId, sessionId, textOf(body, 'q') ?? '', outcome),
      200,
    );
  }

  private async sameEvent(
    actor: ReturnType<typeof requireActor>,
    eventId: string,
    sessionId: string,
  ): Promise<{ zone: string; city: string | null }> {
    const { event } = await this.door.requireDoor(actor, sessionId);
    if (event.id !== eventId) throw notFound('Session');
    return { zone: event.timezone, city: event.venueCity };
  }

  /** A scan's answer in the reader's language; refusals a desk meets are said, not thrown. */
  private async outcome(
    ctx: WebContext,
    scan: () => Promise<{ again: boolean; name: string; time: string; door?: boolean }>,
    where: { zone: string; city: string | null } = { zone: 'UTC', city: null },
  ): Promise<Outcome> {
    const t = ctx.t.checkin;
    try {
      const r = await scan();
      if (r.door) {
        return r.again
          ? { tone: 'again', text: t.alreadyAttended(r.name, r.time) }
          : { tone: 'ok', text: t.attended(r.name, r.time) };
      }
      return r.again
        ? { tone: 'again', text: t.alreadyCheckedIn(r.name, r.time) }
        : { tone: 'ok', text: t.checkedIn(r.name, r.time) };
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const reason = e.details?.reason;
      if (reason === 'attendance_window') {
        const at = (key: string) =>
          instantIn(String(e.details?.[key]), where.zone, ctx.locale, where.city);
        return {
          tone: 'bad',
          text: t.notValid,
          note: t.windowClosed(at('opensAt'), at('closesAt')),
        };
      }
      if (
        reason === 'badge_not_valid' ||
        reason === 'badge_revoked' ||
        reason === 'invalid_code' ||
        (e.code === 'not_found' && /registration/i.test(e.message))
      ) {
        return { tone: 'bad', text: t.notValid, note: t.notValidNote };
      }
      throw e;
    }
  }
}
