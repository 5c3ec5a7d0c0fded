import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsqr from 'jsqr';
import pngjs from 'pngjs';

/** jsqr is CommonJS with a `default` export; under ESM that lands one level down. */
const jsQR = ((jsqr as unknown as { default?: unknown }).default ?? jsqr) as typeof jsqr.default;
const { PNG } = pngjs;

export interface QrDecodeOptions {
  /** The page to read, counted from 1 (default 1). */
  page?: number;
  /**
   * Rendering resolution. 200 dpi reads a 2 cm code (letters, certificates, a sheet of
   * badges) reliably; pass more for smaller codes.
   */
  dpi?: number;
}

/** One page of a PDF rendered by pdftoppm (poppler-utils) as a PNG, in grey. */
export function renderPdfPage(pdf: Buffer, options: QrDecodeOptions = {}): Buffer {
  const page = String(options.page ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'qr-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-gray',
      '-r',
      String(options.dpi ?? 200),
      '-f',
      page,
      '-l',
      page,
      '-singlefile',
      join(dir, 'doc.pdf'),
      join(dir, 'page'),
    ]);
    return readFileSync(join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Square-ish patches of ink, each a candidate QR code: the page is cut into 4-pixel
 * cells, a cell with any dark pixel is ink, ink closer than two cells is joined, and each
 * joined patch whose box is roughly square and big enough is a candidate. A QR code's
 * quiet zone (4 modules of white) keeps it apart from text and from the next code.
 */
function inkPatches(gray: Uint8Array, width: number, height: number): Box[] {
  const cell = 4;
  const reach = 2;
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const ink = new Uint8Array(cols * rows);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / cell) * cols;
    for (let x = 0; x < width; x++) {
      if (gray[y * width + x] < 128) ink[row + Math.floor(x / cell)] = 1;
    }
  }
  const seen = new Uint8Array(cols * rows);
  const boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
    const box = { x0: cols, y0: rows, x1: 0, y1: 0 };
    while (stack.length > 0) {
      const at = stack.pop()!;
      const cx = at % cols;
      const cy = (at - cx) / cols;
      box.x0 = Math.min(box.x0, cx);
      box.x1 = Math.max(box.x1, cx);
      box.y0 = Math.min(box.y0, cy);
      box.y1 = Math.max(box.y1, cy);
      for (let ny = Math.max(0, cy - reach); ny <= Math.min(rows - 1, cy + reach); ny++) {
        for (let nx = Math.max(0, cx - reach); nx <= Math.min(cols - 1, cx + reach); nx++) {
          const next = ny * cols + nx;
          if (ink[next] && !seen[next]) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    const w = box.x1 - box.x0 + 1;
    const h = box.y1 - box.y0 + 1;
    if (w >= 8 && h >= 8 && w <= 2 * h && h <= 2 * w) {
      boxes.push({
        x0: box.x0 * cell,
        y0: box.y0 * cell,
        x1: (box.x1 + 1) * cell,
        y1: (box.y1 + 1) * cell,
      });
    }
  }
  return boxes;
}

/** jsQR on one part of the image (white margin around it), or on all of it. */
function readBox(gray: Uint8Array, width: number, height: number, box: Box): string | undefined {
  const pad = 16;
  const w = Math.min(width, box.x1) - Math.max(0, box.x0) + 2 * pad;
  const h = Math.min(height, box.y1) - Math.max(0, box.y0) + 2 * pad;
  const rgba = new Uint8ClampedArray(w * h * 4).fill(255);
  for (let y = Math.max(0, box.y0); y < Math.min(height, box.y1); y++) {
    for (let x = Math.max(0, box.x0); x < Math.min(width, box.x1); x++) {
      const v = gray[y * width + x];
      const o = ((y - box.y0 + pad) * w + (x - box.x0 + pad)) * 4;
      rgba[o] = v;
      rgba[o + 1] = v;
      rgba[o + 2] = v;
    }
  }
  return jsQR(rgba, w, h, { inversionAttempts: 'dontInvert' })?.data;
}

/**
 * The text of every QR code in a PNG, top to bottom then left to right. jsQR reads one
 * code per image and is slow on a whole page, so each square patch of ink is read alone.
 */
export function decodeQrCodesInPng(png: Buffer): string[] {
  const image = PNG.sync.read(png);
  const { width, height, data } = image;
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = data[i * 4];
  const found: { data: string; box: Box }[] = [];
  for (const box of inkPatches(gray, width, height)) {
    const text = readBox(gray, width, height, box);
    if (text !== undefined) found.push({ data: text, box });
  }
  return found
    .sort((a, b) =>
      Math.abs(a.box.y0 - b.box.y0) > 20 ? a.box.y0 - b.box.y0 : a.box.x0 - b.box.x0,
    )
    .map((c) => c.data);
}

/** The text of every QR code on one page of a PDF (page 1 unless told), top to bottom. */
export function decodePdfQrCodes(pdf: Buffer, options: QrDecodeOptions = {}): string[] {
  return decodeQrCodesInPng(renderPdfPage(pdf, options));
}

/** The text of the one QR code on a PDF page; throws when there is none or more than one. */
export function decodePdfQrCode(pdf: Buffer, options: QrDecodeOptions = {}): string {
  const codes = decodePdfQrCodes(pdf, options);
  if (codes.length !== 1) {
    throw new Error(`expected one QR code on the page, found ${codes.length}`);
  }
  return codes[0];
}

/** The path of a verification URL (`/verify/<code>`) read from a QR code, for a test client. */
export function verifyPath(url: string): string {
  const path = new URL(url).pathname;
  if (!/^\/verify\/[^/]+$/.test(path)) throw new Error(`not a verification URL: ${url}`);
  return path;
}
