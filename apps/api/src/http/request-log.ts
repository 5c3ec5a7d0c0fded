import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger as Pino } from 'pino';

/**
 * URLs that carry a secret never reach a log as they are: login, confirmation and reset
 * links have it in the query string (`?token=`); calendar subscriptions, unsubscribe
 * links and the verification codes printed on letters and certificates in the path
 * (`/api/calendar/<token>.ics`, `/unsubscribe/<token>`, `/verify/<code>`, the API's too).
 */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&]token=)[^&]*/gi, '$1[redacted]')
    .replace(/(\/(?:calendar|unsubscribe|verify)(?:\/|%2f)+)[^/?#]+/gi, '$1[redacted]');
}

/** A proxy's or a client's own id is kept when it looks like one, so a trace spans both. */
const CALLER_ID = /^[\w-]{8,64}$/;

export function requestLevel(statusCode: number, aborted: boolean): 'info' | 'warn' | 'error' {
  if (statusCode >= 500) return 'error';
  return statusCode >= 400 || aborted ? 'warn' : 'info';
}

/**
 * One log line per request (info, warn for 4xx and answers never finished, error for 5xx)
 * and its id in `x-request-id`. pino-http did this before, but it built a child logger
 * per request, serialising the request into it, whether or not the line would be
 * written: 0.19 ms of CPU a request, a third of a trivial route's (bench/README). Here
 * nothing is built unless the level is enabled.
 */
export function requestLog(logger: Pino) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && CALLER_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', id);
    const started = performance.now();
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const aborted = !res.writableFinished;
      const level = requestLevel(res.statusCode, aborted);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id, method: req.method, url: redactUrl(req.originalUrl) },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        aborted ? 'request aborted' : level === 'error' ? 'request errored' : 'request completed',
      );
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
