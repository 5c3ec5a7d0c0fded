import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { materialMaxBytes, SharingModule } from '#sharing';
import {
  ConsoleMaterialsController,
  type MaterialUploadRequest,
} from './console-materials.controller.js';

/** The file plus the form's few text fields and multipart framing. */
const maxUploadBody = () => materialMaxBytes() + 64 * 1024;

/**
 * Upload forms are multipart: read here (the platform's own FormData parser, as the
 * receipts' form does) before the page guard checks the CSRF field. A body over the limit
 * is not an error page: the form says so next to the field.
 */
function materialUploads(req: Request, _res: Response, next: NextFunction): void {
  if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
  const up = req as Request & MaterialUploadRequest;
  const chunks: Buffer[] = [];
  const limit = maxUploadBody();
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
    const type = String(req.headers['content-type'] ?? '');
    const parse = over
      ? Promise.resolve(null)
      : new globalThis.Response(Buffer.concat(chunks), { headers: { 'content-type': type } })
          .formData()
          .catch(() => null);
    void parse.then(async (form) => {
      if (over) {
        up.uploadError = 'too_large';
        // The CSRF field comes first in the form: keep it so the guard can still check it.
        const head = Buffer.concat(chunks).subarray(0, 4096).toString('latin1');
        const csrf = /name="_csrf"\r\n\r\n([^\r]*)\r\n/.exec(head);
        if (csrf) body._csrf = csrf[1];
        return next();
      }
      if (!form) {
        up.uploadError = 'invalid';
        return next();
      }
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') body[name] = value;
        else if (name === 'file' && value.size > 0) {
          const buffer = Buffer.from(await value.arrayBuffer());
          up.file = { buffer, originalname: value.name, size: buffer.length };
        }
      }
      next();
    });
  });
}

/** The console page of an event's shared documents. */
@Module({
  imports: [SharingModule],
  controllers: [ConsoleMaterialsController],
})
export class ConsoleMaterialsPagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(materialUploads).forRoutes(ConsoleMaterialsController);
  }
}
