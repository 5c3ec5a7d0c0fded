import { createPdf, drawQr, fontName, textRuns, writeText } from '#documents';

/** What one badge prints: every text already in the reader's language. */
export interface BadgeFace {
  name: string;
  organisation: string;
  country: string;
  /** Profession (or staff role) in words. */
  role: string;
  /** Organiser, Facilitator, Host: a staff badge says it on a coloured band. */
  staffRole: string | null;
  /** What the QR code carries: the verification URL holding the check-in code. */
  qrText: string;
  /** The code printed under the QR code, for a desk typing it by hand. */
  code: string;
}

export interface BadgeSheetMeta {
  title: string;
  eventName: string;
  /** "25–30 October 2027 · Tangier": under the event's name on every badge. */
  eventLine: string;
  cutHint: string;
  lang: string;
}

// A4 in points, 2 columns x 3 rows: badges of 98 x 94 mm that fit a standard holder.
const PAGE_MARGIN = 20;
const COLS = 2;
const ROWS = 3;
const PAD = 14;
const QR = 86;
const INK = '#111111';
const MUTED = '#444444';
const ACCENT = '#0b5d63';

type Doc = PDFKit.PDFDocument;

/** The width of a text in any script at a size: the sum of its runs, each in its face. */
function widthOf(doc: Doc, text: string, size: number, bold: boolean): number {
  let width = 0;
  for (const run of textRuns(text)) {
    doc.font(fontName(run.face, bold ? 'bold' : 'regular')).fontSize(size);
    width += doc.widthOfString(run.text, { features: [] } as PDFKit.Mixins.TextOptions);
  }
  return width;
}

/** Words into lines no wider than `max` at `size` (a word wider than a line keeps a line). */
function wrap(doc: Doc, text: string, size: number, bold: boolean, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && widthOf(doc, `${last} ${word}`, size, bold) <= max) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines.length ? lines : [''];
}

/**
 * The largest size from `max` down to `min` at which the text fits in `maxLines` lines of
 * `width`; a long Arabic or Vietnamese name shrinks, then wraps, and is never cut.
 */
export function fitText(
  doc: Doc,
  text: string,
  opts: { width: number; max: number; min: number; maxLines: number; bold: boolean },
): { size: number; lines: string[] } {
  for (let size = opts.max; size >= opts.min; size -= 0.5) {
    if (widthOf(doc, text, size, opts.bold) <= opts.width) return { size, lines: [text.trim()] };
  }
  for (let size = opts.max; size >= opts.min; size -= 0.5) {
    const lines = wrap(doc, text, size, opts.bold, opts.width);
    const fits = lines.every((l) => widthOf(doc, l, size, opts.bold) <= opts.width);
    if (lines.length <= opts.maxLines && fits) return { size, lines };
  }
  return { size: opts.min, lines: wrap(doc, text, opts.min, opts.bold, opts.width) };
}

/** Draws lines centred in [x, x + width] from y; returns the y under the last line. */
function centred(
  doc: Doc,
  lines: string[],
  x: number,
  y: number,
  width: number,
  size: number,
  style: { bold: boolean; color: string; leading?: number },
): number {
  const step = size * (style.leading ?? 1.22);
  lines.forEach((line, i) => {
    const w = Math.min(widthOf(doc, line, size, style.bold), width);
    writeText(doc, line, {
      size,
      bold: style.bold,
      color: style.color,
      at: { x: x + (width - w) / 2, y: y + i * step },
      lineBreak: false,
    });
  });
  return y + lines.length * step;
}

