import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import { ascender, FACES, type FaceKey, fontFile, fontName, isRtl, type Weight } from './fonts.js';
import { textRuns } from './text-runs.js';

export interface PdfMeta {
  /** Document title and subject, shown by PDF readers. */
  title: string;
  subject: string;
  author: string;
  lang: string;
}

export interface Pdf {
  doc: PDFKit.PDFDocument;
  /** The file, once doc.end() was called. */
  done: Promise<Buffer>;
}

const require = createRequire(import.meta.url);
let pdfkit: typeof PDFDocument | undefined;

/**
 * pdfkit's document class, loaded on first use: pdfkit with fontkit and brotli are about
 * 22 MiB resident (in a bare Node process) that a process printing no PDF need not carry.
 * Its CommonJS build, so that it and fonts.ts share one fontkit (an `import` would load
 * fontkit's ES build beside it).
 */
export function pdfDocumentClass(): typeof PDFDocument {
  pdfkit ??= require('pdfkit') as typeof PDFDocument;
  return pdfkit;
}

/** Throws unless pdfkit can draw these bytes as an image (a PNG or JPEG it can decode). */
export function openPdfImage(bytes: Buffer): void {
  const PDFDocumentClass = pdfDocumentClass();
  const doc = new PDFDocumentClass({ autoFirstPage: false });
  (doc as unknown as { openImage(src: Buffer): unknown }).openImage(bytes);
}

/** An A4 document with every face registered (pdfkit embeds, subsetted, only those used). */
export function createPdf(meta: PdfMeta, margin = 64): Pdf {
  const PDFDocumentClass = pdfDocumentClass();
  const doc = new PDFDocumentClass({
    size: 'A4',
    margin,
    lang: meta.lang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Creator: 'Convene',
      Producer: 'Convene',
    },
  });
  for (const face of FACES) {
    for (const weight of ['regular', 'bold'] as const) {
      doc.registerFont(fontName(face.key, weight), fontFile(face.key, weight));
    }
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(fontName('latin', 'regular'));
  return { doc, done };
}

export interface WriteOptions extends PDFKit.Mixins.TextOptions {
  bold?: boolean;
  size?: number;
  color?: string;
  /** Where the text starts; otherwise where the last text ended. */
  at?: { x: number; y: number };
}

const PATCHED = Symbol('convene.faithful');

interface FontkitGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** The parts of pdfkit's embedded font (0.20) this module adjusts. */
interface PdfkitFont {
  font: { getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null };
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  unicode: number[][];
  widths: number[];
  scale: number;
  layout(text: string, features?: unknown): { glyphs: FontkitGlyph[]; positions: unknown[] };
  layoutRun(text: string, features?: unknown): { positions: Array<Record<string, number>> };
  encode(text: string, features?: unknown): [string[], unknown[]];
  [PATCHED]?: true;
}

const same = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Makes pdftotext (and copy, and search) read back exactly what was typed:
 *
 * - fontkit caches one glyph object per glyph id, with the characters of its first use,
 *   and pdfkit writes one ToUnicode entry per glyph. Noto Arabic draws medial ت, ن and
 *   ي with one dotless glyph plus dots, so "للتنمية" would read back "للينمية". Each
 *   glyph here keeps the characters it was shaped from, and a glyph reused for other
 *   characters is embedded again under a second id with its own entry.
 * - A combining mark of a left-to-right script that the font nudges left (Khmer ់ above
 *   ន) makes pdftotext see a word break ("ចាន់ ធីតា"); it is drawn at its letter instead:
 *   at most 0.15 em off, invisible at letter sizes.
 */
