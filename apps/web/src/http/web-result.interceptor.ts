import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '#core';
import { cookieOptions, secureCookies, FLASH_COOKIE } from './cookies.js';
import { Download, HtmlResponse, Redirect } from './web-results.js';

/** Turns a page handler's result into the HTTP answer: HTML, a 303 redirect or a file. */
@Injectable()
export class WebResultInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    const secure = secureCookies(this.config.publicUrl);
    return next.handle().pipe(
      map((result: unknown) => {
        if (result instanceof Redirect) {
          if (result.flash) res.cookie(FLASH_COOKIE, result.flash, cookieOptions(secure, 60_000));
          res.redirect(303, result.location);
          return undefined;
        }
        if (result instanceof Download) {
          res.setHeader('Content-Type', result.contentType);
          // Every download is someone's data (CSVs, exports, calendars, letters): no copies.
          res.setHeader('Cache-Control', 'private, no-store');
          if (result.filename) {
            const ascii = result.filename.replace(/[^\w.-]/g, '_');
            res.setHeader(
              'Content-Disposition',
              `${result.disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(result.filename)}`,
            );
          }
          res.send(result.body);
          return undefined;
        }
        if (result instanceof HtmlResponse) {
          res.status(result.status).type('html').send(result.html);
          return undefined;
        }
        if (typeof result === 'string') {
          res.type('html').send(result);
          return undefined;
        }
        return result;
      }),
    );
  }
}
