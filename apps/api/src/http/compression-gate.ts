import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** A client that names one of these (or `*`) may get a compressed answer. */
const ENCODINGS = /gzip|deflate|br|\*/i;

/**
 * compression wraps res.write, res.end and res.on with new closures on every request,
 * about 10 KB allocated before it knows whether the client takes gzip at all: on
 * /api/health/live that was a fifth of the request's CPU (bench/README, "Requests born
 * with Express's prototype", its last paragraph). A client that names no encoding (scripts, other
 * servers, curl) gets the same identity answer without them; browsers, which always
 * name gzip, go through compression as before. `Vary: Accept-Encoding` is kept on the
 * identity answer, as compression sets it, so a shared cache never hands it to a
 * browser in place of the compressed one or the other way round.
 */
export function compressionForAcceptingClients(compress: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const accepted = req.headers['accept-encoding'];
    if (accepted && ENCODINGS.test(accepted)) return compress(req, res, next);
    res.vary('Accept-Encoding');
    next();
  };
}
