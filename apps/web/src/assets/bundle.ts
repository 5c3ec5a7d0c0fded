import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The site's one stylesheet and one script, each the concatenation of the files in
 * assets/css and assets/js (in name order, so each page group owns its own file).
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

const here = dirname(fileURLToPath(import.meta.url));

function bundle(folder: string, ext: string, contentType: string): Asset {
  const dir = join(here, folder);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();
  const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  const body = Buffer.from(minify(text, ext));
  const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/assets/app-${version}${ext}`, version, body, contentType };
}

/** Comments and indentation cost bytes on a 3G link; strip them (nothing cleverer). */
function minify(text: string, ext: string): string {
  const noComments = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const lines = noComments.split('\n').map((l) => l.trim());
  return lines.filter((l) => l !== '' && !(ext === '.js' && l.startsWith('//'))).join('\n');
}

export const STYLESHEET = bundle('css', '.css', 'text/css; charset=utf-8');
export const SCRIPT = bundle('js', '.js', 'text/javascript; charset=utf-8');

/** The stylesheet as text, for a first visit's page to carry inside a <style> element. */
export const STYLESHEET_TEXT = STYLESHEET.body.toString('utf8');

/** The Content-Security-Policy source that lets exactly that <style> element apply. */
export const STYLESHEET_CSP_HASH = `'sha256-${createHash('sha256').update(STYLESHEET_TEXT).digest('base64')}'`;
