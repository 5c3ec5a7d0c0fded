import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { type Observable, tap } from 'rxjs';
import type { AuthedRequest } from './request-context.js';

export const PRIVATE_NO_STORE = 'private, no-store';

const SECRET_URL = 'convene:secret-url';

/**
 * For a public route whose URL itself is the secret (a calendar subscription token, a
 * consent link): its answer is as personal as one fetched with a login.
 */
export const SecretUrl = () => SetMetadata(SECRET_URL, true);

/**
 * Every personal API answer says `Cache-Control: private, no-store`: whatever was fetched
 * with a bearer token (me, registrations, travel, letters, CSVs, calendar files, exports)
 * or through a secret URL. No shared cache, proxy or browser disk keeps a copy of a
 * passport number, a phone or a list of participants. Set before the handler (so errors
 * carry it too) and again after (a handler's own header, e.g. a calendar's max-age, gives
 * way). Public answers to anonymous callers (the event list, a published agenda) keep
 * their own caching. Registered once, for the API's routes, in AppModule.
 */
@Injectable()
export class PrivateResponsesInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<AuthedRequest>();
    const res = http.getResponse<Response>();
    const isApi = req.path === '/api' || req.path.startsWith('/api/');
    const secretUrl = this.reflector.getAllAndOverride<boolean>(SECRET_URL, [
      context.getHandler(),
      context.getClass(),
    ]);
    const personal = () => isApi && (req.actor !== undefined || secretUrl === true);
    const mark = () => {
      if (personal() && !res.headersSent) res.setHeader('Cache-Control', PRIVATE_NO_STORE);
    };
    mark();
    return next.handle().pipe(tap({ next: mark }));
  }
}
