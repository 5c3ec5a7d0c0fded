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
] as const;

/** Patterns for Nest's setGlobalPrefix exclude: the home page, each root and all below it. */
export function webPrefixExclusions(): string[] {
  return ['/', ...WEB_ROOTS.flatMap((root) => [root, `${root}/{*rest}`])];
}
