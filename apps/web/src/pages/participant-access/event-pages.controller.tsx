import { Get, Param, Post } from '@nestjs/common';
import { AgendaService } from '#agenda';
import { type Actor, DomainError } from '#core';
import { type Event, EventAccess } from '#events';
import { dateRange, localTime } from '#messaging';
import { OrganisationsService } from '#organisations';
import {
  CreateRegistrationDto,
  CURRENT_CONSENT_VERSION,
  type EventAvailability,
  ParticipantRegistrations,
  PROFESSIONS,
  RegistrationsService,
} from '#registrations';
import {
  CheckboxField,
  CheckboxGroup,
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.js';
import { organisationOptions } from '../../components/choices.js';
import { EmergencyContactFields } from '../../components/emergency-contact.js';
import { InLanguage } from '../../components/in-language.js';
import { registrationDetailsFrom } from '../../components/registration-details.js';
import { cityName, eventDates, instantIn } from '../../format/dates.js';
import { checked, formStateFromError, listOf, parseForm, textOf } from '../../http/forms.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { StatusBadge } from './parts.js';

/**
 * Kinds that make the day's headline on the public page; meals and breaks do not, unless
 * they are all the day has (an "and 2 other sessions" under a bare date says nothing).
 */
const MAIN_KINDS = new Set(['plenary', 'site_visit', 'workshop']);
const MAIN_PER_DAY = 4;

/** Texts an event may hold per language (console-events adds them): the reader's, else the default. */
function localized(
  event: Event,
  field: 'names' | 'descriptions',
  locale: string,
  fallback: string | null,
) {
  const texts = (event as unknown as Record<string, Record<string, string> | undefined>)[field];
  return texts?.[locale] || fallback;
}

/** The language of a text shown in the event's own language, for screen readers. */
function langOf(event: Event, field: 'names' | 'descriptions', locale: string): string | undefined {
  const texts = (event as unknown as Record<string, Record<string, string> | undefined>)[field];
  return texts?.[locale] ? undefined : event.languages[0];
}

type AgendaDay = Awaited<ReturnType<AgendaService['agenda']>>['days'][number];

function Programme(props: { ctx: WebContext; event: Event; days: AgendaDay[] }) {
  const { ctx, event } = props;
  const t = ctx.t.event;
  const days = props.days.filter((d) => d.sessions.length > 0);
  return (
    <section aria-labelledby="pa-programme">
      <h2 id="pa-programme">{t.programme}</h2>
      {days.length === 0 ? (
        <p>{t.programmeEmpty}</p>
      ) : (
        <>
          <p class="muted">{t.programmeLead}</p>
          <ul class="plain pa-days">
            {days.map((day) => {
              const main = day.sessions.filter((s) => MAIN_KINDS.has(s.kind));
              const shown = (main.length > 0 ? main : day.sessions).slice(0, MAIN_PER_DAY);
              const others = day.sessions.length - shown.length;
              return (
                <li>
                  <h3>{dateRange(day.date, day.date, ctx.locale)}</h3>
                  <ul class="plain">
                    {shown.map((s) => (
                      <li class="pa-session">
                        <span class="pa-time">
                          {localTime(new Date(s.startsAt), event.timezone, ctx.locale)}
                        </span>{' '}
                        <span dir="auto">
                          <InLanguage ctx={ctx} text={s.title} language={s.titleLanguage} />
                        </span>{' '}
                        <span class="muted">
                          ({t.kindsSession[s.kind as keyof typeof t.kindsSession] ?? s.kind})
                        </span>
                      </li>
                    ))}
                    {others > 0 && <li class="muted">{t.moreSessions(others)}</li>}
                  </ul>
                </li>
              );
            })}
          </ul>
          <p>
            <a href={`/e/${event.slug}/agenda`}>{t.fullAgenda}</a>
          </p>
        </>
      )}
    </section>
  );
}

/** Where the reader stands: register, join the waiting list, their status, or why it is closed. */
function RegisterBox(props: { ctx: WebContext; event: Event; a: EventAvailability }) {
  const { ctx, event, a } = props;
  const t = ctx.t.event;
  const when = (d: Date | null) =>
    d ? instantIn(d.toISOString(), event.timezone, ctx.locale, event.venueCity) : '';
  if (a.mine) {
    return (
      <div class="card pa-cta">
        <h2>{t.yourRegistration}</h2>
        <p>
          <StatusBadge ctx={ctx} status={a.mine.status} />
        </p>
        {a.mine.status === 'waitlisted' && a.mine.waitlistPosition !== null && (
          <p>{ctx.t.registration.position(a.mine.waitlistPosition)}</p>
        )}
        <p>
          <a href={`/my/registrations/${a.mine.id}`}>{t.seeRegistration}</a>
        </p>
      </div>
    );
  }
  const closedText =
    a.closed === 'not_yet_open'
      ? t.closed.not_yet_open(when(a.registrationOpensAt))
      : a.closed === 'ended'
        ? t.closed.ended(when(a.registrationClosesAt))
        : a.closed
          ? t.closed[a.closed]
          : null;
  return (
    <div class="card pa-cta">
      <p class="pa-seats">{a.seatsLeft > 0 ? t.seatsLeft(a.seatsLeft) : t.full}</p>
      {a.requiresApproval && <p>{t.approvalNote}</p>}
      {closedText ? (
        <p class="warning">{closedText}</p>
      ) : (
        <>
          <p>
            <a class="btn" href={`/e/${event.slug}/register`}>
              {a.seatsLeft > 0 || a.requiresApproval ? t.register : t.joinWaitlist}
            </a>
          </p>
          {!ctx.actor && (
            <p>
              {t.signInToRegister}{' '}
              <a href={`/signup?next=${encodeURIComponent(`/e/${event.slug}/register`)}`}>
                {ctx.t.common.signUp}
              </a>
            </p>
          )}
        </>
      )}
    </div>
  );
}

const LANGUAGE_CODES = ['fr', 'en', 'es', 'ar', 'pt', 'wo', 'ln', 'sw', 'tl', 'qu'] as const;

interface RegisterProps {
  ctx: WebContext;
  event: Event;
  a: EventAvailability;
  form: FormState;
  organisations: Array<{ value: string; label: string }>;
  prefilledFrom: string | null;
}

function RegisterForm(props: RegisterProps) {
  const { ctx, event, a, form } = props;
  const t = ctx.t.registration;
  const names = t.languageNames as Record<string, string>;
  const chosen = listOf(form.values, 'languages');
  const codes = [...LANGUAGE_CODES, ...chosen.filter((c) => !(c in names))];
  const labels: Record<string, string> = {
    organisationId: t.organisation,
    profession: t.profession,
    professionOther: t.professionOther,
    languages: t.languages,
    dietary: t.dietary,
    accessibility: t.accessibility,
    phone: t.phone,
    'emergencyContact.name': t.emergencyName,
    'emergencyContact.phone': t.emergencyPhone,
    'emergencyContact.relation': t.emergencyRelation,
    'consent.dataProcessing': t.consentTitle,
  };
  const waitlist = !a.requiresApproval && a.seatsLeft === 0;
  return (
    <>
      <h1>{t.title(localized(event, 'names', ctx.locale, event.name) ?? event.name)}</h1>
      <p class="lead">{t.lead}</p>
      {props.prefilledFrom && <p class="notice">{t.prefilled(props.prefilledFrom)}</p>}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`/e/${event.slug}/register`} id="pa-register">
        <fieldset class="card">
          <legend>{t.aboutYou}</legend>
          <SelectField
            form={form}
            name="organisationId"
            label={t.organisation}
            placeholder={t.organisationPlaceholder}
            options={props.organisations}
            required
          />
          <SelectField
            form={form}
            name="profession"
            label={t.profession}
            placeholder={t.professionPlaceholder}
            options={PROFESSIONS.map((p) => ({ value: p, label: t.professions[p] }))}
            required
          />
          <TextField form={form} name="professionOther" label={t.professionOther} maxLength={200} />
          <CheckboxGroup
            form={form}
            name="languages"
            label={t.languages}
            hint={t.languagesHint}
            options={codes.map((c) => ({ value: c, label: names[c] ?? c }))}
          />
        </fieldset>
        <fieldset class="card">
          <legend>{t.practical}</legend>
          <TextArea
            form={form}
            name="dietary"
            label={t.dietary}
            hint={t.dietaryHint}
            rows={2}
            maxLength={500}
          />
          <TextArea
            form={form}
            name="accessibility"
            label={t.accessibility}
            hint={t.accessibilityHint}
            rows={2}
            maxLength={1000}
          />
          <TextField
            form={form}
            name="phone"
            label={t.phone}
            hint={t.phoneHint}
            type="tel"
            autocomplete="tel"
            inputmode="tel"
            dir="ltr"
            maxLength={32}
          />
        </fieldset>
        <fieldset class="card">
          <legend>{t.emergencyTitle}</legend>
          <p class="hint">{t.emergencyHint}</p>
          <EmergencyContactFields
            form={form}
            labels={{
              name: t.emergencyName,
              phone: t.emergencyPhone,
              relation: t.emergencyRelation,
            }}
          />
        </fieldset>
        <fieldset class="card">
          <legend>{t.consentTitle}</legend>
          <p class="pa-consent">{t.consentText}</p>
          <p class="muted">{t.consentVersion(CURRENT_CONSENT_VERSION)}</p>
          <input type="hidden" name="consentVersion" value={CURRENT_CONSENT_VERSION} />
          <CheckboxField
            form={form}
            name="consent.dataProcessing"
            label={t.consentLabel}
            required
          />
        </fieldset>
        <section class="notice pa-before" aria-labelledby="pa-before">
          <h2 id="pa-before">{t.beforeTitle}</h2>
          <p>
            {a.requiresApproval
              ? t.beforeApproval
              : waitlist
                ? t.beforeWaitlist
                : t.beforeConfirmed}
          </p>
          {a.requiresApproval && a.seatsLeft === 0 && <p>{t.beforeWaitlist}</p>}
        </section>
        <button class="btn" type="submit">
          {waitlist ? t.submitWaitlist : t.submit}
        </button>
      </Form>
    </>
  );
}

