import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let qrcode: typeof import('qrcode') | undefined;

/** On first use, as pdfkit is: most processes never draw one. */
const qrLibrary = () => (qrcode ??= require('qrcode') as typeof import('qrcode'));

/**
 * Draws a QR code (error correction M) as filled squares: vector, sharp at any print
 * size, no image to embed. `size` is the side in points, quiet zone included.
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = qrLibrary().create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / (count + 8);
  doc.save().fillColor('#000000');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) {
        doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
      }
    }
  }
  doc.fill().restore();
  return doc;
}

/** The same code as an SVG image for a page (a phone scans it off the screen). */
export function qrSvg(text: string): Promise<string> {
  return qrLibrary().toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
