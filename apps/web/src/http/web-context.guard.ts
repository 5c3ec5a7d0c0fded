import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { WebSessionsService } from '#accounts';
import { APP_CONFIG, type AppConfig, DomainError, type Locale } from '#core';
import { EventAccess } from '#events';
import { isLocale, lookup, messages, negotiateLocale } from '#i18n';
import {
  cookieOptions,
  FLASH_COOKIE,
  LOCALE_COOKIE,
  parseCookies,
  secureCookies,
  SESSION_COOKIE,
  STYLESHEET_COOKIE,
  VISITOR_COOKIE,
  YEAR_MS,
} from './cookies.js';
import { pageAssets } from '../assets/bundle.js';
import { holdsStylesheet } from '../assets/held-stylesheets.js';
import { CsrfTokens } from './csrf.js';
import { setPageSecurityHeaders } from './page-headers.js';
import type { WebContext, WebRequest } from './web-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Raised when a form arrives without its CSRF token; the filter shows "this form has expired". */
export class CsrfRejected extends DomainError {
  constructor() {
    super('forbidden', 'The form token is missing or wrong');
    this.name = 'CsrfRejected';
  }
}

/**
 * Runs before every page: who is looking (session cookie), in which language, the CSRF
 * token for their forms (checked here on every state-changing request), and the flash
 * message a redirect left. Pages read it all from `req.web`.
 */
@Injectable()
export class WebContextGuard implements CanActivate {
  private readonly csrf: CsrfTokens;
  private readonly secure: boolean;

  constructor(
    private readonly sessions: WebSessionsService,
    private readonly access: EventAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.csrf = new CsrfTokens(config.jwtSecret);
    this.secure = secureCookies(config.publicUrl);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<WebRequest>();
    const res = http.getResponse<Response>();
    // An unknown /api path reaches the pages' catch-all: it stays the API's JSON 404.
    if (req.path === '/api' || req.path.startsWith('/api/')) return true;
    this.securityHeaders(res);
    const cookies = parseCookies(req.headers.cookie);

    const sessionToken = cookies[SESSION_COOKIE];
    const session = sessionToken ? await this.sessions.resolve(sessionToken) : null;
    if (sessionToken && !session) res.clearCookie(SESSION_COOKIE, cookieOptions(this.secure));

    let visitor = cookies[VISITOR_COOKIE];
    if (!session && !visitor) {
      visitor = randomBytes(18).toString('base64url');
      res.cookie(VISITOR_COOKIE, visitor, cookieOptions(this.secure, YEAR_MS));
    }
    // A form rendered before sign-in is bound to the visitor cookie, after it to the session.
    const browserId = session ? sessionToken : visitor;

    if (!SAFE_METHODS.has(req.method)) {
      const body = req.body as Record<string, unknown> | undefined;
      const given = body?._csrf ?? req.headers['x-csrf-token'];
      const ok =
        this.csrf.verify(browserId, given) ||
        // The sign-in form was bound to the visitor cookie; a session started since in
        // another tab must not make it expire.
        (session !== null && this.csrf.verify(visitor, given));
      if (!ok) {
        req.web = this.context(req, res, cookies, session, browserId ?? '');
        throw new CsrfRejected();
      }
      if (body) delete body._csrf;
    }

    req.web = this.context(req, res, cookies, session, browserId ?? '');
    if (session) req.web.roles = await this.access.rolesAnywhere(session.account.id);
    return true;
  }

  private context(
    req: WebRequest,
    res: Response,
    cookies: Record<string, string>,
    session: Awaited<ReturnType<WebSessionsService['resolve']>>,
    browserId: string,
  ): WebContext {
    const locale = this.locale(req, res, cookies, session?.account.locale);
    const t = messages(locale);
    let flash: string | undefined;
    if (cookies[FLASH_COOKIE]) {
      flash = lookup(t, cookies[FLASH_COOKIE]);
      res.clearCookie(FLASH_COOKIE, cookieOptions(this.secure));
    }
    return {
      locale,
      t,
      actor: session?.actor,
      account: session?.account,
      roles: [],
      csrfToken: this.csrf.tokenFor(browserId),
      path: req.originalUrl,
      flash,
      publicUrl: this.config.publicUrl,
      inlineStylesheet: !holdsStylesheet(
        cookies[STYLESHEET_COOKIE],
        pageAssets(req.originalUrl).stylesheet,
      ),
    };
  }

  /** ?lang= switches (and is remembered), then the remembered choice, the account, the browser. */
  private locale(
    req: WebRequest,
    res: Response,
    cookies: Record<string, string>,
    accountLocale: string | undefined,
  ): Locale {
    const asked = req.query.lang;
    if (isLocale(asked)) {
      res.cookie(LOCALE_COOKIE, asked, cookieOptions(this.secure, YEAR_MS));
      return asked;
    }
    if (isLocale(cookies[LOCALE_COOKIE])) return cookies[LOCALE_COOKIE];
    if (isLocale(accountLocale)) return accountLocale;
    return negotiateLocale(req.headers['accept-language']);
  }

  /** Pages load nothing from elsewhere and run only our own script. */
  private securityHeaders(res: Response): void {
    setPageSecurityHeaders(res);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Vary', 'Cookie, Accept-Language');
  }
}
