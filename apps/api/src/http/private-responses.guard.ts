import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { beforeHeadersSent } from './before-headers-sent.js';
import type { AuthedRequest } from './request-context.js';
import { RouteFlag } from './route-flag.js';

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
 * passport number, a phone or a list of participants. Public answers to anonymous callers
 * (the event list, a published agenda) keep their own caching.
 *
 * Decided as the headers go out, so it covers errors and streamed files alike, and a
 * handler's own Cache-Control (a calendar's max-age) gives way. A guard that never
 * refuses rather than an interceptor, because it needs the route's metadata but not its
 * result: with one global interceptor Nest runs every request through an rxjs chain,
 * which cost 0.4 ms of CPU per request on the agenda and 0.6 ms on an organiser's list
 * page (bench/README.md). Registered once, for the API's routes, in AppModule.
 */
@Injectable()
export class PrivateResponsesGuard implements CanActivate {
  private readonly secretUrl: RouteFlag;

  constructor(reflector: Reflector) {
    this.secretUrl = new RouteFlag(reflector, SECRET_URL);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const req = http.getRequest<AuthedRequest>();
    if (req.path !== '/api' && !req.path.startsWith('/api/')) return true;
    const secretUrl = this.secretUrl.of(context);
    const res = http.getResponse<Response>();
    // The caller is known by then whichever global guard runs first.
    beforeHeadersSent(res, () => {
      if (req.actor !== undefined || secretUrl) res.setHeader('Cache-Control', PRIVATE_NO_STORE);
    });
    return true;
  }
}
