import { createPdf, drawQr, writeText } from '#documents';
import type { LetterText } from './visa-letter.wording.js';

export interface LetterMeta {
  /** Document title and subject, shown by PDF readers; Unicode is fine here. */
  title: string;
  subject: string;
  author: string;
  lang: string;
}

/** Images the organisers uploaded (PNG or JPEG, checked when saved). */
export interface LetterImages {
  logo?: Buffer | null;
  signature?: Buffer | null;
}

const MARGIN = 56;
const QR = 74;
const GREY = '#444444';

/**
 * One A4 page per language (a bilingual letter is two: the participant's language, then
 * the host country's), every name in its own script (#documents embeds the fonts and picks
 * one per run of text): an Arabic, Khmer or Vietnamese name prints exactly as typed.
 */
export function renderVisaLetterPdf(
  versions: LetterText | LetterText[],
  meta: LetterMeta,
  images: LetterImages = {},
): Promise<Buffer> {
  const texts = Array.isArray(versions) ? versions : [versions];
  const { doc, done } = createPdf(meta, MARGIN);
  texts.forEach((text, i) => {
    if (i > 0) doc.addPage();
    page(doc, text, images);
  });
  doc.end();
  return done;
}

function page(doc: PDFKit.PDFDocument, text: LetterText, images: LetterImages): void {
  const width = doc.page.width - 2 * MARGIN;
  const left = MARGIN;
  doc.fillColor('#000000');

  // Letterhead: logo left, the inviting organisation's name, address and contacts beside it.
  if (text.letterhead) {
    const top = MARGIN - 20;
    let textLeft = left;
    if (images.logo) {
      doc.image(images.logo, left, top, { fit: [64, 64], valign: 'center' });
      textLeft = left + 78;
    }
    writeText(doc, text.letterhead.name, {
      bold: true,
      size: 13,
      at: { x: textLeft, y: top + 2 },
      width: width - (textLeft - left),
    });
    for (const line of text.letterhead.lines) {
      writeText(doc, line, { size: 8.5, color: GREY, width: width - (textLeft - left) });
    }
    doc.fillColor('#000000');
    const ruleY = Math.max(doc.y, images.logo ? top + 64 : doc.y) + 8;
    doc
      .save()
      .moveTo(left, ruleY)
      .lineTo(left + width, ruleY)
      .lineWidth(0.6)
      .strokeColor('#8a8a8a')
      .stroke()
      .restore();
    doc.x = left;
    doc.y = ruleY + 12;
  }
  if (text.versionLabel) {
    writeText(doc, text.versionLabel, { size: 8, color: GREY, align: 'left', width });
    doc.fillColor('#000000');
  }

  writeText(doc, text.placeAndDate, { size: 10, align: 'right', width, at: { x: left, y: doc.y } });
  writeText(doc, text.referenceLine, { size: 11, bold: true, align: 'right', width });
  doc.moveDown(0.8);
  if (text.addressee) {
    writeText(doc, text.addressee, { size: 10, bold: true, width, at: { x: left, y: doc.y } });
    doc.moveDown(0.8);
  }
  writeText(doc, text.title, { bold: true, size: 16, at: { x: left, y: doc.y } });
  doc.moveDown(0.3);
  writeText(doc, text.subject, { bold: true, size: 10.5, width });
  doc.moveDown(0.8);
  writeText(doc, text.salutation, { size: 10 });
  doc.moveDown(0.5);
  writeText(doc, text.paragraphs[0], { width, size: 10 });
  doc.moveDown(0.5);
  // One line per fact, so each value reads whole (and a name is never split by wrapping).
  for (const [label, value] of text.details) {
    writeText(doc, `${label}: `, { bold: true, continued: true, indent: 14, size: 10 });
    writeText(doc, value, { width: width - 14 });
  }
  doc.moveDown(0.5);
  for (const sentence of text.coverage) {
    writeText(doc, sentence, { width, size: 10 });
  }
  if (text.coverage.length > 0) doc.moveDown(0.5);
  for (const paragraph of text.paragraphs.slice(1)) {
    writeText(doc, paragraph, { width, size: 10 });
    doc.moveDown(0.4);
  }
  doc.moveDown(0.3);
  writeText(doc, text.closing, { size: 10, width });
  doc.moveDown(0.6);

  // The signature: image, name, title, organisation.
  const blockTop = doc.y;
  if (images.signature) {
    doc.image(images.signature, left, blockTop, { fit: [150, 46] });
    doc.y = blockTop + 50;
  } else {
    doc.y = blockTop + 24;
  }
  const [signer, ...role] = text.signature;
  writeText(doc, signer, { bold: true, size: 10, at: { x: left, y: doc.y } });
  for (const line of role) writeText(doc, line, { size: 10, width: width - QR - 16 });

  // The verification QR code bottom right, its words and address beside it, the footer
  // under, in the bottom margin (no page break: the margin is lifted while they are drawn).
  const bottomMargin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const footerY = doc.page.height - 40;
  const qrTop = Math.max(footerY - 8 - QR, doc.y + 4);
  const qrLeft = left + width - QR + 6;
  drawQr(doc, text.verifyUrl, qrLeft, qrTop, QR);
  writeText(doc, text.verify, {
    size: 8,
    color: GREY,
    at: { x: left + width - QR - 330, y: qrTop + QR - 30 },
    width: 320,
    align: 'right',
  });
  writeText(doc, text.verifyUrl, { size: 8, color: GREY, width: 320, align: 'right' });
  writeText(doc, text.footer, {
    size: 7.5,
    color: '#555555',
    at: { x: left, y: footerY },
    width,
    align: 'center',
    lineBreak: false,
  });
  doc.page.margins.bottom = bottomMargin;
  doc.fillColor('#000000');
}
