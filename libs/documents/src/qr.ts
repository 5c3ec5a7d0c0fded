import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let qrcode: typeof import('qrcode') | undefined;

/**
 * Draws a QR code (error correction M) as filled squares: vector, sharp at any print
 * size, no image to embed. `size` is the side in points, quiet zone included.
 */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  qrcode ??= require('qrcode') as typeof import('qrcode'); // on first use, as pdfkit is
  const qr = qrcode.create(text, { errorCorrectionLevel: 'M' });
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
