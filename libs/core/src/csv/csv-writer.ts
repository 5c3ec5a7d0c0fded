import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/*
 * The one CSV writer of the system: every spreadsheet Convene hands out (registrations,
 * arrivals, bus lists, and any new one) is written here, so none can forget a rule.
 *
 * - Formula injection (OWASP "CSV Injection"): a text cell that begins with `=`, `+`, `-`,
 *   `@`, a tab or a carriage return is what Excel, LibreOffice and Google Sheets run as a
 *   formula. Such a cell gets a leading single quote, which every one of them reads as
 *   "this is text" and does not show. A participant named `=HYPERLINK(...)` stays a name,
 *   and a phone such as `+212 6 61 24 87 30` stays text (not a sum, not a number losing
 *   its `+`). Numbers the code itself writes are left alone.
 * - A UTF-8 byte order mark first, so Excel reads Nguyễn, Traoré and Arabic names right.
 * - CRLF line ends, fields quoted only when they need it (separator, quote, CR or LF:
 *   a note typed on two lines stays one cell, RFC 4180).
 * - Comma by default; semicolon for French and Spanish Excel, whose list separator is `;`
 *   (the decimal separator there is the comma, so a comma-separated file opens as one
 *   column).
 */

export const CSV_SEPARATORS = ['comma', 'semicolon'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

export interface CsvOptions {
  separator?: CsvSeparator;
}

export type CsvCell = string | number | boolean | null | undefined;

const DELIMITER: Record<CsvSeparator, string> = { comma: ',', semicolon: ';' };

/** The first characters that make a spreadsheet read a cell as a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

export const UTF8_BOM = '\uFEFF';

/** One cell as text a spreadsheet will never run: formula-like text gets a leading quote. */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Cells that must be quoted (RFC 4180): those holding the separator, a quote, CR or LF. */
const NEEDS_QUOTES: Record<CsvSeparator, RegExp> = { comma: /[",\r\n]/, semicolon: /[";\r\n]/ };

/** One cell as it is written: neutralised, then quoted when it needs it (RFC 4180). */
function cellText(value: CsvCell, needsQuotes: RegExp): string {
  const text = neutraliseCell(value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row as a line of the file, its CRLF included. */
function csvLine(row: readonly CsvCell[], delimiter: string, needsQuotes: RegExp): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) line += delimiter;
    line += cellText(row[i], needsQuotes);
  }
  return `${line}\r\n`;
}

/**
 * Rows (the first one usually the header) as a CSV file's text: BOM, neutralised cells,
 * CRLF, the separator asked for. Rows may have different lengths (a preamble before a table).
 * Written by hand rather than through csv-stringify: an export of 10,000 registrations
 * is 170,000 cells, on which csv-stringify spent twice the CPU (117 ms against 57), and
 * its 6.x releases leave a line break inside a cell unquoted, splitting the row in two.
 */
export function writeCsv(rows: readonly CsvCell[][], options: CsvOptions = {}): string {
  const separator = options.separator ?? 'comma';
  const delimiter = DELIMITER[separator];
  const needsQuotes = NEEDS_QUOTES[separator];
  const lines: string[] = [UTF8_BOM];
  for (const row of rows) lines.push(csvLine(row, delimiter, needsQuotes));
  return lines.join('');
}

/**
 * A table: the header from each column, then one row per item. Keeps each header next to
 * the value it takes, so the two never drift apart.
 */
export function writeCsvTable<T>(
  columns: ReadonlyArray<readonly [header: string, cell: (item: T) => CsvCell]>,
  items: readonly T[],
  options: CsvOptions = {},
  preamble: CsvCell[][] = [],
): string {
  return writeCsv(
    [
      ...preamble,
      columns.map(([header]) => header),
      ...items.map((item) => columns.map(([, cell]) => cell(item))),
    ],
    options,
  );
}

/** Characters of text gathered before they are encoded into the file's bytes. */
const CHUNK_CHARS = 16_384;

/**
 * The same file as writeCsvTable, byte for byte, as UTF-8 bytes, written as the items
 * arrive (`add` once per batch of rows read): for the large exports (10,000
 * registrations). Each line is written straight from its item, with no row arrays, and
 * the text is encoded a few lines at a time into buffers outside the JavaScript heap: one
 * string of 2 MB and more, and the garbage of building it, cost as much CPU again as the
 * cells (most of it the collector's).
 */
export class CsvTableBytes<T> {
  private readonly delimiter: string;
  private readonly needsQuotes: RegExp;
  private readonly cells: Array<(item: T) => CsvCell>;
  private readonly parts: Buffer[] = [];
  private chunk: string;

  constructor(
    columns: ReadonlyArray<readonly [header: string, cell: (item: T) => CsvCell]>,
    options: CsvOptions = {},
  ) {
    const separator = options.separator ?? 'comma';
    this.delimiter = DELIMITER[separator];
    this.needsQuotes = NEEDS_QUOTES[separator];
    this.cells = columns.map(([, cell]) => cell);
    this.chunk =
      UTF8_BOM +
      csvLine(
        columns.map(([header]) => header),
        this.delimiter,
        this.needsQuotes,
      );
  }

  add(items: Iterable<T>): this {
    const { cells, delimiter, needsQuotes } = this;
    let chunk = this.chunk;
    for (const item of items) {
      let line = '';
      for (let i = 0; i < cells.length; i++) {
        if (i > 0) line += delimiter;
        line += cellText(cells[i](item), needsQuotes);
      }
      chunk += `${line}\r\n`;
      // Whole lines only, so a character is never cut in two between chunks.
      if (chunk.length >= CHUNK_CHARS) {
        this.parts.push(Buffer.from(chunk, 'utf8'));
        chunk = '';
      }
    }
    this.chunk = chunk;
    return this;
  }

  /** The whole file so far. */
  bytes(): Buffer {
    return Buffer.concat([...this.parts, Buffer.from(this.chunk, 'utf8')]);
  }
}

/** writeCsvTable's file as UTF-8 bytes, for items already at hand (see CsvTableBytes). */
export function writeCsvTableBytes<T>(
  columns: ReadonlyArray<readonly [header: string, cell: (item: T) => CsvCell]>,
  items: Iterable<T>,
  options: CsvOptions = {},
): Buffer {
  return new CsvTableBytes(columns, options).add(items).bytes();
}

/**
 * The separator for a person reading a page: what they asked for (`?separator=`), else
 * the semicolon when they read French or Spanish (their Excel expects it), else the comma.
 * The API never guesses: it takes `?separator=semicolon` and writes commas otherwise.
 */
export function csvSeparatorFor(locale: string, asked?: unknown): CsvSeparator {
  if (typeof asked === 'string' && (CSV_SEPARATORS as readonly string[]).includes(asked)) {
    return asked as CsvSeparator;
  }
  return locale === 'fr' || locale === 'es' ? 'semicolon' : 'comma';
}

/** The `separator` query field of every API route that offers `?format=csv`. */
export function CsvSeparatorQuery(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: CSV_SEPARATORS,
      default: 'comma',
      description:
        'With format=csv: `semicolon` for French and Spanish Excel (whose list separator is ";"). ' +
        'Every CSV starts with a UTF-8 BOM; cells that begin with =, +, -, @, tab or carriage ' +
        'return get a leading single quote so spreadsheets read them as text, never formulas.',
    }),
    IsOptional(),
    IsIn(CSV_SEPARATORS as unknown as string[], {
      message: 'separator must be comma or semicolon',
    }),
  );
}
