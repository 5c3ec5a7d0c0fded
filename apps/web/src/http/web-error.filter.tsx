import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  DomainError,
  DOMAIN_ERROR_STATUS,
  HttpErrorFilter,
  isOutage,
  OUTAGE_RETRY_AFTER_SECONDS,
} from '#core';
import { messagePage, visitorContext } from './message-page.js';
import { CsrfRejected } from './web-context.guard.js';
import type { WebRequest } from './web-context.js';
import { setPageSecurityHeaders } from './page-headers.js';

/**
 * Errors on pages become pages: a 401 sends the person to sign in and back, another
 * person's object (403 or 404) is simply "not found", and the rest is said in the
 * person's language. The API keeps its JSON errors.
 */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrorFilter');
  private readonly json = new HttpErrorFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<WebRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    // originalUrl: under Nest's /api not-found handler, req.path has lost its mount point.
    if (/^\/api(\/|\?|$)/.test(req.originalUrl)) {
      this.json.catch(exception, host);
      return;
    }
    const ctx = req.web ?? visitorContext(req);
    const t = ctx.t.common;
    // An error before WebContextGuard ran would otherwise leave the page without its CSP.
    setPageSecurityHeaders(res);
    const show = (status: number, title: string, body: string) =>
      res
        .status(status)
        .type('html')
        .send(messagePage(ctx, title, body));

    if (exception instanceof CsrfRejected) return void show(403, t.csrfTitle, t.csrfBody);
    const domain = exception instanceof DomainError ? exception.code : undefined;
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : domain
          ? DOMAIN_ERROR_STATUS[domain]
          : 500;

    if (status === 401) {
      const next = req.method === 'GET' ? req.originalUrl : (req.get('referer') ?? '/');
      const path = safePath(next, req);
      return void res.redirect(303, `/signin?next=${encodeURIComponent(path)}`);
    }
    if (status === 404 || status === 403) return void show(404, t.notFoundTitle, t.notFoundBody);
    if (status === 429) return void show(429, t.tooManyTitle, t.tooManyBody);
    if (status === 400 || status === 409 || status === 413) {
      const message = exception instanceof Error ? exception.message : '';
      return void show(status, status === 409 ? t.conflictTitle : t.badRequestTitle, message);
    }
    if (isOutage(exception)) {
      res.setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
      return void show(503, t.unavailableTitle, t.unavailableBody);
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : exception,
    );
    show(500, t.errorTitle, t.errorBody);
  }
}

/** Only a path on this site survives a round trip through the sign-in page. */
function safePath(next: string, req: WebRequest): string {
  try {
    const url = new URL(next, `http://${req.headers.host ?? 'localhost'}`);
    if (url.host !== (req.headers.host ?? 'localhost')) return '/';
    return `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}
