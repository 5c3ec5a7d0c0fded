import { Get, Param, Post } from '@nestjs/common';
import { hasEnded } from '#certificates';
import { DomainError } from '#core';
import type { Event } from '#events';
import { OrganisationsService } from '#organisations';
import {
  LIVE_STATUSES,
  ParticipantRegistrations,
  type RegistrationStatus,
  type RegistrationView,
  RegistrationsService,
  RegistrationWorkflow,
} from '#registrations';
import { Form } from '../../components/form.js';
import { eventDates, instantIn } from '../../format/dates.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { Web } from '../../http/web-request.decorator.js';
import { type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';
import { StatusBadge, WhatNext } from './parts.js';

const isLive = (status: string) => LIVE_STATUSES.includes(status as RegistrationStatus);

/** Links from a registration to its event's other pages (travel and agenda are other groups'). */
function RegistrationLinks(props: {
  ctx: WebContext;
  id: string;
  slug: string;
  status: string;
  details?: boolean;
  /** The event has ended and the registration is confirmed: a certificate may be there. */
  certificate?: boolean;
}) {
  const t = props.ctx.t.registration;
  return (
    <ul class="plain pa-links">
      {props.details && (
        <li>
          <a href={`/my/registrations/${props.id}`}>{t.details}</a>
        </li>
      )}
      {isLive(props.status) && (
        <>
          <li>
            <a href={`/my/registrations/${props.id}/travel`}>{t.travel}</a>
          </li>
          <li>
            <a href={`/e/${props.slug}/agenda`}>{t.agenda}</a>
          </li>
        </>
      )}
      {props.status === 'confirmed' && (
        <li>
          <a href={`/my/registrations/${props.id}/badge.pdf`}>{props.ctx.t.checkin.myBadge}</a>
        </li>
      )}
      {props.certificate && (
        <li>
          <a href={`/my/registrations/${props.id}/certificate.pdf`}>
            {props.ctx.t.certificates.participant.download}
          </a>
        </li>
      )}
      <li>
        <a href={`/e/${props.slug}`}>{t.eventPage}</a>
      </li>
    </ul>
  );
}

/**
 * A person's own registrations: where each stands (waitlist place included), and
 * cancelling one after being told what it means. Someone else's id is a 404, from the
 * service.
 */
@WebController('my/registrations')
export class MyRegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly participant: ParticipantRegistrations,
    private readonly workflow: RegistrationWorkflow,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get()
  async list(@Web() ctx: WebContext): Promise<PageResult> {
    const actor = requireActor(ctx);
    const mine = await this.registrations.mine(actor);
    const t = ctx.t.registration;
    return renderPage(ctx, {
      title: t.myTitle,
      children: (
        <>
          <h1>{t.myTitle}</h1>
          <p class="lead">{t.myLead}</p>
          {mine.length === 0 ? (
            <p>
              {t.none} <a href="/">{t.seeEvents}</a>
            </p>
          ) : (
            <ul class="plain stack">
              {mine.map((r) => (
                <li class="card pa-reg">
                  <h2 dir="auto">
                    <a href={`/my/registrations/${r.id}`}>{r.event.name}</a>
                  </h2>
                  <p class="muted">{eventDates(r.event.startDate, r.event.endDate, ctx.locale)}</p>
                  <p>
                    <StatusBadge ctx={ctx} status={r.status} />
                    {r.status === 'waitlisted' && r.waitlistPosition !== null && (
                      <span class="pa-position"> {t.position(r.waitlistPosition)}</span>
                    )}
                  </p>
                  <RegistrationLinks
                    ctx={ctx}
                    id={r.id}
                    slug={r.event.slug}
                    status={r.status}
                    details
                    certificate={r.status === 'confirmed' && hasEnded(r.event, new Date())}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    });
  }

  @Get(':id')
  async detail(@Web() ctx: WebContext, @Param('id') id: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    const { registration: r, event } = await this.participant.own(actor, id);
    const t = ctx.t.registration;
    const organisation = await this.organisations.get(r.organisationId).catch(() => null);
    const answers: Array<[string, string | null]> = [
      [t.organisation, organisation?.name ?? null],
      [
        t.profession,
        r.profession === 'other'
          ? r.professionOther
          : (t.professions[r.profession as keyof typeof t.professions] ?? r.profession),
      ],
      [
        t.languages,
        r.languages.map((c) => (t.languageNames as Record<string, string>)[c] ?? c).join(', ') ||
          null,
      ],
      [t.dietary, r.dietary],
      [t.accessibility, r.accessibility],
      [t.phone, r.phone],
      [
        t.emergencyTitle,
        r.emergencyContact
          ? [r.emergencyContact.name, r.emergencyContact.phone, r.emergencyContact.relation]
              .filter(Boolean)
              .join(', ')
          : null,
      ],
    ];
    return renderPage(ctx, {
      title: t.detailTitle(event.name),
      children: (
        <>
          <h1 dir="auto">{t.detailTitle(event.name)}</h1>
          <p class="muted">{eventDates(event.startDate, event.endDate, ctx.locale)}</p>
          <p>
            <StatusBadge ctx={ctx} status={r.status} />
          </p>
          <div class="card">
            <WhatNext ctx={ctx} status={r.status} position={r.waitlistPosition} />
          </div>
          <RegistrationLinks ctx={ctx} id={r.id} slug={event.slug} status={r.status} />
          <h2>{t.yourAnswers}</h2>
          <dl class="facts pa-answers">
            {answers.map(([label, value]) => (
              <>
                <dt>{label}</dt>
                <dd dir="auto">{value ?? <span class="muted">{t.notGiven}</span>}</dd>
              </>
            ))}
            <dt>{t.registeredOn}</dt>
            <dd>{this.when(ctx, r.createdAt, event)}</dd>
          </dl>
          {r.consent.at && (
            <p class="muted">
              {t.consentGiven(this.when(ctx, r.consent.at, event))}
              {r.consent.version ? ` (${t.consentVersion(r.consent.version)})` : ''}
            </p>
          )}
          {isLive(r.status) && (
            <section aria-labelledby="pa-cancel">
              <h2 id="pa-cancel">{t.cancelTitle}</h2>
              <p>
                <a class="btn secondary" href={`/my/registrations/${r.id}/cancel`}>
                  {t.cancelTitle}
                </a>
              </p>
            </section>
          )}
        </>
      ),
    });
  }

  private when(ctx: WebContext, iso: string, event: Event): string {
    return instantIn(iso, event.timezone, ctx.locale, event.venueCity);
  }

  /** The confirmation step: what cancelling means, then one button (a POST). */
  @Get(':id/cancel')
  async cancelPage(@Web() ctx: WebContext, @Param('id') id: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    const { registration: r, event } = await this.participant.own(actor, id);
    if (!isLive(r.status))
      return redirect(`/my/registrations/${r.id}`, 'registration.cannotCancel');
    return renderPage(ctx, {
      title: ctx.t.registration.cancelTitle,
      children: this.confirm(ctx, r, event),
    });
  }

  private confirm(ctx: WebContext, r: RegistrationView, event: Event) {
    const t = ctx.t.registration;
    return (
      <>
        <h1>{t.cancelTitle}</h1>
        <p class="lead" dir="auto">
          {event.name}
        </p>
        <div class="warning">
          <p>{t.cancelIntro}</p>
          <ul>
            {r.status === 'waitlisted' ? (
              <li>{t.cancelWaitlist}</li>
            ) : (
              <li>{t.cancelConsequences.seat}</li>
            )}
            <li>{t.cancelConsequences.sessions}</li>
            <li>{t.cancelConsequences.back}</li>
          </ul>
        </div>
        <div class="row pa-actions">
          <Form ctx={ctx} action={`/my/registrations/${r.id}/cancel`} class="inline-form">
            <button type="submit" class="btn danger">
              {t.cancelConfirm}
            </button>
          </Form>
          <a class="btn secondary" href={`/my/registrations/${r.id}`}>
            {t.cancelKeep}
          </a>
        </div>
      </>
    );
  }

  @Post(':id/cancel')
  async cancel(@Web() ctx: WebContext, @Param('id') id: string): Promise<PageResult> {
    const actor = requireActor(ctx);
    // Only the owner cancels here (an organiser uses the console): the 404 comes from own().
    const { registration } = await this.participant.own(actor, id);
    try {
      await this.workflow.cancel(actor, registration.id);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') {
        return redirect(`/my/registrations/${registration.id}`, 'registration.cannotCancel');
      }
      throw e;
    }
    return redirect(`/my/registrations/${registration.id}`, 'registration.cancelled');
  }
}
