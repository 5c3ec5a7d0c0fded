import { Transform } from 'class-transformer';

const each = (fn: (s: string) => string) => (value: unknown) =>
  typeof value === 'string' ? fn(value) : value;

/** Applies to a text field, or to each text of a list field (languages, nationalities). */
const map = (fn: (s: string) => string) => () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map(each(fn)) : each(fn)(value),
  );

/** Trims surrounding spaces people paste in from phones and spreadsheets. */
export const Trim = map((s) => s.trim());
/** Trims and capitalises: country codes typed as "ma" become "MA". */
export const TrimUpper = map((s) => s.trim().toUpperCase());
/** Trims and lower-cases: emails compare case-insensitively. */
export const TrimLower = map((s) => s.trim().toLowerCase());

/** A LIKE/ILIKE pattern matching `text` anywhere, with its own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * SQL that is true when `column` contains the search text held by the `param`
 * placeholder (built with containsPattern), ignoring case and accents.
 */
export function foldedContains(column: string, param: string): string {
  return `convene_fold(${column}) LIKE convene_fold(${param})`;
}
