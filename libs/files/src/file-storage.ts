/**
 * Where uploaded files (receipts) live. Keys are opaque, made by Convene (never a client's
 * file name), so an implementation may use them as paths or object names as they are.
 */
export interface FileStorage {
  /** Which store this is, for the health of a deployment and the logs ("local", "s3"). */
  readonly kind: string;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** Keys are a few path-safe segments: letters, digits, dashes, dots; no "..". */
export const STORAGE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*){0,4}$/;

export function assertKey(key: string): void {
  if (!STORAGE_KEY.test(key) || key.includes('..')) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}
