/** The grey of a thin rule between a document's parts (dark enough to print). */
export const RULE_COLOUR = '#8a8a8a';

/**
 * A thin horizontal rule from `left` across `width` at `y`, in the document's own state
 * untouched (colour and width restored); the text goes on from the rule's height.
 */
export function rule(doc: PDFKit.PDFDocument, left: number, width: number, y: number): void {
  doc
    .save()
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.6)
    .strokeColor(RULE_COLOUR)
    .stroke()
    .restore();
  doc.y = y;
}
