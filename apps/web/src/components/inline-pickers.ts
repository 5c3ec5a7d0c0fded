/*
 * A picker (a select) in every row of a list is quick while the list is short. Each one
 * lists every choice, so rows × choices grows fast: 500 people and as many rooms made a
 * page of hundreds of thousands of options (tens of megabytes on an organiser's phone).
 * Beyond these limits each row links to a page with the same picker once.
 */
const MAX_ROWS = 20;
const MAX_OPTIONS = 2_000;

/** Whether a list of `rows` rows may carry a picker of `choices` options in each row. */
export function inlinePickers(rows: number, choices: number): boolean {
  return choices > 0 && rows <= MAX_ROWS && rows * choices <= MAX_OPTIONS;
}
