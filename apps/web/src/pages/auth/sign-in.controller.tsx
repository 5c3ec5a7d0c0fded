import { Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService, LoginDto, MagicLinkRequestDto } from '#accounts';
import { DomainError } from '#core';
import { emptyForm, ErrorSummary, Form, type FormState, TextField } from '../../components/form.js';
import { EmailField } from '../../components/email-field.js';
import { parseForm } from '../../http/forms.js';
import { SessionCookie } from '../../http/session-cookie.js';
import { safeNext, type WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, redirect, type PageResult } from '../../http/web-results.js';
import { renderPage } from '../../layout/layout.js';

function SignInPage(props: {
  ctx: WebContext;
  next: string;
  link: FormState;
  password: FormState;
  sentTo?: string;
  invalidLink?: boolean;
}) {
  const { ctx } = props;
  const t = ctx.t.auth;
  const q = `?next=${encodeURIComponent(props.next)}`;
  return (
    <>
      <h1>{t.signInTitle}</h1>
      {props.invalidLink && (
        <p class="warning" role="alert">
          {t.linkInvalid}
        </p>
      )}
      {props.sentTo ? (
        <div class="notice" role="status">
          <h2>{t.linkSentTitle}</h2>
          <p>{t.linkSent(props.sentTo)}</p>
        </div>
      ) : (
        <p class="lead">{t.signInLead}</p>
      )}
      <ErrorSummary ctx={ctx} form={props.link} labels={{ email: t.email }} />
      <Form ctx={ctx} action={`/signin/link${q}`} class="card">
        <EmailField form={props.link} label={t.email} />
        <button class="btn" type="submit">
          {t.sendLink}
        </button>
      </Form>
      <h2>{t.orPassword}</h2>
      <ErrorSummary
        ctx={ctx}
        form={props.password}
        labels={{ email: t.email, password: t.password }}
      />
      <Form ctx={ctx} action={`/signin${q}`} class="card" id="password-form">
        <EmailField form={props.password} label={t.email} autocomplete="username" />
        <TextField
          form={props.password}
          name="password"
          label={t.password}
          type="password"
          autocomplete="current-password"
          required
        />
        <button class="btn" type="submit">
          {t.signInButton}
        </button>
      </Form>
      <p>
        <a href="/password/forgot">{t.forgotLink}</a>
      </p>
      <p>
        {t.noAccount} <a href={`/signup${q}`}>{ctx.t.common.signUp}</a>
      </p>
    </>
  );
}

/**
 * Sign in by emailed link (the usual way: nothing to remember) or by password, and out.
 * The link's token is spent only by the POST of its landing page, so mail scanners that
 * open every link do not burn it.
 */
@WebController()
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {}

  private page(ctx: WebContext, props: Partial<Parameters<typeof SignInPage>[0]>, status = 200) {
    const html = renderPage(ctx, {
      title: ctx.t.auth.signInTitle,
      children: (
        <SignInPage
          ctx={ctx}
          next={props.next ?? '/'}
          link={props.link ?? emptyForm()}
          password={{ ...(props.password ?? emptyForm()), idPrefix: 'pw-' }}
          sentTo={props.sentTo}
          invalidLink={props.invalidLink}
        />
      ),
    });
    return status === 200 ? html : new HtmlResponse(html, status);
  }

  @Get('signin')
  signIn(@Web() ctx: WebContext, @Query('next') next?: string): PageResult {
    if (ctx.actor) return redirect(safeNext(next));
    return this.page(ctx, { next: safeNext(next) });
  }

  @Post('signin/link')
  async sendLink(
    @Web() ctx: WebContext,
    @FormBody() body: Record<string, unknown>,
    @Req() req: Request,
    @Query('next') next?: string,
  ): Promise<PageResult> {
    const parsed = await parseForm(ctx, MagicLinkRequestDto, body);
    if (!parsed.ok) return this.page(ctx, { next: safeNext(next), link: parsed.state }, 400);
    await this.auth.requestMagicLink(parsed.value, req.ip ?? 'unknown', safeNext(next));
    return this.page(ctx, { next: safeNext(next), sentTo: parsed.value.email });
  }

  @Post('signin')
  async signInWithPassword(
    @Web() ctx: WebContext,
    @FormBody() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
    @Query('next') next?: string,
  ): Promise<PageResult> {
    const values = { email: body.email };
    const parsed = await parseForm(ctx, LoginDto, body);
    if (!parsed.ok) {
      return this.page(ctx, { next: safeNext(next), password: { ...parsed.state, values } }, 400);
    }
    try {
      const { account } = await this.auth.login(parsed.value, req.ip ?? 'unknown');
      await this.cookie.start(res, account.id);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'unauthenticated') {
        const password = { values, errors: { password: ctx.t.auth.wrongPassword } };
        return this.page(ctx, { next: safeNext(next), password }, 400);
      }
      throw e;
    }
    return redirect(safeNext(next), 'auth.signedIn');
  }

  @Get('login/magic')
  magicLanding(
    @Web() ctx: WebContext,
    @Res() res: Response,
    @Query('token') token?: string,
  ): PageResult {
    // The page holds the token: no cache (shared or private) may keep it.
    res.setHeader('Cache-Control', 'no-store');
    const t = ctx.t.auth;
    return renderPage(ctx, {
      title: t.magicTitle,
      children: (
        <>
          <h1>{t.magicTitle}</h1>
          <p class="lead">{t.magicLead}</p>
          <Form ctx={ctx} action="/login/magic">
            <input type="hidden" name="token" value={token ?? ''} />
            <button class="btn" type="submit">
              {t.magicButton}
            </button>
          </Form>
        </>
      ),
    });
  }

  @Post('login/magic')
  async magicSignIn(
    @Web() ctx: WebContext,
    @FormBody() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<PageResult> {
    const token = typeof body.token === 'string' ? body.token : '';
    try {
      const { account, next } = await this.auth.verifyMagicLinkForWeb(token);
      await this.cookie.start(res, account.id);
      return redirect(safeNext(next), 'auth.signedIn');
    } catch (e) {
      if (e instanceof DomainError && e.code === 'unauthenticated') {
        return this.page(ctx, { invalidLink: true }, 400);
      }
      throw e;
    }
  }

  @Post('signout')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<PageResult> {
    await this.cookie.end(req, res);
    return redirect('/', 'auth.signedOut');
  }
}
