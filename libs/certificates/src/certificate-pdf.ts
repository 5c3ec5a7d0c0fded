import { createPdf, drawQr, fontName, textRuns, rule, writeText } from '#documents';
import type { CertificateText } from './certificate-text.js';

const MARGIN = 56;
const QR = 74;
const GREY = '#444444';

/** Images the organisers uploaded for their letters (PNG or JPEG), reused here. */
export interface CertificateImages {
  logo?: Buffer | null;
  signature?: Buffer | null;
}

/**
 * A certificate of attendance on A4: letterhead, title, the person's name on its own
 * line (any script, exactly as typed: #documents picks a face per run), the event, one
 * row per session attended (date, local hours, title, duration), the total, the
 * signature, and the verification QR code with its address. Long lists continue on
 * further pages, the column heads repeated.
 */
export function renderCertificatePdf(
  text: CertificateText,
  images: CertificateImages = {},
): Promise<Buffer> {
  const { doc, done } = createPdf(
    {
      title: `${text.title} — ${text.name}`,
      subject: text.attended,
      author: text.signature[0],
      lang: text.lang,
    },
    MARGIN,
  );
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  doc.fillColor('#000000');

  if (text.letterhead) {
    const top = MARGIN - 20;
    let textLeft = left;
    if (images.logo) {
      doc.image(images.logo, left, top, { fit: [56, 56], valign: 'center' });
      textLeft = left + 70;
    }
    writeText(doc, text.letterhead.name, { bold: true, size: 12, at: { x: textLeft, y: top } });
    for (const line of text.letterhead.lines) {
      writeText(doc, line, { size: 8.5, color: GREY, width: width - (textLeft - left) });
    }
    doc.fillColor('#000000');
    rule(doc, left, width, Math.max(doc.y, images.logo ? top + 58 : doc.y) + 6);
    doc.y += 14;
  }

  writeText(doc, text.placeAndDate, { size: 10, align: 'right', width, at: { x: left, y: doc.y } });
  writeText(doc, text.reference, { size: 10, bold: true, align: 'right', width });
  doc.moveDown(1.2);
  centred(doc, text.title, 20, true, left, width);
  doc.moveDown(1);
  centred(doc, text.certify, 11, false, left, width);
  doc.moveDown(0.4);
  // The name alone on its line, as typed, so it reads back whole.
  centred(doc, text.name, 17, true, left, width);
  if (text.organisation) {
    centred(doc, text.organisation, 11, false, left, width);
  }
  doc.moveDown(0.6);
  writeText(doc, text.attended, { size: 11, width, at: { x: left, y: doc.y } });
  doc.moveDown(1);

  // The sessions: date | hours | title | duration.
  const cols = [
    { x: left, w: 118 },
    { x: left + 122, w: 74 },
    { x: left + 200, w: width - 200 - 76 },
    { x: left + width - 72, w: 72 },
  ];
  const head = () => {
    const y = doc.y;
    text.columns.forEach((label, i) => {
      writeText(doc, label, {
        bold: true,
        size: 9,
        width: cols[i].w,
        at: { x: cols[i].x, y },
      });
    });
    rule(doc, left, width, y + 14);
    doc.y = y + 19;
  };
  head();
  for (const row of text.rows) {
    if (doc.y > bottom - 60) {
      doc.addPage();
      doc.y = MARGIN;
      head();
    }
    const y = doc.y;
    let next = y;
    [row.date, row.hours, row.title, row.duration].forEach((cell, i) => {
      writeText(doc, cell, {
        size: 9.5,
        width: cols[i].w,
        at: { x: cols[i].x, y },
      });
      next = Math.max(next, doc.y);
    });
    doc.y = next + 4;
  }
  rule(doc, left, width, doc.y);
  doc.y += 6;
  writeText(doc, `${text.total[0]} `, {
    bold: true,
    size: 10.5,
    continued: true,
    at: { x: cols[2].x, y: doc.y },
  });
  writeText(doc, text.total[1], { bold: true, size: 10.5 });
  writeText(doc, text.zoneNote, { size: 8, color: GREY, width, at: { x: left, y: doc.y + 4 } });
  doc.fillColor('#000000');

  // Signature and verification need about 150 points: a new page when they do not fit.
  if (doc.y > bottom - 150) {
    doc.addPage();
    doc.y = MARGIN;
  }
  doc.y += 18;
  const signTop = doc.y;
  if (images.signature) {
    doc.image(images.signature, left, signTop, { fit: [150, 46] });
    doc.y = signTop + 50;
  } else {
    doc.y = signTop + 22;
  }
  const [signer, ...role] = text.signature;
  writeText(doc, signer, { bold: true, size: 10, at: { x: left, y: doc.y } });
  for (const line of role) writeText(doc, line, { size: 10, width: width - QR - 16 });

  const qrTop = Math.max(bottom - QR, doc.y + 4);
  const qrLeft = left + width - QR + 6;
  drawQr(doc, text.verifyUrl, qrLeft, qrTop, QR);
  writeText(doc, text.verify, {
    size: 8,
    color: GREY,
    at: { x: left + width - QR - 330, y: qrTop + QR - 36 },
    width: 320,
    align: 'right',
  });
  writeText(doc, text.verifyUrl, { size: 8, color: GREY, width: 320, align: 'right' });
  doc.end();
  return done;
}

/**
 * A line centred on the page. pdfkit cannot centre a line drawn in several runs (an
 * Arabic name after a Latin word, a Vietnamese name split across faces): the runs are
 * measured in their faces and the line starts where it must.
 */
function centred(
  doc: PDFKit.PDFDocument,
  text: string,
  size: number,
  bold: boolean,
  left: number,
  width: number,
): void {
  const weight = bold ? 'bold' : 'regular';
  doc.fontSize(size);
  let measured = 0;
  for (const run of textRuns(text)) {
    doc.font(fontName(run.face, weight));
    measured += doc.widthOfString(run.text, { features: [] } as PDFKit.Mixins.TextOptions);
  }
  const x = measured < width ? left + (width - measured) / 2 : left;
  writeText(doc, text, { size, bold, width: width - (x - left), at: { x, y: doc.y } });
}
