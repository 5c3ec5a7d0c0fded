import { Get, Param, Post, Query } from '@nestjs/common';
import {
  AgendaQueryDto,
  AgendaService,
  CreateSignupDto,
  type MySignup,
  ParticipantAgenda,
  type SessionView,
  SessionsService,
  SignupsService,
} from '#agenda';
import { DomainError, isUuid, notFound } from '#core';
import { EventAccess, eventTextsIn } from '#events';
import { type AgendaMaterial, AgendaMaterials } from '#sharing';
import { cityName } from '../../format/dates.js';
import {
  CheckboxField,
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
} from '../../components/form.js';
import { InLanguage } from '../../components/in-language.js';
import { checked, parseForm, textOf } from '../../http/forms.js';
import { requireActor, safeNext, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { dayAndTime, dayHeading, languageName, timeOf, timeRange } from './agenda-format.js';
import {
  AgendaItem,
  agendaPath,
  Mark,
  Seats,
  SessionMeta,
  sessionPath,
  SignupAction,
} from './agenda-parts.js';
import { AgendaMaterialList } from './agenda-materials.js';

/** A refusal of the service, said in words on the session page. */
interface Refusal {
  message: string;
  /** The session it clashes with, to link to. */
  clashWith?: string;
}

interface SessionPageProps {
  ctx: WebContext;
  slug: string;
  zone: string;
  place: string;
  s: SessionView;
  hold?: MySignup;
  mayJoin: boolean;
  form: FormState;
  refusal?: Refusal;
  materials: AgendaMaterial[];
}

function SessionPage(props: SessionPageProps) {
  const { ctx, slug, s, hold, zone } = props;
  const t = ctx.t.agenda;
  const v = s.siteVisit;
  const leads = !!ctx.actor && s.facilitators.some((f) => f.accountId === ctx.actor?.accountId);
  const full = s.seats.remaining !== null && s.seats.remaining <= 0;
  const needsRules = (v?.rules.length ?? 0) > 0;
  return (
    <>
      <p class="pa-crumbs">
        <a href={agendaPath(slug)}>{t.session.back}</a>
      </p>
      <p class="pa-tags">
        <span class="pa-kind">{t.kinds[s.kind]}</span> <Mark ctx={ctx} hold={hold} leads={leads} />
      </p>
      <h1 dir="auto">
        <InLanguage ctx={ctx} text={s.title} language={s.titleLanguage} />
      </h1>
      {s.status === 'cancelled' && (
        <p class="warning" role="status">
          {t.session.cancelledNote}
        </p>
      )}
      {props.refusal && (
        <div class="error-summary pa-refusal" role="alert" tabIndex={-1}>
          <h2>{t.refused.title}</h2>
          <p>{props.refusal.message}</p>
          {props.refusal.clashWith && (
            <p>
              <a href={sessionPath(slug, props.refusal.clashWith)}>{t.refused.clashLink}</a>
            </p>
          )}
        </div>
      )}
      <dl class="facts pa-facts">
        <dt>{t.session.when}</dt>
        <dd>
          {dayHeading(s.startsAt.slice(0, 10), ctx.locale)},{' '}
          {timeRange(s.startsAt, s.endsAt, zone, ctx.locale)}{' '}
          <span class="muted">({ctx.t.common.timeIn(props.place)})</span>
        </dd>
        {s.room?.name && (
          <>
            <dt>{t.session.where}</dt>
            <dd dir="auto">{s.room.name}</dd>
          </>
        )}
        {s.theme && (
          <>
            <dt>{t.session.theme}</dt>
            <dd dir="auto">{s.theme}</dd>
          </>
        )}
        {s.signupRequired && s.seats.remaining !== null && s.capacity !== null && (
          <>
            <dt>{t.session.seats}</dt>
            <dd>
              {s.seats.remaining > 0 ? (
                t.session.seatsOf(s.seats.remaining, s.capacity)
              ) : (
                <strong>{t.full}</strong>
              )}
              {s.seats.waitlisted > 0 && ` · ${t.waitingCount(s.seats.waitlisted)}`}
            </dd>
          </>
        )}
      </dl>
      <SessionMeta ctx={ctx} s={s} noRoom />
      {s.description && (
        <p class="pa-description" dir="auto">
          <InLanguage ctx={ctx} text={s.description} language={s.descriptionLanguage} />
        </p>
      )}
      <AgendaMaterialList
        ctx={ctx}
        slug={slug}
        materials={props.materials}
        heading={ctx.t.agendaMaterials.sessionTitle}
      />
      {v && (
        <section class="card" aria-labelledby="visit-title">
          <h2 id="visit-title">{t.visit.title}</h2>
          <dl class="facts pa-facts">
            {v.hostOrganisationName && (
              <>
                <dt>{t.visit.host}</dt>
                <dd dir="auto">{v.hostOrganisationName}</dd>
              </>
            )}
            <dt>{t.visit.address}</dt>
            <dd dir="auto">{v.address}</dd>
            <dt>{t.visit.meetingPoint}</dt>
            <dd dir="auto">{v.meetingPoint}</dd>
            <dt>{t.visit.departure}</dt>
            <dd>{timeOf(v.departureAt, zone, ctx.locale)}</dd>
            <dt>{t.visit.return}</dt>
            <dd>{timeOf(v.returnAt, zone, ctx.locale)}</dd>
            <dt>{t.visit.transport}</dt>
            <dd dir="auto">
              {v.transportMode}, {t.visit.seats(v.seats)}
            </dd>
          </dl>
          <p>{t.visit.onTime}</p>
          {needsRules && (
            <>
              <h3>{t.visit.rulesTitle}</h3>
              <p>{t.visit.rulesLead}</p>
              {v.rulesLanguage && v.rulesLanguage !== ctx.locale && (
                <p class="muted">
                  ({(t.writtenIn as Record<string, string>)[v.rulesLanguage] ?? v.rulesLanguage})
                </p>
              )}
              <ul
                class="pa-rules"
                lang={v.rulesLanguage !== ctx.locale ? (v.rulesLanguage ?? undefined) : undefined}
              >
                {v.rules.map((r) => (
                  <li dir="auto">{r}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {!s.signupRequired && <Seats ctx={ctx} s={s} />}
      {hold?.status === 'waitlisted' && hold.position !== null && (
        <div class="notice" role="status">
          <p>
            <strong>{t.waitlistPosition(hold.position)}</strong>
          </p>
          <p>{t.waitlistExplain}</p>
        </div>
      )}
      {hold && needsRules && <p>{t.visit.rulesAccepted}</p>}
      <div id="signup">
        {needsRules &&
        !hold &&
        ctx.actor &&
        props.mayJoin &&
        s.status === 'published' &&
        s.signupRequired ? (
          <>
            <ErrorSummary
              ctx={ctx}
              form={props.form}
              labels={{ acceptRules: t.visit.rulesTitle }}
            />
            <Form ctx={ctx} action={`${sessionPath(slug, s.id)}/signup`} class="card">
              <CheckboxField form={props.form} name="acceptRules" label={t.visit.acceptRules} />
              <button class="btn" type="submit">
                {full ? t.joinWaitlist : t.signUp}
              </button>
            </Form>
          </>
        ) : (
          <SignupAction
            ctx={ctx}
            slug={slug}
            s={s}
            hold={hold}
            mayJoin={props.mayJoin}
            // Whoever leads the session needs no seat in it: nothing to explain to them.
            explain={!leads}
          />
        )}
      </div>
    </>
  );
}

/**
 * The published agenda of an event, day by day, and one session's page: sign up, join
 * the waiting list, cancel. The agenda service decides who may do what; these pages
 * only say its answers in words.
 */
@WebController('e/:slug')
export class AgendaPagesController {
  constructor(
    private readonly agendas: AgendaService,
    private readonly sessions: SessionsService,
    private readonly signups: SignupsService,
    private readonly mine: ParticipantAgenda,
    private readonly events: EventAccess,
    private readonly materials: AgendaMaterials,
  ) {}

  /** The caller's places, and whether they may take one (anonymous readers are sent to sign in). */
  private async standing(
    ctx: WebContext,
    eventId: string,
  ): Promise<{ holds: Map<string, MySignup>; mayJoin: boolean }> {
    if (!ctx.actor) return { holds: new Map(), mayJoin: true };
    const [list, mayJoin] = await Promise.all([
      this.mine.mySignups(ctx.actor, eventId),
      this.mine.confirmedParticipant(ctx.actor, eventId),
    ]);
    return { holds: new Map(list.map((h) => [h.sessionId, h])), mayJoin };
  }

  @Get('agenda')
  async agenda(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Query() raw: Record<string, unknown>,
  ): Promise<PageResult> {
    const event = await this.events.requireVisibleBySlug(ctx.actor, slug);
    const eventId = event.id;
    const values = {
      theme: textOf(raw, 'theme'),
      language: textOf(raw, 'language'),
      kind: textOf(raw, 'kind'),
    };
    const parsed = await parseForm(ctx, AgendaQueryDto, values, values);
    const query = parsed.ok ? parsed.value : {};
    const form: FormState = parsed.ok ? emptyForm(values) : parsed.state;
    const filtered = Boolean(values.theme || values.language || values.kind);
    const all = await this.agendas.agendaOf(event, {}, ctx.locale);
    const shown =
      parsed.ok && filtered ? await this.agendas.agendaOf(event, query, ctx.locale) : all;
    const { holds, mayJoin } = await this.standing(ctx, eventId);
    const sessionsAll = all.days.flatMap((d) => d.sessions);
    const themes = [
      ...new Set(sessionsAll.map((s) => s.theme).filter((x): x is string => !!x)),
    ].sort();
    const languages = [
      ...new Set([
        ...event.languages,
        ...sessionsAll.flatMap((s) => [s.language, ...s.interpretationLanguages]),
      ]),
    ].filter((x): x is string => !!x);
    const kinds = [...new Set(sessionsAll.map((s) => s.kind))];
    const t = ctx.t.agenda;
    const zone = event.timezone;
    const place = cityName(event.venueCity, zone, ctx.locale);
    const back = ctx.path;
    const eventName = eventTextsIn(event, ctx.locale).name;
    const days = filtered ? shown.days.filter((d) => d.sessions.length > 0) : shown.days;
    const shared = await this.materials.forEvents(ctx.actor, [eventId]);
    const eventWide = shared.filter((m) => m.sessionId === null);
    const html = renderPage(ctx, {
      title: t.titleOf(eventName),
      children: (
        <>
          <p class="pa-crumbs">
            <a href={`/e/${slug}`} dir="auto">
              {eventName}
            </a>
          </p>
          <h1>{t.title}</h1>
          <p class="lead">{t.lead}</p>
          <p class="muted">{t.timesIn(place)}</p>
          {!mayJoin && sessionsAll.some((s) => s.signupRequired && s.status === 'published') && (
            <p class="notice">{t.participantsOnly}</p>
          )}
          <AgendaMaterialList
            ctx={ctx}
            slug={slug}
            materials={eventWide}
            heading={ctx.t.agendaMaterials.eventTitle}
          />
          {shared.length > 0 && (
            <p>
              <a href={`/e/${slug}/materials`}>{ctx.t.agendaMaterials.allLink}</a>
            </p>
          )}
          <ErrorSummary
            ctx={ctx}
            form={form}
            labels={{ theme: t.filters.theme, language: t.filters.language, kind: t.filters.kind }}
          />
          <details class="pa-filters" open={filtered || !parsed.ok}>
            <summary>{t.filters.title}</summary>
            <Form ctx={ctx} action={agendaPath(slug)} method="get">
              <div class="pa-filter-row">
                <SelectField
                  form={form}
                  name="theme"
                  label={t.filters.theme}
                  placeholder={t.filters.any}
                  options={themes.map((x) => ({ value: x, label: x }))}
                />
                <SelectField
                  form={form}
                  name="language"
                  label={t.filters.language}
                  placeholder={t.filters.any}
                  options={languages.map((l) => ({ value: l, label: languageName(ctx.t, l) }))}
                />
                <SelectField
                  form={form}
                  name="kind"
                  label={t.filters.kind}
                  placeholder={t.filters.any}
                  options={kinds.map((k) => ({ value: k, label: t.kinds[k] }))}
                />
              </div>
              <button class="btn" type="submit">
                {t.filters.apply}
              </button>{' '}
              {filtered && <a href={agendaPath(slug)}>{t.filters.clear}</a>}
            </Form>
          </details>
          {filtered && days.length === 0 && <p class="notice">{t.noMatch}</p>}
          {days.map((d) => (
            <section class="pa-day" aria-labelledby={`d-${d.date}`}>
              <h2 id={`d-${d.date}`}>{dayHeading(d.date, ctx.locale)}</h2>
              {d.sessions.length === 0 ? (
                <p class="muted">{t.emptyDay}</p>
              ) : (
                <ul class="pa-list plain">
                  {d.sessions.map((s) => (
                    <AgendaItem
                      ctx={ctx}
                      slug={slug}
                      zone={zone}
                      s={s}
                      hold={holds.get(s.id)}
                      back={back}
                      mayJoin={mayJoin}
                    />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      ),
    });
    return parsed.ok ? html : new HtmlResponse(html, 400);
  }

  /** The session, 404 unless it belongs to this event and the person may see it. */
  private async load(ctx: WebContext, slug: string, id: string) {
    if (!isUuid(id)) throw notFound('Session');
    const event = await this.events.requireVisibleBySlug(ctx.actor, slug);
    const s = await this.sessions.get(ctx.actor, id, ctx.locale);
    if (s.eventId !== event.id) throw notFound('Session');
    return { s, event };
  }

  private async sessionPage(
    ctx: WebContext,
    slug: string,
    id: string,
    form: FormState = emptyForm(),
    refusal?: Refusal,
    status = 200,
  ): Promise<PageResult> {
    const { s, event } = await this.load(ctx, slug, id);
    const { holds, mayJoin } = await this.standing(ctx, event.id);
    const materials = await this.materials.forEvents(ctx.actor, [event.id], s.id);
    const html = renderPage(ctx, {
      title: `${s.title} · ${eventTextsIn(event, ctx.locale).name}`,
      children: (
        <SessionPage
          ctx={ctx}
          slug={slug}
          zone={event.timezone}
          place={cityName(event.venueCity, event.timezone, ctx.locale)}
          s={s}
          hold={holds.get(s.id)}
          mayJoin={mayJoin}
          form={form}
          refusal={refusal}
          materials={materials}
        />
      ),
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  @Get('sessions/:id')
  session(@Web() ctx: WebContext, @Param('slug') slug: string, @Param('id') id: string) {
    return this.sessionPage(ctx, slug, id);
  }

  /**
   * The address of a refused sign-up, opened again (the language switcher, a reload
   * after the form): the session's own page.
   */
  @Get(['sessions/:id/signup', 'sessions/:id/cancel'])
  again(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Query('lang') lang?: string,
  ): PageResult {
    const q = lang && /^[a-z]{2}$/.test(lang) ? `?lang=${lang}` : '';
    return redirect(`${sessionPath(slug, isUuid(id) ? id : '')}${q}`);
  }

  /** Where to go after an action: back to the agenda page it came from, or the session. */
  private backTo(slug: string, id: string, body: Record<string, unknown>): string {
    const back = safeNext(textOf(body, 'back'), '');
    if (back.startsWith(`${agendaPath(slug)}`)) return `${back}#s-${id}`;
    return sessionPath(slug, id);
  }

  @Post('sessions/:id/signup')
  async signUp(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Param('id') id: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const { s, event } = await this.load(ctx, slug, id);
    const values = { acceptRules: checked(body, 'acceptRules') ? 'on' : undefined };
    const parsed = await parseForm(ctx, CreateSignupDto, values, {
      acceptRules: checked(body, 'acceptRules') ? true : undefined,
    });
    if (!parsed.ok) return this.sessionPage(ctx, slug, id, parsed.state, undefined, 400);
    try {
      const signup = await this.signups.signUp(actor, s.id, {
        acceptRules: parsed.value.acceptRules,
      });
      return redirect(
        this.backTo(slug, s.id, body),
        signup.status === 'waitlisted' ? 'agenda.flash.waitlisted' : 'agenda.flash.confirmed',
      );
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const t = ctx.t.agenda.refused;
      if (e.code === 'bad_request' && e.details?.field === 'acceptRules') {
        const form = { values, errors: { acceptRules: t.rules } };
        return this.sessionPage(ctx, slug, id, form, undefined, 400);
      }
      if (e.code === 'forbidden') {
        return this.sessionPage(
          ctx,
          slug,
          id,
          emptyForm(values),
          { message: t.noRegistration },
          403,
        );
      }
      if (e.code === 'conflict') {
        const refusal = await this.conflictRefusal(ctx, e, s, event.timezone);
        return this.sessionPage(ctx, slug, id, emptyForm(values), refusal, 409);
      }
      throw e;
    }
  }

  /** A clash names the other session by its title and time; anything else says why not. */
  private async conflictRefusal(
    ctx: WebContext,
    e: DomainError,
    s: SessionView,
    zone: string,
  ): Promise<Refusal> {
    const t = ctx.t.agenda.refused;
    const conflicts = (e.details?.conflicts ?? []) as Array<{ type: string; sessionIds: string[] }>;
    const otherId = conflicts
      .filter((c) => c.type === 'participant_overlap')
      .flatMap((c) => c.sessionIds)
      .find((x) => x !== s.id);
    if (otherId) {
      const other = await this.sessions.get(ctx.actor, otherId, ctx.locale).catch(() => undefined);
      if (other) {
        return {
          message: t.clash(other.title, dayAndTime(other.startsAt, other.endsAt, zone, ctx.locale)),
          clashWith: other.id,
        };
      }
    }
    if (!s.signupRequired) return { message: t.openToAll };
    return { message: t.closed };
  }

  @Post('sessions/:id/cancel')
  async cancel(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @Param('id') id: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const { s } = await this.load(ctx, slug, id);
    try {
      await this.signups.cancelMine(actor, s.id);
    } catch (e) {
      // Already cancelled (a second tap, another tab): say so, nothing else happens.
      if (e instanceof DomainError && e.code === 'not_found') {
        return redirect(this.backTo(slug, s.id, body), 'agenda.flash.notHeld');
      }
      throw e;
    }
    return redirect(this.backTo(slug, s.id, body), 'agenda.flash.cancelled');
  }
}
