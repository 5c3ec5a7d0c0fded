import { Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ComponentChildren } from 'preact';
import {
  AccountLinksService,
  AuthService,
  MagicLinkRequestDto,
  PasswordResetDto,
  SignupDto,
} from '#accounts';
import { DomainError } from '#core';
import { OrganisationsService } from '#organisations';
import {
  emptyForm,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextField,
} from '../../components/form.js';
import { localeOptions, organisationOptions } from '../../components/choices.js';
import { EmailField } from '../../components/email-field.js';
import { parseForm, textOf } from '../../http/forms.js';
import { SessionCookie } from '../../http/session-cookie.js';
import { safeNext, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';

const ip = (req: Request) => req.ip ?? 'unknown';
/** A query value as one string: `?token=a&token=b` or `?token[x]=` must not reach a hash. */
const one = (value: unknown): string => (typeof value === 'string' ? value : '');
const isUnauthenticated = (e: unknown) => e instanceof DomainError && e.code === 'unauthenticated';

/** Where a confirmed or reset account lands when no page asked for anything else. */
const LANDING = '/my/registrations';

function page(ctx: WebContext, title: string, children: ComponentChildren, status = 200) {
  // Always with its status: a page answering a POST is a 200, not Nest's default 201.
  return new HtmlResponse(renderPage(ctx, { title, children }), status);
}

/** The page a spent, expired or unknown link lands on: its title, why, and what to do next. */
function linkInvalid(
  ctx: WebContext,
  title: string,
  message: string,
  after: ComponentChildren,
  status = 200,
) {
  return page(
    ctx,
    title,
    <>
      <h1>{title}</h1>
      <p class="warning" role="alert">
        {message}
      </p>
      {after}
    </>,
    status,
  );
}

/** "Send the link again": one email field (filled in when we know it), one button. */
function ResendForm(props: { ctx: WebContext; email?: string; next: string }) {
  const t = props.ctx.t.auth;
  return (
    <Form
      ctx={props.ctx}
      action={`/verify-email/resend?next=${encodeURIComponent(props.next)}`}
      class="card"
    >
      <EmailField
        form={{ ...emptyForm({ email: props.email ?? '' }), idPrefix: 'resend-' }}
        label={t.email}
      />
      <button class="btn secondary" type="submit">
        {t.resendButton}
      </button>
    </Form>
  );
}

/** "We sent you a link": the one status notice every "send me a link" answers with. */
function SentNotice(props: { text: string }) {
  return (
    <div class="notice" role="status">
      <p>{props.text}</p>
    </div>
  );
}

/** "Check your email": what was sent, the spam hint, and (after sign-up) a way to send it again. */
function CheckEmail(props: {
  ctx: WebContext;
  sent: string;
  resend?: { email: string; next: string };
}) {
  const t = props.ctx.t.auth;
  return (
    <>
      <h1>{t.checkEmailTitle}</h1>
      <SentNotice text={props.sent} />
      <p>{t.checkEmailSpam}</p>
      {props.resend && (
        <ResendForm ctx={props.ctx} email={props.resend.email} next={props.resend.next} />
      )}
    </>
  );
}

/**
 * Sign-up with a confirmed address, and the forgotten password. Every link is spent by
 * the POST of its landing page (mail scanners open links), and every "send me a link"
 * answers the same whether the address has an account or not.
 */
@WebController()
export class AccountPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly links: AccountLinksService,
    private readonly organisations: OrganisationsService,
    private readonly cookie: SessionCookie,
  ) {}

  private async signUpPage(ctx: WebContext, next: string, form: FormState, status = 200) {
    const t = ctx.t.auth;
    const orgs = await this.organisations.list({ page: 1, pageSize: 200 });
    const labels = {
      name: t.name,
      email: t.email,
      locale: t.locale,
      organisationId: t.organisation,
      password: t.passwordOptional,
    };
    return page(
      ctx,
      t.signUpTitle,
      <>
        <h1>{t.signUpTitle}</h1>
        <p class="lead">{t.signUpLead}</p>
        <ErrorSummary ctx={ctx} form={form} labels={labels} />
        <Form ctx={ctx} action={`/signup?next=${encodeURIComponent(next)}`} class="card">
          <TextField
            form={form}
            name="name"
            label={t.name}
            hint={t.nameHint}
            autocomplete="name"
            maxLength={200}
            required
          />
          <EmailField form={form} label={t.email} />
          <SelectField form={form} name="locale" label={t.locale} options={localeOptions(ctx)} />
          <SelectField
            form={form}
            name="organisationId"
            label={t.organisation}
            hint={t.organisationHint}
            placeholder={t.organisationPlaceholder}
            options={organisationOptions(orgs.items)}
          />
          <TextField
            form={form}
            name="password"
            label={t.passwordOptional}
            hint={t.passwordHint}
            type="password"
            autocomplete="new-password"
            maxLength={200}
          />
          <button class="btn" type="submit">
            {t.signUpButton}
          </button>
        </Form>
        <p>
          {t.haveAccount}{' '}
          <a href={`/signin?next=${encodeURIComponent(next)}`}>{ctx.t.common.signIn}</a>
        </p>
      </>,
      status,
    );
  }

  @Get('signup')
  async signUp(@Web() ctx: WebContext, @Query('next') next?: string): Promise<PageResult> {
    if (ctx.actor) return redirect(safeNext(next, LANDING));
    return this.signUpPage(ctx, safeNext(next, LANDING), emptyForm({ locale: ctx.locale }));
  }

  @Post('signup')
  async signUpSubmit(
    @Web() ctx: WebContext,
    @FormBody() body: Record<string, unknown>,
    @Req() req: Request,
    @Query('next') next?: string,
  ): Promise<PageResult> {
    const target = safeNext(next, LANDING);
    const values = { ...body, password: undefined };
    const input = {
      name: body.name,
      email: body.email,
      locale: body.locale,
      organisationId: textOf(body, 'organisationId'),
      password:
        typeof body.password === 'string' && body.password !== '' ? body.password : undefined,
    };
    const parsed = await parseForm(ctx, SignupDto, body, input);
    if (!parsed.ok) return this.signUpPage(ctx, target, { ...parsed.state, values }, 400);
    try {
      await this.auth.signup(parsed.value, ip(req), { sendVerification: true, nextPath: target });
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') {
        return this.signUpPage(
          ctx,
          target,
          { values, errors: { email: ctx.t.auth.emailTaken } },
          409,
        );
      }
      if (e instanceof DomainError && e.code === 'bad_request') {
        const errors = { organisationId: ctx.t.validation.isUuid };
        return this.signUpPage(ctx, target, { values, errors }, 400);
      }
      throw e;
    }
    return page(
      ctx,
      ctx.t.auth.checkEmailTitle,
      <CheckEmail
        ctx={ctx}
        sent={ctx.t.auth.checkEmailBody(parsed.value.email)}
        resend={{ email: parsed.value.email, next: target }}
      />,
    );
  }

  @Post('verify-email/resend')
  async resend(
    @Web() ctx: WebContext,
    @FormBody() body: Record<string, unknown>,
    @Req() req: Request,
    @Query('next') next?: string,
  ): Promise<PageResult> {
    const target = safeNext(next, LANDING);
    const parsed = await parseForm(ctx, MagicLinkRequestDto, body);
    const t = ctx.t.auth;
    if (!parsed.ok) {
      return page(
        ctx,
        t.checkEmailTitle,
        <>
          <h1>{t.checkEmailTitle}</h1>
          <ErrorSummary
            ctx={ctx}
            form={{ ...parsed.state, idPrefix: 'resend-' }}
            labels={{ email: t.email }}
          />
          <ResendForm ctx={ctx} email={textOf(body, 'email')} next={target} />
        </>,
        400,
      );
    }
    await this.links.requestVerification(parsed.value.email, ip(req), target);
    return page(
      ctx,
      t.checkEmailTitle,
      <CheckEmail ctx={ctx} sent={t.resendSent(parsed.value.email)} />,
    );
  }

  /**
   * The GET of a link's landing page: never cached, and only a link still usable for its
   * purpose gets the page with the button that spends it.
   */
  private async landing(
    res: Response,
    token: unknown,
    purpose: 'verify_email' | 'password_reset',
    invalid: () => PageResult,
    show: (token: string) => PageResult,
  ): Promise<PageResult> {
    res.setHeader('Cache-Control', 'no-store');
    const value = one(token);
    return (await this.links.isUsable(value, purpose)) ? show(value) : invalid();
  }

  /** The POST that spends a link and signs its account in; a refused link shows `invalid`. */
  private async spend(
    res: Response,
    spendLink: () => Promise<{ id: string }>,
    invalid: () => PageResult,
    then: PageResult,
  ): Promise<PageResult> {
    try {
      const account = await spendLink();
      await this.cookie.start(res, account.id);
    } catch (e) {
      if (isUnauthenticated(e)) return invalid();
      throw e;
    }
    return then;
  }

  private verifyInvalid(ctx: WebContext, next: string, status = 200) {
    const t = ctx.t.auth;
    return linkInvalid(
      ctx,
      t.verifyTitle,
      t.verifyInvalid,
      <ResendForm ctx={ctx} next={next} />,
      status,
    );
  }

  @Get('verify-email')
  async verifyLanding(
    @Web() ctx: WebContext,
    @Res() res: Response,
    @Query('token') token?: string,
    @Query('next') next?: string,
  ): Promise<PageResult> {
    const target = safeNext(next, LANDING);
    const t = ctx.t.auth;
    return this.landing(
      res,
      token,
      'verify_email',
      () => this.verifyInvalid(ctx, target),
      (value) =>
        page(
          ctx,
          t.verifyTitle,
          <>
            <h1>{t.verifyTitle}</h1>
            <p class="lead">{t.verifyLead}</p>
            <Form ctx={ctx} action={`/verify-email?next=${encodeURIComponent(target)}`}>
              <input type="hidden" name="token" value={value} />
              <button class="btn" type="submit">
                {t.verifyButton}
              </button>
            </Form>
          </>,
        ),
    );
  }

  @Post('verify-email')
  async verify(
    @Web() ctx: WebContext,
    @FormBody() body: Record<string, unknown>,
    @Res() res: Response,
    @Query('next') next?: string,
  ): Promise<PageResult> {
    const target = safeNext(next, LANDING);
    return this.spend(
      res,
      () => this.links.verifyEmail(one(body.token)),
      () => this.verifyInvalid(ctx, target, 400),
      redirect(target, 'auth.emailVerified'),
    );
  }

  private forgotPage(ctx: WebContext, form: FormState, status = 200, sentTo?: string) {
    const t = ctx.t.auth;
    return page(
      ctx,
      t.forgotTitle,
      <>
        <h1>{t.forgotTitle}</h1>
        {sentTo ? <SentNotice text={t.forgotSent(sentTo)} /> : <p class="lead">{t.forgotLead}</p>}
        <ErrorSummary ctx={ctx} form={form} labels={{ email: t.email }} />
        <Form ctx={ctx} action="/password/forgot" class="card">
          <EmailField form={form} label={t.email} />
          <button class="btn" type="submit">
            {t.forgotButton}
          </button>
        </Form>
      </>,
      status,
    );
  }

  @Get('password/forgot')
  forgot(@Web() ctx: WebContext): PageResult {
    return this.forgotPage(ctx, emptyForm());
  }

  @Post('password/forgot')
  async forgotSubmit(
    @Web() ctx: WebContext,
    @FormBody() body: Record<string, unknown>,
    @Req() req: Request,
  ): Promise<PageResult> {
    const parsed = await parseForm(ctx, MagicLinkRequestDto, body);
    if (!parsed.ok) return this.forgotPage(ctx, parsed.state, 400);
    await this.links.requestPasswordReset(parsed.value.email, ip(req));
    return this.forgotPage(ctx, emptyForm(), 200, parsed.value.email);
  }

  private resetPage(ctx: WebContext, token: string, form: FormState, status = 200) {
    const t = ctx.t.auth;
    return page(
      ctx,
      t.resetTitle,
      <>
        <h1>{t.resetTitle}</h1>
        <p class="lead">{t.resetLead}</p>
        <ErrorSummary
          ctx={ctx}
          form={form}
          labels={{ password: t.newPassword, passwordAgain: t.newPasswordAgain }}
        />
        <Form ctx={ctx} action="/password/reset" class="card">
          <input type="hidden" name="token" value={token} />
          <TextField
            form={form}
            name="password"
            label={t.newPassword}
            hint={t.newPasswordHint}
            type="password"
            autocomplete="new-password"
            maxLength={200}
            required
          />
          <TextField
            form={form}
            name="passwordAgain"
            label={t.newPasswordAgain}
            type="password"
            autocomplete="new-password"
            maxLength={200}
            required
          />
          <button class="btn" type="submit">
            {t.resetButton}
          </button>
        </Form>
      </>,
      status,
    );
  }

  private resetInvalid(ctx: WebContext, status = 200) {
    const t = ctx.t.auth;
    const after = (
      <p>
        <a href="/password/forgot">{t.forgotTitle}</a>
      </p>
    );
    return linkInvalid(ctx, t.resetTitle, t.resetInvalid, after, status);
  }

  @Get('password/reset')
  async reset(
    @Web() ctx: WebContext,
    @Res() res: Response,
    @Query('token') token?: string,
  ): Promise<PageResult> {
    return this.landing(
      res,
      token,
      'password_reset',
      () => this.resetInvalid(ctx),
      (value) => this.resetPage(ctx, value, emptyForm()),
    );
  }

  @Post('password/reset')
  async resetSubmit(
    @Web() ctx: WebContext,
    @FormBody() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<PageResult> {
    const token = one(body.token);
    const parsed = await parseForm(ctx, PasswordResetDto, body, {
      token,
      password: body.password,
    });
    if (!parsed.ok) {
      if (parsed.state.errors.token) return this.resetInvalid(ctx, 400);
      // Too short or too common: the catalogue's words for the code the DTO gave.
      const errors = {
        password: parsed.state.errors.password ?? ctx.t.validation.passwordTooShort,
      };
      return this.resetPage(ctx, token, { values: {}, errors }, 400);
    }
    if (body.password !== body.passwordAgain) {
      const errors = { passwordAgain: ctx.t.validation.passwordsDiffer };
      return this.resetPage(ctx, token, { values: {}, errors }, 400);
    }
    return this.spend(
      res,
      () => this.links.resetPassword(parsed.value.token, parsed.value.password),
      () => this.resetInvalid(ctx, 400),
      redirect(LANDING, 'auth.passwordChanged'),
    );
  }
}
