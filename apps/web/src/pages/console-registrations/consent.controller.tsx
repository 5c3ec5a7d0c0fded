import { Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '#core';
import { type ConsentRequest, CURRENT_CONSENT_VERSION, RegistrationConsent } from '#registrations';
import { Form } from '../../components/form.js';
import { eventDates } from '../../format/dates.js';
import { requireActor, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';

const tokenOf = (v: unknown) => (typeof v === 'string' && v.length < 200 ? v : undefined);

function ConsentPage(props: {
  ctx: WebContext;
  req: ConsentRequest;
  token?: string;
  done?: string;
}) {
  const { ctx, req } = props;
  const t = ctx.t.consoleRegistrations;
  const status = props.done ?? req.registration.status;
  const answered = status !== 'awaiting_consent';
  return (
    <>
      <h1>{answered ? t.consentAnsweredTitle : t.consentTitle}</h1>
      {answered ? (
        <p class={status === 'cancelled' ? 'notice' : 'flash'} role="status">
          {t.consentDone[status] ?? t.consentDone.other}
        </p>
      ) : (
        <p class="lead">{t.consentLead(req.event.name)}</p>
      )}
      <dl class="facts card">
        <dt>{t.consentEvent}</dt>
        <dd dir="auto">{req.event.name}</dd>
        <dt>{t.consentDates}</dt>
        <dd>{eventDates(req.event.startDate, req.event.endDate, ctx.locale)}</dd>
        <dt>{t.name}</dt>
        <dd dir="auto">{req.personName}</dd>
        <dt>{t.organisation}</dt>
        <dd dir="auto">{req.organisationName}</dd>
        <dt>{t.profession}</dt>
        <dd>
          {req.registration.profession === 'other' && req.registration.professionOther
            ? req.registration.professionOther
            : t.professions[req.registration.profession]}
        </dd>
      </dl>
      {!answered && (
        <>
          <h2>{ctx.t.registration.consentTitle}</h2>
          <p>{ctx.t.registration.consentText}</p>
          <p class="muted">{ctx.t.registration.consentVersion(CURRENT_CONSENT_VERSION)}</p>
          <Form ctx={ctx} action={`/my/registrations/${req.registration.id}/consent`} class="row">
            {props.token && <input type="hidden" name="token" value={props.token} />}
            <button type="submit" name="answer" value="agree" class="btn">
              {t.consentAgree}
            </button>
            <button
              type="submit"
              name="answer"
              value="decline"
              class="btn secondary"
              data-confirm={t.consentDeclineConfirm}
            >
              {t.consentDecline}
            </button>
          </Form>
        </>
      )}
      {answered && !ctx.actor && (
        <p>
          <a href="/signin?next=/my/registrations">{t.consentSignIn}</a>
        </p>
      )}
    </>
  );
}

/**
 * The person an organiser registered confirms (or declines) it here: from the link in
 * their email (its token is the key, no password needed), or signed in as themselves.
 * Anyone else, or a wrong token, gets a 404.
 */
@WebController('my/registrations/:id/consent')
export class ConsentController {
  constructor(private readonly consent: RegistrationConsent) {}

  private render(ctx: WebContext, req: ConsentRequest, token?: string, done?: string) {
    const t = ctx.t.consoleRegistrations;
    const answered = (done ?? req.registration.status) !== 'awaiting_consent';
    return renderPage(ctx, {
      title: answered ? t.consentAnsweredTitle : t.consentTitle,
      children: <ConsentPage ctx={ctx} req={req} token={token} done={done} />,
    });
  }

  @Get()
  async show(
    @Web() ctx: WebContext,
    @Param('id') id: string,
    @Res() res: Response,
    @Query('token') rawToken?: string,
  ): Promise<PageResult> {
    const token = tokenOf(rawToken);
    if (!token) requireActor(ctx);
    // The page's URL holds the token: no cache may keep it, no other site may see it.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const req = await this.consent.request(ctx.actor, id, token);
    return this.render(ctx, req, token);
  }

  @Post()
  async answer(
    @Web() ctx: WebContext,
    @Param('id') id: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const token = tokenOf(body.token);
    if (!token) requireActor(ctx);
    const agree = body.answer !== 'decline';
    try {
      const view = await this.consent.answer(ctx.actor, id, token, agree, ctx.locale);
      const req = await this.consent.request(ctx.actor, id, token);
      return new HtmlResponse(this.render(ctx, req, token, view.status), 200);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') {
        // Answered already (a double submit): say where it stands, change nothing.
        const req = await this.consent.request(ctx.actor, id, token);
        return new HtmlResponse(this.render(ctx, req, token, 'other'), 409);
      }
      throw e;
    }
  }
}