function faithful(doc: PDFKit.PDFDocument, face: FaceKey): void {
  const font = (doc as unknown as { _font: PdfkitFont })._font;
  if (font[PATCHED]) return;
  font[PATCHED] = true;
  const fontkit = font.font;
  const getGlyph = fontkit.getGlyph.bind(fontkit);
  fontkit.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (!glyph || same(glyph.codePoints, codePoints)) return glyph;
    return Object.create(glyph, { codePoints: { value: codePoints } }) as FontkitGlyph;
  };
  if (!isRtl(face)) {
    const layoutRun = font.layoutRun.bind(font);
    font.layoutRun = (text, features) => {
      const run = layoutRun(text, features);
      for (const p of run.positions) {
        if (p.xAdvance === 0 && Math.abs(p.xOffset) <= 150) {
          p.xOffset = 0;
          // Noto Khmer lifts ី and ់ by 0.03 em: pdftotext then reads them on a line of
          // their own when the name stands alone (a badge). Level, they read in place.
          if (Math.abs(p.yOffset) <= 50) p.yOffset = 0;
        }
      }
      return run;
    };
  }
  const copies = new Map<string, number>();
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features);
    const encoded = glyphs.map((glyph) => {
      let gid = font.subset.includeGlyph(glyph.id);
      const known = font.unicode[gid];
      if (known != null && !same(known, glyph.codePoints)) {
        const key = `${glyph.id}/${glyph.codePoints.join(',')}`;
        let copy = copies.get(key);
        if (copy === undefined) {
          font.subset.glyphs.push(glyph.id);
          copy = font.subset.glyphs.length - 1;
          copies.set(key, copy);
        }
        gid = copy;
      }
      font.widths[gid] ??= glyph.advanceWidth * font.scale;
      font.unicode[gid] ??= glyph.codePoints;
      return `0000${gid.toString(16)}`.slice(-4);
    });
    return [encoded, positions];
  };
}

/**
 * Writes text in any script: one pdfkit text call per run, each in the face that draws
 * it, continued so the runs wrap as one paragraph. Every run is shaped whole (features
 * given, so pdfkit does not lay out word by word), which keeps Arabic words in order.
 */
export function writeText(doc: PDFKit.PDFDocument, text: string, options: WriteOptions = {}) {
  const { bold, size, color, at, continued, ...rest } = options;
  const weight: Weight = bold ? 'bold' : 'regular';
  if (size !== undefined) doc.fontSize(size);
  if (color !== undefined) doc.fillColor(color);
  const runs = textRuns(text);
  if (runs.length === 0) runs.push({ text: '', face: 'latin' });
  runs.forEach((run, i) => {
    doc.font(fontName(run.face, weight));
    faithful(doc, run.face);
    // Every run hangs from the Latin face's ascender, so an Arabic or Khmer name (taller
    // faces) sits on the same baseline as its label.
    const fontSize = (doc as unknown as { _fontSize: number })._fontSize;
    const baseline = -((ascender('latin') * fontSize) / 1000);
    const opts = {
      ...rest,
      features: [],
      baseline,
      continued: i < runs.length - 1 || continued,
    };
    const draw = () => {
      if (i === 0 && at) doc.text(run.text, at.x, at.y, opts);
      else doc.text(run.text, opts);
    };
    if (run.face === 'khmer') withActualText(doc, draw);
    else draw();
  });
  // pdfkit moves down by the last font's line height: an Arabic or Khmer face is taller,
  // so a line ending in one would leave a gap under it. Move down as a Latin line would.
  if (!continued && runs[runs.length - 1].face !== 'latin') {
    const tall = doc.currentLineHeight(true);
    doc.font(fontName('latin', weight));
    const base = doc.currentLineHeight(true);
    if (tall > base) doc.y -= tall - base;
  }
  return doc;
}

/**
 * Khmer is drawn in visual order (a vowel such as ែ before the consonant it follows,
 * a subscript's ្រ before its base), so a reader copying or extracting the text would
 * get the glyph order back, not the name as typed. An ActualText span (PDF 32000,
 * 14.9.4) carries the typed characters of each line pdfkit draws: copy, search, screen
 * readers and pdftotext read those. The span opens inside the text object, once its
 * position and font are set, so readers place the characters where the glyphs are.
 */
function withActualText(doc: PDFKit.PDFDocument, draw: () => void): void {
  type Fragment = (text: string, x: number, y: number, options: unknown) => void;
  type Add = (data: string) => PDFKit.PDFDocument;
  const d = doc as unknown as { _fragment: Fragment; addContent: Add };
  const fragment = d._fragment;
  d._fragment = function (this: typeof d, text, x, y, options) {
    const add = this.addContent;
    let open = false;
    this.addContent = function (this: typeof d, data: string) {
      if (open && data === 'ET') {
        add.call(this, 'EMC');
        open = false;
      }
      add.call(this, data);
      if (!open && data.endsWith(' Tf')) {
        add.call(this, `/Span <</ActualText <${utf16Hex(text)}>>> BDC`);
        open = true;
      }
      return doc;
    };
    try {
      fragment.call(this, text, x, y, options);
    } finally {
      this.addContent = add;
    }
  };
  try {
    draw();
  } finally {
    d._fragment = fragment;
  }
}

/** A PDF text string as UTF-16BE hex with its byte order mark. */
function utf16Hex(text: string): string {
  return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16().toString('hex').toUpperCase();
}
