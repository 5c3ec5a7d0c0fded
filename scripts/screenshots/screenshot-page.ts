import type pg from 'pg';

/** Who looks at a page: a demo login (password convene-demo-2027 / the admin's) or nobody. */
export type Viewer =
  | 'anonymous'
  | 'admin'
  | 'organiser'
  | 'awa'
  | 'lucia'
  | 'joseph'
  | 'fatou'
  | 'host'
  // Staff of the immersion hosts of "Family support 2027".
  | 'batoto'
  | 'cameleon';

/**
 * One page for `npm run screenshots`: each page group lists its pages in
 * scripts/screenshots/pages/<group>.ts. `path` may look ids up in the seeded demo
 * database (the demo event's id, a registration, a session).
 */
export interface ScreenshotPage {
  /** File name stem: var/screenshots/<name>-<width>.png */
  name: string;
  as: Viewer;
  path: string | ((db: pg.Client) => Promise<string>);
  /** phone 360x740, laptop 1280x800; participant pages default to both, console to laptop. */
  widths?: Array<'phone' | 'laptop'>;
  /** Page language (sets ?lang=); default fr. */
  locale?: 'fr' | 'en' | 'es';
  /** Something to do first on the page (open a form with errors, fill a field). */
  before?: (page: import('playwright-core').Page) => Promise<void>;
}
