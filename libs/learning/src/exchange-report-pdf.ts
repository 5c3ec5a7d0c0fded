import { createPdf, drawQr, rule, writeText } from '#documents';
import { messages } from '#i18n';
import type { ExchangeReport } from './exchange-report.service.js';
import { journalDay, organisationLine, writtenDay } from './report-words.js';

const MARGIN = 56;
const QR = 74;
const GREY = '#444444';

/**
 * The exchange report on A4, in the report's language: partners, dates and place, the
 * programme with local hours and how many visitors attended, the visitors, the entries
 * shared with the network with the hosts' answers, and the verification QR code. Names
 * in any script are written by #documents (a face per run, read back as typed).
 */
export function renderExchangeReportPdf(report: ExchangeReport): Promise<Buffer> {
  const r = withDrawableArrows(report);
  const t = messages(r.locale).learning.report;
  const { doc, done } = createPdf(
    {
      title: `${t.title} — ${r.event.name}`,
      subject: t.lead,
      author: r.partners.host?.name ?? 'Convene',
      lang: r.locale,
    },
    MARGIN,
  );
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  const room = (points: number) => {
    if (doc.y > bottom - points) {
      doc.addPage();
      doc.y = MARGIN;
    }
  };
  const heading = (text: string) => {
    room(80);
    doc.y += 10;
    writeText(doc, text, { bold: true, size: 13, color: '#000000', at: { x: left, y: doc.y } });
    rule(doc, left, width, doc.y + 2);
    doc.y += 8;
  };

  // Reference, date and the verification QR code at the top of the first page: never a
  // page of its own at the end.
  const top = MARGIN - 20;
  const beside = width - QR - 8;
  drawQr(doc, r.verifyUrl, left + width - QR + 6, top - 6, QR);
  writeText(doc, t.reference(r.reference), {
    size: 9,
    bold: true,
    align: 'right',
    width: beside,
    at: { x: left, y: top },
  });
  writeText(doc, t.issued(writtenDay(r.issuedOn, r.locale)), {
    size: 9,
    color: GREY,
    align: 'right',
    width: beside,
  });
  writeText(doc, t.verify, { size: 7.5, color: GREY, align: 'right', width: beside });
  writeText(doc, r.verifyUrl, { size: 7.5, color: GREY, align: 'right', width: beside });
  doc.fillColor('#000000');
  doc.y = Math.max(doc.y, top + QR - 14);
  writeText(doc, t.title, { bold: true, size: 20, at: { x: left, y: doc.y } });
  writeText(doc, r.event.name, { bold: true, size: 13, width });
  writeText(doc, t.datesAndPlace(r.event.dates, r.event.place), { size: 10.5, width });
  doc.moveDown(0.6);
  if (r.partners.host) {
    writeText(doc, t.labelled(t.hostOrg), { bold: true, size: 10.5, continued: true, width });
    writeText(doc, organisationLine(r.partners.host, r.locale), { size: 10.5 });
  }
  if (r.partners.visiting.length) {
    const label = r.partners.visiting.length > 1 ? t.visitingOrgs : t.visitingOrg;
    writeText(doc, t.labelled(label), { bold: true, size: 10.5, continued: true, width });
    writeText(doc, r.partners.visiting.map((o) => organisationLine(o, r.locale)).join(' · '), {
      size: 10.5,
    });
  }
  doc.moveDown(0.4);
  writeText(doc, t.summary(r.visitors.length, r.programme.length, r.entries.length), {
    size: 10.5,
    width,
  });
  doc.moveDown(0.4);
  writeText(doc, t.networkOnly, { size: 9, color: GREY, width });
  doc.fillColor('#000000');

  // Programme: date | hours | session | attended.
  heading(t.programme);
  if (r.programme.length === 0) writeText(doc, t.noProgramme, { size: 10, width });
  else {
    const cols = [
      { x: left, w: 92 },
      { x: left + 96, w: 74 },
      { x: left + 174, w: width - 174 - 70 },
      { x: left + width - 66, w: 66 },
    ];
    const head = () => {
      const y = doc.y;
      [t.date, t.hours, t.session, t.attendance].forEach((label, i) =>
        writeText(doc, label, { bold: true, size: 9, width: cols[i].w, at: { x: cols[i].x, y } }),
      );
      rule(doc, left, width, y + 14);
      doc.y = y + 19;
    };
    head();
    for (const s of r.programme) {
      if (doc.y > bottom - 40) {
        doc.addPage();
        doc.y = MARGIN;
        head();
      }
      const y = doc.y;
      let next = y;
      [s.date, s.hours, s.title, t.attendedOf(s.attended, r.visitors.length)].forEach((cell, i) => {
        writeText(doc, cell, { size: 9.5, width: cols[i].w, at: { x: cols[i].x, y } });
        next = Math.max(next, doc.y);
      });
      doc.y = next + 4;
    }
    writeText(doc, r.event.zone, { size: 8, color: GREY, width, at: { x: left, y: doc.y + 2 } });
    doc.fillColor('#000000');
  }

  heading(t.visitors);
  if (r.visitors.length === 0) writeText(doc, t.noVisitors, { size: 10, width });
  for (const v of r.visitors) {
    room(30);
    writeText(doc, v.name, { bold: true, size: 10.5, width, at: { x: left, y: doc.y } });
    writeText(
      doc,
      [v.organisation, t.sessionsAttended(v.sessionsAttended)].filter(Boolean).join(' · '),
      { size: 9.5, color: GREY, width },
    );
    doc.fillColor('#000000');
    doc.y += 3;
  }

  heading(t.learnt);
  if (r.entries.length === 0) writeText(doc, t.noEntries, { size: 10, width });
  for (const e of r.entries) {
    room(90);
    writeText(doc, journalDay(e.day, r.locale), {
      bold: true,
      size: 10.5,
      width,
      at: { x: left, y: doc.y },
    });
    writeText(doc, [e.author.name, e.author.organisation].filter(Boolean).join(', '), {
      size: 9.5,
      color: GREY,
      width,
    });
    doc.fillColor('#000000');
    for (const [label, text] of [
      [t.observations, e.observations],
      [t.questions, e.questions],
      [t.practice, e.practice],
    ] as const) {
      if (!text) continue;
      room(30);
      writeText(doc, label, { bold: true, size: 9.5, width, at: { x: left + 10, y: doc.y + 3 } });
      writeText(doc, text, { size: 10, width: width - 10 });
    }
    if (e.answer) {
      room(30);
      writeText(doc, t.hostAnswer(e.answer.authorName), {
        bold: true,
        size: 9.5,
        width: width - 20,
        at: { x: left + 20, y: doc.y + 4 },
      });
      writeText(doc, e.answer.body, { size: 10, width: width - 20 });
    }
    doc.y += 8;
  }

  doc.end();
  return done;
}

/**
 * The embedded Noto subsets have no arrows: "Passi → Phnom Penh" would print a missing
 * glyph. An en dash says the same on paper; the web page keeps the arrow as typed.
 */
function withDrawableArrows(r: ExchangeReport): ExchangeReport {
  const fix = (s: string) => s.replace(/\s*[\u2190-\u21ff]\s*/g, ' – ');
  return { ...r, event: { ...r.event, name: fix(r.event.name) } };
}
