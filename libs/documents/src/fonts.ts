import { createRequire } from 'node:module';
import type { Font } from 'fontkit';

/**
 * The fonts every PDF embeds, from npm (@fontsource: Noto Sans, SIL Open Font License),
 * read from node_modules: nothing is fetched at run time. Fontsource splits each family
 * into subsets by Unicode range; they are tried in this order, one per character, so a
 * line of French stays in one Latin face and a Vietnamese or Arabic name takes its own.
 */
export const FACES = [
  { key: 'latin', pkg: 'noto-sans', file: 'noto-sans-latin', rtl: false },
  { key: 'latin-ext', pkg: 'noto-sans', file: 'noto-sans-latin-ext', rtl: false },
  { key: 'vietnamese', pkg: 'noto-sans', file: 'noto-sans-vietnamese', rtl: false },
  {
    key: 'arabic',
    pkg: 'noto-sans-arabic',
    file: 'noto-sans-arabic-arabic',
    rtl: true,
    complex: true,
  },
  {
    key: 'khmer',
    pkg: 'noto-sans-khmer',
    file: 'noto-sans-khmer-khmer',
    rtl: false,
    complex: true,
  },
  { key: 'cyrillic', pkg: 'noto-sans', file: 'noto-sans-cyrillic', rtl: false },
  { key: 'cyrillic-ext', pkg: 'noto-sans', file: 'noto-sans-cyrillic-ext', rtl: false },
  { key: 'greek', pkg: 'noto-sans', file: 'noto-sans-greek', rtl: false },
  { key: 'devanagari', pkg: 'noto-sans', file: 'noto-sans-devanagari', rtl: false },
] as const;

export type FaceKey = (typeof FACES)[number]['key'];
export type Weight = 'regular' | 'bold';

const require = createRequire(import.meta.url);

/** The font file of a face: WOFF, which fontkit (pdfkit's font engine) reads. */
export function fontFile(key: FaceKey, weight: Weight): string {
  const face = FACES.find((f) => f.key === key)!;
  const w = weight === 'bold' ? 700 : 400;
  return require.resolve(`@fontsource/${face.pkg}/files/${face.file}-${w}-normal.woff`);
}

/** pdfkit's name for a registered face. */
export function fontName(key: FaceKey, weight: Weight): string {
  return `${key}-${weight}`;
}

const opened = new Map<FaceKey, Font>();
let fontkit: typeof import('fontkit') | undefined;

function font(key: FaceKey): Font {
  let f = opened.get(key);
  if (!f) {
    // Loaded on first use, as pdfkit is (pdf.ts), and the same CommonJS build pdfkit uses.
    fontkit ??= require('fontkit') as typeof import('fontkit');
    f = fontkit.openSync(fontFile(key, 'regular'));
    opened.set(key, f);
  }
  return f;
}

/** The first face (in FACES order) that draws this character, else undefined. */
export function faceFor(codePoint: number): FaceKey | undefined {
  return FACES.find((f) => font(f.key).hasGlyphForCodePoint(codePoint))?.key;
}

export function covers(key: FaceKey, codePoint: number): boolean {
  return font(key).hasGlyphForCodePoint(codePoint);
}

export function isRtl(key: FaceKey): boolean {
  return FACES.find((f) => f.key === key)!.rtl;
}

/** The face's ascender in thousandths of the font size. */
export function ascender(key: FaceKey): number {
  const f = font(key);
  return (f.ascent * 1000) / f.unitsPerEm;
}
