import { createPdf, drawQr, writeText } from '#documents';
import type { LetterText } from './visa-letter.wording.js';

export interface LetterMeta {
  /** Document title and subject, shown by PDF readers; Unicode is fine here. */
  title: string;
  subject: string;
  author: string;
  lang: string;
}

/**
 * One A4 page, every name in its own script (#documents embeds the fonts and picks one
 * per run of text): an Arabic, Khmer or Vietnamese name prints exactly as typed.
 */
export function renderVisaLetterPdf(text: LetterText, meta: LetterMeta): Promise<Buffer> {
  const { doc, done } = createPdf(meta);
  const width = doc.page.width - 128;

  writeText(doc, text.placeAndDate, { size: 10, align: 'right', width });
  writeText(doc, text.referenceLine, { size: 10, align: 'right', width });
  doc.moveDown(2);
  writeText(doc, text.title, { bold: true, size: 18 });
  doc.moveDown(0.5);
  writeText(doc, text.subject, { bold: true, size: 11 });
  doc.moveDown(1.5);
  writeText(doc, text.salutation, { size: 11 });
  doc.moveDown();
  writeText(doc, text.paragraphs[0], { width });
  doc.moveDown();
  // One line per fact, so each value reads whole (and a name is never split by wrapping).
  for (const [label, value] of text.details) {
    writeText(doc, `${label}: `, {
      bold: true,
      continued: true,
      indent: 16,
    });
    writeText(doc, value);
  }
  doc.moveDown();
  for (const paragraph of text.paragraphs.slice(1)) {
    writeText(doc, paragraph, { width });
    doc.moveDown(0.6);
  }
  doc.moveDown();
  writeText(doc, text.closing);
  doc.moveDown(2.5);
  const [signer, ...role] = text.signature;
  writeText(doc, signer, { bold: true });
  for (const line of role) writeText(doc, line);
  // The verification QR code and its address, bottom right, above the footer.
  const qr = 76;
  const qrTop = doc.page.height - 100 - qr;
  drawQr(doc, text.verifyUrl, doc.page.width - 64 - qr + 8, qrTop, qr);
  writeText(doc, text.verify, {
    size: 8,
    color: '#333333',
    at: { x: 64, y: qrTop + 22 },
    width: width - qr,
  });
  writeText(doc, text.verifyUrl, { size: 8, color: '#333333', width: width - qr });
  writeText(doc, text.footer, {
    size: 8,
    color: '#555555',
    at: { x: 64, y: doc.page.height - 90 },
    width,
    align: 'center',
    lineBreak: false,
  });
  doc.end();
  return done;
}
