import type { NextFunction, Request, Response } from 'express';
import { LETTER_IMAGE_MAX_BYTES } from '#travel';

/** An image as the form sent it. */
export interface LetterUpload {
  bytes: Buffer;
  contentType: string;
}

/** What the multipart middleware leaves on the request of the letter settings form. */
export interface LetterUploadRequest {
  body: Record<string, string>;
  letterFiles?: { logo?: LetterUpload; signature?: LetterUpload };
  /** The body was larger than two images and the fields: no file is read. */
  uploadError?: 'too_large' | 'invalid';
}

/** Two images and the form's text fields with their multipart framing. */
const MAX_BODY = 2 * LETTER_IMAGE_MAX_BYTES + 64 * 1024;

/**
 * The letter settings form is multipart (logo, signature image): read here, with the
 * platform's own FormData parser, before the page guard checks the CSRF field, so the
 * token travels in the form like every other one. A body over the limit is not an error
 * page: the form says so next to the image fields.
 */
export function letterUploads(req: Request, _res: Response, next: NextFunction): void {
  if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
  const up = req as unknown as LetterUploadRequest;
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY) over = true;
    else chunks.push(chunk);
  });
  req.on('error', next);
  req.on('end', () => {
    const body: Record<string, string> = {};
    up.body = body;
    const type = String(req.headers['content-type'] ?? '');
    if (over) {
      up.uploadError = 'too_large';
      // The CSRF field comes first in the form: keep it so the guard can still check it.
      const head = Buffer.concat(chunks).subarray(0, 4096).toString('latin1');
      const csrf = /name="_csrf"\r\n\r\n([^\r]*)\r\n/.exec(head);
      if (csrf) body._csrf = csrf[1];
      return next();
    }
    void new globalThis.Response(Buffer.concat(chunks), { headers: { 'content-type': type } })
      .formData()
      .then(async (form) => {
        const files: NonNullable<LetterUploadRequest['letterFiles']> = {};
        for (const [name, value] of form.entries()) {
          if (typeof value === 'string') body[name] = value;
          else if ((name === 'logo' || name === 'signature') && value.size > 0) {
            files[name] = {
              bytes: Buffer.from(await value.arrayBuffer()),
              contentType: value.type,
            };
          }
        }
        up.letterFiles = files;
        next();
      })
      .catch(() => {
        up.uploadError = 'invalid';
        next();
      });
  });
}
