import type { NextFunction, Request, Response } from 'express';
import { notFound } from '#core';
import type { UploadCheck } from './upload-gate.js';

/** A file field as the form sent it. */
export interface FormFile {
  buffer: Buffer;
  /** The name on the sender's disk (for display only, never a path). */
  originalname: string;
  /** The type the browser claimed: services check the bytes themselves. */
  type: string;
  size: number;
}

/** What multipartForm leaves on the request. */
export interface MultipartRequest {
  body: Record<string, string>;
  /** Non-empty file fields, by field name. */
  files?: Record<string, FormFile>;
  /** The body was over the limit (no file read), or not a readable form. */
  uploadError?: 'too_large' | 'invalid';
}

/**
 * Upload forms (receipts, materials, the letter's logo and signature) are multipart:
 * read here with the platform's own FormData parser, before the page guard checks the
 * CSRF field, so the token travels in the form like every other one. A body over the
 * limit is not an error page: the page says so next to the field, so the CSRF field
 * (first in every form) is still read from the start of the body.
 *
 * `allow` runs first, on the cookie and the path: someone who may not upload there gets
 * the pages' 404 before a byte of the body is read, and the connection is closed rather
 * than drained, so a refused 20 MB costs the server nothing.
 */
export function multipartForm(options: {
  maxBytes: () => number;
  path?: RegExp;
  allow?: UploadCheck;
}) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
    if (options.path && !options.path.test(req.path)) return next();
    if (options.allow) {
      // Closed rather than drained: the refused body is never read.
      res.setHeader('Connection', 'close');
      if (!(await options.allow(req))) throw notFound('Event');
      res.removeHeader('Connection');
    }
    const up = req as unknown as MultipartRequest;
    const limit = options.maxBytes();
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('error', next);
    req.on('end', () => {
      const body: Record<string, string> = {};
      up.body = body;
      if (over) {
        up.uploadError = 'too_large';
        const head = Buffer.concat(chunks).subarray(0, 4096).toString('latin1');
        const csrf = /name="_csrf"\r\n\r\n([^\r]*)\r\n/.exec(head);
        if (csrf) body._csrf = csrf[1];
        return next();
      }
      const type = String(req.headers['content-type'] ?? '');
      void new globalThis.Response(Buffer.concat(chunks), { headers: { 'content-type': type } })
        .formData()
        .then(async (form) => {
          const files: Record<string, FormFile> = {};
          for (const [name, value] of form.entries()) {
            if (typeof value === 'string') body[name] = value;
            else if (value.size > 0) {
              const buffer = Buffer.from(await value.arrayBuffer());
              files[name] = {
                buffer,
                originalname: value.name,
                type: value.type,
                size: buffer.length,
              };
            }
          }
          up.files = files;
          next();
        })
        .catch(() => {
          up.uploadError = 'invalid';
          next();
        });
    });
  };
}
