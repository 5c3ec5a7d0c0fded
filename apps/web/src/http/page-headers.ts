import type { Response } from 'express';
import { STYLESHEET_CSP_HASHES } from '../assets/bundle.js';

/**
 * The one Content-Security-Policy of every HTML page: our own script and styles only,
 * no inline script (style attributes only, for chart geometry), nothing framed, no forms
 * posted elsewhere. The only inline <style> allowed are the site's own two stylesheets
 * (the participants' and the console's), by their hashes: a first visit carries its page's
 * in the page, see layout.tsx. Set by WebContextGuard on every page, and by the error filter
 * and the 404 fallback, which answer without it (an unknown path, an error before the
 * guard).
 * The Swagger UI at /docs keeps helmet's defaults: it needs its own inline script.
 */
export const PAGE_CSP =
  `default-src 'self'; img-src 'self' data:; style-src 'self' ${STYLESHEET_CSP_HASHES}; style-src-attr 'unsafe-inline'; ` +
  "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export function setPageSecurityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', PAGE_CSP);
}
