import { type Request } from 'express';
import type { Actor } from '#core';

/** What the auth guard attaches to a request. */
export interface AuthedRequest extends Request {
  actor?: Actor;
}
