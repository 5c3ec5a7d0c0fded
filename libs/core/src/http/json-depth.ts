/** Deeper JSON than any Convene body needs (the deepest DTO nests 3 levels). */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether a JSON text nests arrays and objects more than `max` levels deep. One pass
 * over the bytes, no recursion (brackets inside strings do not count), so a 20 kB body
 * of 10,000 nested arrays is refused before the parser, validation or any recursive
 * walk can overflow the stack.
 */
export function jsonTooDeep(text: Buffer | string, max = MAX_JSON_DEPTH): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** The body parser's error for a body that is too deep: a 400 that names the body. */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly type = 'entity.too.deep';
  readonly expose = true;
  constructor(max = MAX_JSON_DEPTH) {
    super(`The request body nests arrays or objects more than ${max} levels deep`);
    this.name = 'JsonTooDeepError';
  }
}

/** body-parser's `verify` hook: runs on the raw bytes before JSON.parse. */
export function verifyJsonDepth(_req: unknown, _res: unknown, buf: Buffer): void {
  if (jsonTooDeep(buf)) throw new JsonTooDeepError();
}
