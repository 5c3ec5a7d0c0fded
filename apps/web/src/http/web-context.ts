import type { Request } from 'express';
import type { Account } from '#accounts';
import { type Actor, type Locale, unauthenticated } from '#core';
import type { StaffRole } from '#events';
import type { Catalogue } from '#i18n';

/** Everything a page needs to know about the person looking at it, built once per request. */
export interface WebContext {
  locale: Locale;
  t: Catalogue;
  actor?: Actor;
  account?: Account;
  /** Staff roles held on any running event: which menus to show. */
  roles: StaffRole[];
  /** The hidden field every state-changing form carries. */
  csrfToken: string;
  /** Path and query of this page, for "come back here after signing in". */
  path: string;
  /** A message carried across a redirect (already translated). */
  flash?: string;
  /** The public base URL (links in pages, QR codes, webcal links). */
  publicUrl: string;
  /**
   * This browser has not fetched this page's stylesheet (the participants' or the
   * console's, in its current version): the page carries it inline, so
   * a first visit over a slow link paints after one round trip instead of two.
   */
  inlineStylesheet?: boolean;
}

export interface WebRequest extends Request {
  web?: WebContext;
}

/** The signed-in actor, or a 401 that the error filter turns into "sign in, then come back". */
export function requireActor(ctx: WebContext): Actor {
  if (!ctx.actor) throw unauthenticated('Sign in to see this page');
  return ctx.actor;
}

export function requireAccount(ctx: WebContext): Account {
  requireActor(ctx);
  return ctx.account as Account;
}

/** A `next` target that stays on this site (a path, never `//host` or a scheme). */
export function safeNext(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && next.length < 2000
    ? next
    : fallback;
}
