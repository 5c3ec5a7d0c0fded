import { execFileSync } from 'node:child_process';

/** Directional marks pdftotext puts around right-to-left text in a left-to-right line. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text of a PDF as pdftotext (poppler-utils) reads it, as a consulate officer or a
 * screen reader copying it would get it: fonts embedded, glyphs mapped back to Unicode.
 * The bidi embedding marks pdftotext adds around an Arabic name are dropped.
 */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
    .toString('utf8')
    .replace(BIDI_CONTROLS, '')
    .replace(/\f/g, '');
}

/** A document information entry (Title, Subject, Author), written as UTF-16BE with a BOM or as plain text. */
export function pdfInfo(pdf: Buffer, key: string): string | undefined {
  const source = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(source);
  const value = ref
    ? new RegExp(`\\n${ref[1]} 0 obj\\s*\\(([\\s\\S]*?)\\)\\s*endobj`).exec(source)?.[1]
    : new RegExp(`/${key} \\(([\\s\\S]*?)\\)`).exec(source)?.[1];
  if (value === undefined) return undefined;
  const bytes = Buffer.from(value.replace(/\\([()\\])/g, '$1'), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}