/**
 * The public page of an event and the registration form. Visibility (drafts only for
 * their staff), the rules of registering (confirmed address, open window, one per
 * person) and the seat decision stay in the services; this turns them into pages.
 */
@WebController('e')
export class EventPagesController {
  constructor(
    private readonly events: EventAccess,
    private readonly agenda: AgendaService,
    private readonly participant: ParticipantRegistrations,
    private readonly registrations: RegistrationsService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get(':slug')
  async eventPage(@Web() ctx: WebContext, @Param('slug') slug: string): Promise<PageResult> {
    const event = await this.events.requireVisibleBySlug(ctx.actor, slug);
    const [a, agenda] = await Promise.all([
      this.participant.availability(ctx.actor, event),
      this.agenda.agendaOf(event, {}, ctx.locale),
    ]);
    const t = ctx.t.event;
    const name = localized(event, 'names', ctx.locale, event.name) ?? event.name;
    const description = localized(event, 'descriptions', ctx.locale, event.description);
    const venue = [event.venueName, cityName(event.venueCity, event.timezone, ctx.locale)]
      .filter(Boolean)
      .join(', ');
    return renderPage(ctx, {
      title: name,
      children: (
        <>
          <h1 dir="auto" lang={langOf(event, 'names', ctx.locale)}>
            {name}
          </h1>
          <dl class="facts">
            <dt>{t.dates}</dt>
            <dd>{eventDates(event.startDate, event.endDate, ctx.locale)}</dd>
            {venue && (
              <>
                <dt>{t.venue}</dt>
                <dd>{venue}</dd>
              </>
            )}
          </dl>
          <RegisterBox ctx={ctx} event={event} a={a} />
          {event.kind === 'immersion' && a.mine?.status === 'confirmed' && (
            <p>
              <a href={`/e/${event.slug}/journal`}>{ctx.t.learning.journal.title}</a>
              {' · '}
              <a href={`/e/${event.slug}/report`}>{ctx.t.learning.report.title}</a>
            </p>
          )}
          {a.mine?.status === 'confirmed' && (
            <p>
              <a href={`/e/${event.slug}/feedback`}>{ctx.t.feedback.participant.title}</a>
            </p>
          )}
          {description && (
            <section aria-labelledby="pa-about">
              <h2 id="pa-about">{t.about}</h2>
              <p class="pa-description" dir="auto" lang={langOf(event, 'descriptions', ctx.locale)}>
                {description}
              </p>
            </section>
          )}
          <Programme ctx={ctx} event={event} days={agenda.days} />
        </>
      ),
    });
  }

  private async registerPage(
    ctx: WebContext,
    actor: Actor,
    event: Event,
    a: EventAvailability,
    form: FormState | null,
    status = 200,
  ): Promise<PageResult> {
    const t = ctx.t.registration;
    if (!a.emailVerified) {
      const notVerified = renderPage(ctx, {
        title: t.notVerifiedTitle,
        children: (
          <>
            <h1>{t.notVerifiedTitle}</h1>
            <p class="warning">{t.notVerifiedBody}</p>
            <Form
              ctx={ctx}
              action={`/verify-email/resend?next=${encodeURIComponent(`/e/${event.slug}/register`)}`}
            >
              <input type="hidden" name="email" value={ctx.account?.email ?? ''} />
              <button class="btn secondary" type="submit">
                {ctx.t.auth.resendButton}
              </button>
            </Form>
          </>
        ),
      });
      return new HtmlResponse(notVerified, status);
    }
    const [orgs, prefill] = await Promise.all([
      this.organisations.list({ page: 1, pageSize: 200 }),
      form ? null : this.registrations.prefillFor(actor, event),
    ]);
    const initial: FormState =
      form ??
      emptyForm({
        organisationId: prefill?.organisationId ?? '',
        profession: prefill?.profession ?? '',
        professionOther: prefill?.professionOther ?? '',
        languages: prefill?.languages?.length ? prefill.languages : [ctx.locale],
        dietary: prefill?.dietary ?? '',
        accessibility: prefill?.accessibility ?? '',
        phone: prefill?.phone ?? '',
        'emergencyContact.name': prefill?.emergencyContact?.name ?? '',
        'emergencyContact.phone': prefill?.emergencyContact?.phone ?? '',
        'emergencyContact.relation': prefill?.emergencyContact?.relation ?? '',
      });
    const html = renderPage(ctx, {
      title: t.title(event.name),
      children: (
        <RegisterForm
          ctx={ctx}
          event={event}
          a={a}
          form={initial}
          prefilledFrom={prefill?.from?.eventName ?? null}
          organisations={organisationOptions(orgs.items)}
        />
      ),
    });
    return new HtmlResponse(html, status);
  }

  @Get(':slug/register')
  async register(@Web() ctx: WebContext, @Param('slug') slug: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    const a = await this.participant.availability(actor, event);
    if (a.mine?.status === 'rejected') return redirect(`/my/registrations/${a.mine.id}`);
    if (a.mine) return redirect(`/my/registrations/${a.mine.id}`, 'registration.alreadyRegistered');
    if (a.closed) return redirect(`/e/${event.slug}`);
    return this.registerPage(ctx, actor, event, a, null);
  }

  @Post(':slug/register')
  async registerSubmit(
    @Web() ctx: WebContext,
    @Param('slug') slug: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const actor = requireActor(ctx);
    const event = await this.events.requireVisibleBySlug(actor, slug);
    const input = {
      ...registrationDetailsFrom(body),
      languages: listOf(body, 'languages'),
      consent: {
        dataProcessing: checked(body, 'consent.dataProcessing'),
        version: textOf(body, 'consentVersion') ?? CURRENT_CONSENT_VERSION,
        locale: ctx.locale,
      },
    };
    const parsed = await parseForm(ctx, CreateRegistrationDto, body, input);
    const again = async (form: FormState, status: number) =>
      this.registerPage(
        ctx,
        actor,
        event,
        await this.participant.availability(actor, event),
        form,
        status,
      );
    if (!parsed.ok) {
      const errors = { ...parsed.state.errors };
      // An unticked box sends nothing: say "tick this box", not "fill in this field".
      for (const key of Object.keys(errors)) {
        if (key.startsWith('consent')) {
          delete errors[key];
          errors['consent.dataProcessing'] = ctx.t.validation.equals;
        }
      }
      return again({ values: body, errors }, 400);
    }
    try {
      const created = await this.registrations.create(actor, event.id, parsed.value);
      return redirect(`/my/registrations/${created.id}`, 'registration.submitted');
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const existing = e.details?.registrationId;
      // A second click (or a second tab) lands on the registration the first one made.
      if (e.code === 'conflict' && typeof existing === 'string') {
        return redirect(`/my/registrations/${existing}`, 'registration.alreadyRegistered');
      }
      if (e.details?.reason === 'email_not_verified') {
        return this.registerPage(
          ctx,
          actor,
          event,
          await this.participant.availability(actor, event),
          null,
        );
      }
      if (e.code === 'conflict') return redirect(`/e/${event.slug}`);
      if (e.code === 'bad_request') {
        const state = formStateFromError(ctx, e, body);
        if (state.errors.professionOther) state.errors.professionOther = ctx.t.validation.required;
        if (state.errors.organisationId) state.errors.organisationId = ctx.t.validation.isUuid;
        return again(state, 400);
      }
      throw e;
    }
  }
}
