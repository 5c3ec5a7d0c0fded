import { execFileSync } from 'node:child_process';
import { createPdf, writeText } from './pdf.js';

/*
 * Khmer glyphs are drawn in visual order (ែ before its consonant, a subscript ្រ before
 * its base): without an ActualText span, text extraction returns them in that order.
 */
describe('Khmer text in a PDF', () => {
  it('reads back exactly as typed, on its own line with its label', async () => {
    const names = ['ស្ត្រី ខ្មែរ', 'កម្ពុជា', 'ចាន់ ធីតា', 'អង្គការ ស្ត្រី ខ្មែរ'];
    const pdf = createPdf({ title: 'Khmer', subject: 'test', author: 'Convene', lang: 'km' });
    for (const name of names) writeText(pdf.doc, `Nom : ${name} (Cambodge)`, { size: 14 });
    pdf.doc.end();
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await pdf.done })
      .toString('utf8')
      .split('\n')
      .map((line) => line.trim());
    for (const name of names) expect(text).toContain(`Nom : ${name} (Cambodge)`);
  });
});
