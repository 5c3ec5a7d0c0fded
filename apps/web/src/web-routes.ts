/**
 * The first path segments the pages own. The API lives under /api (its global prefix);
 * these are left out of that prefix, so no API controller may start with one of them
 * (the API's /me is why a person's own pages live under /my).
 */
export const WEB_ROOTS = [
  'assets',
  'signin',
  'signup',
  'signout',
  'login',
  'password',
  'verify-email',
  'e',
  'my',
  'host',
  'console',
  'verify',
  'programmes',
  'exchanges',
  'unsubscribe',
] as const;

/** Patterns for Nest's setGlobalPrefix exclude: the home page, each root and all below it. */
export function webPrefixExclusions(): string[] {
  return ['/', ...WEB_ROOTS.flatMap((root) => [root, `${root}/{*rest}`]), ...API_UNDER_WEB_ROOTS];
}

/**
 * API routes whose first segment is a page root (GET /api/verify/<code> beside the page
 * /verify/<code>), and the API's own root GET /api (a controller at '' would land on the
 * home page, which is excluded): their controllers carry the /api prefix themselves, so it
 * is excluded here.
 */
export const API_UNDER_WEB_ROOTS = [
  'api/verify/{*rest}',
  'api',
  // The programme and exchange API beside the /programmes and /exchanges pages (issue 14).
  'api/programmes',
  'api/programmes/{*rest}',
  'api/exchanges',
  'api/exchanges/{*rest}',
  // The one-click unsubscribe (RFC 8058) beside the page a person opens from the email.
  'api/unsubscribe/{*rest}',
];
