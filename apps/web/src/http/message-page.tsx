import type { Request } from 'express';
import { isLocale, messages, negotiateLocale } from '#i18n';
import { renderPage } from '../layout/layout.js';
import { LOCALE_COOKIE, parseCookies } from './cookies.js';
import type { WebContext } from './web-context.js';

/**
 * The context of a page shown before (or without) WebContextGuard: an error while the
 * database is down, a path no route answers. No session is read; the language is the
 * remembered choice, else the browser's.
 */
export function visitorContext(req: Request): WebContext {
  const remembered = parseCookies(req.headers.cookie)[LOCALE_COOKIE];
  const locale = isLocale(remembered)
    ? remembered
    : negotiateLocale(req.headers['accept-language']);
  return {
    locale,
    t: messages(locale),
    roles: [],
    csrfToken: '',
    path: req.originalUrl,
    publicUrl: '',
  };
}

/** A page that only says something (not found, not allowed, try again) and leads home. */
export function messagePage(ctx: WebContext, title: string, body: string): string {
  return renderPage(ctx, {
    title,
    children: (
      <>
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <a href="/">{ctx.t.common.goHome}</a>
        </p>
      </>
    ),
  });
}
