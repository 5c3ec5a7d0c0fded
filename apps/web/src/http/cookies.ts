import type { CookieOptions } from 'express';

export const SESSION_COOKIE = 'cv_session';
/** A random value for visitors without a session, so their forms carry a CSRF token too. */
export const VISITOR_COOKIE = 'cv_visitor';
export const LOCALE_COOKIE = 'cv_lang';
export const FLASH_COOKIE = 'cv_flash';
/**
 * The versions of the stylesheets a browser has fetched (dot-separated), added to when it
 * fetches one (assets/held-stylesheets.ts): pages then link theirs (it is in that
 * browser's cache) instead of carrying it inline. No personal data.
 */
export const STYLESHEET_COOKIE = 'cv_css';

/** Parses a Cookie header without a dependency: name=value pairs, values URI-decoded. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

/** How long a browser keeps what it is told to remember (visitor, language, stylesheet). */
export const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Cookies are Secure whenever the public URL is https (production). */
export function secureCookies(publicUrl: string): boolean {
  return publicUrl.startsWith('https:');
}

/** HttpOnly and SameSite=Lax always; Secure as `secureCookies` says. */
export function cookieOptions(secure: boolean, maxAgeMs?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    ...(maxAgeMs !== undefined ? { maxAge: maxAgeMs } : {}),
  };
}
