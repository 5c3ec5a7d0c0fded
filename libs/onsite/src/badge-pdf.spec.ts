import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { type BadgeFace, renderBadgeSheets } from './badge-pdf.js';

const text = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
    .toString('utf8')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ');

const face = (name: string, organisation: string): BadgeFace => ({
  name,
  organisation,
  country: 'Cambodge',
  role: 'Travailleur·se social·e',
  staffRole: null,
  qrText: 'https://convene.example/verify/AAAAAAAAAAAAAAAAAAAAAA',
  code: 'AAAAAAAAAAAAAAAAAAAAAA',
});

const meta = {
  title: 'Badges',
  eventName: 'Communities of Practice and Knowledge 2027',
  eventLine: '25–30 octobre 2027 · Tanger',
  cutHint: 'Découper le long des pointillés',
  lang: 'fr',
};

describe('badge sheets', () => {
  it('prints the check-in code on one line, however wide its letters', async () => {
    const code = 'MWmwMWmwMWmwMWmwMWmwMW';
    const pdf = await renderBadgeSheets([{ ...face('Awa Diallo', 'Kogl Taaba'), code }], meta);
    const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
      .toString('utf8')
      .split('\n');
    expect(lines.map((l) => l.trim())).toContain(code);
  });

  it.each([
    ['ចាន់ ធីតា', 'មជ្ឈមណ្ឌល កុមារ'],
    ['محمد بن عبد الله العلوي', 'جمعية التضامن للتنمية'],
    ['Nguyễn Thị Hằng', 'Trung tâm Công tác xã hội'],
  ])('prints %s and %s exactly', async (name, org) => {
    const pdf = await renderBadgeSheets([face(name, org)], meta);
    if (process.env.BADGE_PDF_OUT) writeFileSync(process.env.BADGE_PDF_OUT, pdf);
    const read = text(pdf);
    expect(read).toContain(name);
    expect(read).toContain(org);
  });

  it('prints every name of a sheet exactly', async () => {
    const people = [
      ['محمد بن عبد الله العلوي', 'جمعية التضامن للتنمية'],
      ['Nguyễn Thị Hằng', 'Trung tâm Công tác xã hội'],
      ['José Ángel Muñoz Peña', 'Fundación Niñez y Familia'],
      ['Françoise Lefèvre-Béranger', 'Maison des Familles de Saint-Étienne'],
      ['ចាន់ ធីតា', 'មជ្ឈមណ្ឌល កុមារ'],
    ];
    const pdf = await renderBadgeSheets(
      people.map(([n, o]) => face(n, o)),
      meta,
    );
    if (process.env.BADGE_PDF_OUT) writeFileSync(process.env.BADGE_PDF_OUT, pdf);
    const read = text(pdf);
    for (const [n, o] of people) {
      expect(read).toContain(n);
      expect(read).toContain(o);
    }
  });

  it('shrinks then wraps a very long name, never cutting it', async () => {
    const long = 'Nguyễn Thị Phương Thảo Hoàng Trần Bích Ngọc Lê Thị Minh Khai';
    const pdf = await renderBadgeSheets(
      [
        {
          ...face(long, 'Association Marocaine pour l’Accompagnement des Familles et de l’Enfance'),
          staffRole: 'Animation',
        },
      ],
      meta,
    );
    if (process.env.BADGE_PDF_OUT) writeFileSync(process.env.BADGE_PDF_OUT, pdf);
    expect(text(pdf)).toContain(long);
  });
});
