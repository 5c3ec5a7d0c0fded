import { ALL_STYLESHEETS, type Asset } from './bundle.js';

/*
 * The stylesheet cookie lists the versions of the stylesheets this browser has fetched
 * (dot-separated): an organiser holds both the participants' and the console's, and
 * neither page kind should bring its stylesheet inline again because of the other.
 */

const CURRENT = new Set(ALL_STYLESHEETS.map((s) => s.version));

/** Whether the cookie says this browser already holds that stylesheet. */
export function holdsStylesheet(cookie: string | undefined, stylesheet: Asset): boolean {
  return (cookie ?? '').split('.').includes(stylesheet.version);
}

/** The cookie once this browser has fetched `stylesheet`: old versions dropped. */
export function withStylesheet(cookie: string | undefined, stylesheet: Asset): string {
  const held = (cookie ?? '').split('.').filter((v) => CURRENT.has(v) && v !== stylesheet.version);
  return [...held, stylesheet.version].join('.');
}
