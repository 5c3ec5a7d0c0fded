import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The site's stylesheets and scripts, each the concatenation of files in assets/css and
 * assets/js in name order (each page group owns its own file). Two of each:
 * - the participants' (the files directly in css/ and js/): every page outside /console.
 *   A participant on a weak link gets a third of the whole, and a first visit carries it
 *   inside the page in one round trip (layout.tsx);
 * - the console's: those files and the ones in console/, still in name order, so the
 *   console's cascade is the same whole stylesheet it always was.
 * Served under a content hash so browsers keep them for a year and a phone on a weak
 * link downloads them once.
 */
export interface Asset {
  path: string;
  /** The content hash in the path: which version a browser has fetched. */
  version: string;
  body: Buffer;
  contentType: string;
}

/** A page's stylesheet and script, with what a first visit needs to carry the stylesheet. */
export interface PageAssets {
  stylesheet: Asset;
  /** The stylesheet as text, for a first visit's page to carry inside a <style> element. */
  stylesheetText: string;
  script: Asset;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The files of a folder with the given extension, by name, each read once. */
function filesIn(dir: string, ext: string): Array<{ name: string; text: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

function bundle(
  files: Array<{ name: string; text: string }>,
  ext: string,
  contentType: string,
  name: string,
): Asset {
  const ordered = [...files].sort((a, b) => (a.name < b.name ? -1 : 1));
  const body = Buffer.from(minify(ordered.map((f) => f.text).join('\n'), ext));
  const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/assets/${name}-${version}${ext}`, version, body, contentType };
}

/** Comments and indentation cost bytes on a 3G link; strip them (nothing cleverer). */
export function minify(text: string, ext: string): string {
  const noComments = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const lines = noComments.split('\n').map((l) => l.trim());
  return lines.filter((l) => l !== '' && !(ext === '.js' && l.startsWith('//'))).join('\n');
}

function audiences(
  kind: 'css' | 'js',
  contentType: string,
): { participant: Asset; console: Asset } {
  const ext = `.${kind}`;
  const shared = filesIn(join(here, kind), ext);
  const consoleOnly = filesIn(join(here, kind, 'console'), ext);
  return {
    participant: bundle(shared, ext, contentType, 'app'),
    console: bundle([...shared, ...consoleOnly], ext, contentType, 'console'),
  };
}

export const STYLESHEETS = audiences('css', 'text/css; charset=utf-8');
export const SCRIPTS = audiences('js', 'text/javascript; charset=utf-8');

/** Both stylesheets: those the cookie may name, the policy allows inline, and a page gets. */
export const ALL_STYLESHEETS = [STYLESHEETS.participant, STYLESHEETS.console];

const PARTICIPANT_ASSETS: PageAssets = {
  stylesheet: STYLESHEETS.participant,
  stylesheetText: STYLESHEETS.participant.body.toString('utf8'),
  script: SCRIPTS.participant,
};
const CONSOLE_ASSETS: PageAssets = {
  stylesheet: STYLESHEETS.console,
  stylesheetText: STYLESHEETS.console.body.toString('utf8'),
  script: SCRIPTS.console,
};

/** The organisers' pages (all under /console) get the whole; everyone else the participants'. */
export function pageAssets(path: string): PageAssets {
  return /^\/console(?:[/?#]|$)/.test(path) ? CONSOLE_ASSETS : PARTICIPANT_ASSETS;
}

/** Every asset by its file name under /assets/. */
export const ASSETS_BY_NAME = new Map<string, Asset>(
  [...ALL_STYLESHEETS, SCRIPTS.participant, SCRIPTS.console].map((a) => [
    a.path.replace('/assets/', ''),
    a,
  ]),
);

/** The Content-Security-Policy sources that let exactly those <style> elements apply. */
export const STYLESHEET_CSP_HASHES = ALL_STYLESHEETS.map(
  (a) => `'sha256-${createHash('sha256').update(a.body).digest('base64')}'`,
).join(' ');
