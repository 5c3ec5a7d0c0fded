import PDFDocument from 'pdfkit';
import type { LetterText } from './visa-letter.wording.js';

/** Characters of WinAnsiEncoding beyond Latin-1: the built-in PDF fonts draw only these. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function drawable(c: string): boolean {
  const code = c.codePointAt(0)!;
  return (
    c === '\n' ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(c)
  );
}

/**
 * The built-in Helvetica (no font file to ship, nothing fetched) covers French and
 * Spanish; a letter outside it (ễ, ł) loses its accent rather than printing garbage.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const c of text.replace(/[\u2009\u202f]/g, ' ')) {
    if (drawable(c)) out += c;
    else {
      const base = c.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...base].every(drawable) && base ? base : '?';
    }
  }
  return out;
}

export interface LetterMeta {
  /** Document title and subject, shown by PDF readers; Unicode is fine here. */
  title: string;
  subject: string;
  author: string;
  lang: string;
}

/**
 * One A4 page. Uncompressed: a page of text is a few kilobytes either way, and plain
 * content streams let tests and support staff read the text without a PDF library.
 */
export function renderVisaLetterPdf(text: LetterText, meta: LetterMeta): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 64,
    compress: false,
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
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = toWinAnsi;
  const width = doc.page.width - 128;

  doc.font('Helvetica').fontSize(10).text(w(text.placeAndDate), { align: 'right', width });
  doc.moveDown(2);
  doc.font('Helvetica-Bold').fontSize(18).text(w(text.title));
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(11).text(w(text.subject));
  doc.moveDown(1.5);
  doc.font('Helvetica').fontSize(11).text(w(text.salutation));
  doc.moveDown();
  doc.text(w(text.paragraphs[0]), { width });
  doc.moveDown();
  // One line per fact, so each value reads whole (and a name is never split by wrapping).
  for (const [label, value] of text.details) {
    doc.font('Helvetica-Bold').text(`${w(label)}: `, { continued: true, indent: 16 });
    doc.font('Helvetica').text(w(value));
  }
  doc.moveDown();
  for (const paragraph of text.paragraphs.slice(1)) {
    doc.text(w(paragraph), { width });
    doc.moveDown(0.6);
  }
  doc.moveDown();
  doc.text(w(text.closing));
  doc.moveDown(2.5);
  const [signer, ...role] = text.signature;
  doc.font('Helvetica-Bold').text(w(signer));
  for (const line of role) doc.font('Helvetica').text(w(line));
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#555555')
    .text(w(text.footer), 64, doc.page.height - 90, { width, align: 'center', lineBreak: false });
  doc.end();
  return done;
}