function drawBadge(doc: Doc, badge: BadgeFace, meta: BadgeSheetMeta, x: number, y: number) {
  const w = (doc.page.width - 2 * PAGE_MARGIN) / COLS;
  const h = (doc.page.height - 2 * PAGE_MARGIN) / ROWS;
  const inner = w - 2 * PAD;
  let top = y + PAD;

  // The event, small, and a coloured band for staff.
  const event = fitText(doc, meta.eventName, {
    width: inner,
    max: 10,
    min: 7,
    maxLines: 1,
    bold: true,
  });
  top = centred(doc, event.lines, x + PAD, top, inner, event.size, { bold: true, color: ACCENT });
  top = centred(doc, [meta.eventLine], x + PAD, top, inner, 8, { bold: false, color: MUTED });
  if (badge.staffRole) {
    doc
      .save()
      .rect(x + PAD, top + 2, inner, 14)
      .fill(ACCENT)
      .restore();
    centred(doc, [badge.staffRole.toUpperCase()], x + PAD, top + 4, inner, 8.5, {
      bold: true,
      color: '#ffffff',
    });
  }
  top += 22;

  // The name, as large as it fits on two lines.
  const name = fitText(doc, badge.name, {
    width: inner,
    max: 26,
    min: 11,
    maxLines: 2,
    bold: true,
  });
  const nameBox = 2 * 26 * 1.15;
  const nameLines = name.lines.length * name.size * 1.15;
  centred(
    doc,
    name.lines,
    x + PAD,
    top + Math.max(0, (nameBox - nameLines) / 2),
    inner,
    name.size,
    {
      bold: true,
      color: INK,
      leading: 1.15,
    },
  );
  top += nameBox + 6;

  // Organisation, country, role on the left; the QR code bottom right.
  const qrX = x + w - PAD - QR + 6;
  const qrY = y + h - PAD - QR - 4;
  const colWidth = qrX - (x + PAD) - 4;
  const org = fitText(doc, badge.organisation, {
    width: colWidth,
    max: 11,
    min: 7.5,
    maxLines: 3,
    bold: true,
  });
  const left = (lines: string[], size: number, bold: boolean, color: string) => {
    for (const line of lines) {
      writeText(doc, line, { size, bold, color, at: { x: x + PAD, y: top }, lineBreak: false });
      top += size * 1.25;
    }
  };
  left(org.lines, org.size, true, INK);
  top += 3;
  const country = fitText(doc, badge.country, {
    width: colWidth,
    max: 10,
    min: 7,
    maxLines: 2,
    bold: false,
  });
  left(country.lines, country.size, false, MUTED);
  const role = fitText(doc, badge.role, {
    width: colWidth,
    max: 10,
    min: 7,
    maxLines: 2,
    bold: false,
  });
  left(role.lines, role.size, false, MUTED);

  drawQr(doc, badge.qrText, qrX, qrY, QR);
  // The code on one line whatever its letters: a code wider than the QR at 6 pt (wide
  // letters such as W and M) is set smaller, never broken (a desk types it whole).
  doc.font(fontName('latin', 'regular')).fontSize(6).fillColor(MUTED);
  const wide = doc.widthOfString(badge.code);
  if (wide > QR) doc.fontSize((6 * QR) / wide);
  const width = doc.widthOfString(badge.code);
  doc.text(badge.code, qrX + (QR - width) / 2, qrY + QR - 3, { lineBreak: false });
}

/** Dotted cut lines around every cell of the sheet (the outer frame included). */
function drawCutLines(doc: Doc) {
  const w = (doc.page.width - 2 * PAGE_MARGIN) / COLS;
  const h = (doc.page.height - 2 * PAGE_MARGIN) / ROWS;
  doc.save().lineWidth(0.5).strokeColor('#8a8a8a').dash(3, { space: 3 });
  for (let c = 0; c <= COLS; c++) {
    const x = PAGE_MARGIN + c * w;
    doc
      .moveTo(x, PAGE_MARGIN - 8)
      .lineTo(x, doc.page.height - PAGE_MARGIN + 8)
      .stroke();
  }
  for (let r = 0; r <= ROWS; r++) {
    const y = PAGE_MARGIN + r * h;
    doc
      .moveTo(PAGE_MARGIN - 8, y)
      .lineTo(doc.page.width - PAGE_MARGIN + 8, y)
      .stroke();
  }
  doc.undash().restore();
}

/**
 * A4 sheets of six badges with dotted cut lines; one badge gives one sheet with one
 * badge. Every name in its own script, shrunk then wrapped to fit, never cut.
 */
export function renderBadgeSheets(badges: BadgeFace[], meta: BadgeSheetMeta): Promise<Buffer> {
  const { doc, done } = createPdf(
    { title: meta.title, subject: meta.eventName, author: 'Convene', lang: meta.lang },
    0,
  );
  const perPage = COLS * ROWS;
  const w = (doc.page.width - 2 * PAGE_MARGIN) / COLS;
  const h = (doc.page.height - 2 * PAGE_MARGIN) / ROWS;
  badges.forEach((badge, i) => {
    const slot = i % perPage;
    if (slot === 0) {
      if (i > 0) doc.addPage({ size: 'A4', margin: 0 });
      drawCutLines(doc);
      doc.font(fontName('latin', 'regular')).fontSize(6).fillColor('#8a8a8a');
      doc.text(meta.cutHint, PAGE_MARGIN, doc.page.height - PAGE_MARGIN + 6, { lineBreak: false });
    }
    const x = PAGE_MARGIN + (slot % COLS) * w;
    const y = PAGE_MARGIN + Math.floor(slot / COLS) * h;
    drawBadge(doc, badge, meta, x, y);
  });
  if (badges.length === 0) drawCutLines(doc);
  doc.end();
  return done;
}
