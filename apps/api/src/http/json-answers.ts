import etag from 'etag';
import type { Application, Response } from 'express';

/** The app's JSON and ETag settings are Express's defaults, which jsonAnswer reproduces. */
function defaultSettings(app: Application): boolean {
  return (
    app.get('json replacer') === undefined &&
    app.get('json spaces') === undefined &&
    !app.get('json escape') &&
    app.get('etag') === 'weak'
  );
}

/**
 * Every JSON answer (each API handler's result goes out through `res.json`) written the
 * way Express writes it: the same bytes, Content-Type, Content-Length, weak ETag, 304 to a
 * matching If-None-Match, and no body to HEAD. Only the way there is shorter: Express's
 * `res.json` and `res.send` look the Content-Type up in the MIME table, then parse and
 * rebuild it to add the charset, through two more layers of header helpers. A page of the
 * organisers' list took 210-320 us from the handler's result to the socket, 23-43 us
 * less this way (bench/README.md, "A page of the organisers' list, timed in place").
 *
 * Anything else goes to Express as before: bodies that send strips (204, 205, 304), a
 * Content-Type or Transfer-Encoding the handler chose, a body JSON cannot write, and an
 * app whose JSON or ETag settings are not the defaults.
 *
 * Installed once on the app's response prototype, under the localisation of API errors
 * (localised-errors.ts), which hands its translated error bodies on to this one.
 */
export function answerJsonDirectly(appResponse: Response): void {
  const expressJson = appResponse.json;
  appResponse.json = function jsonAnswer(this: Response, body: unknown) {
    const status = this.statusCode;
    if (
      status === 204 ||
      status === 205 ||
      status === 304 ||
      this.getHeader('Content-Type') !== undefined ||
      this.getHeader('Transfer-Encoding') !== undefined ||
      !defaultSettings(this.app)
    ) {
      return expressJson.call(this, body);
    }
    const text = JSON.stringify(body) as string | undefined;
    if (text === undefined) return expressJson.call(this, body);
    const bytes = Buffer.from(text, 'utf8');
    this.setHeader('Content-Type', 'application/json; charset=utf-8');
    this.setHeader('Content-Length', bytes.length);
    if (this.getHeader('ETag') === undefined) this.setHeader('ETag', etag(bytes, { weak: true }));
    if (this.req.fresh) {
      this.statusCode = 304;
      this.removeHeader('Content-Type');
      this.removeHeader('Content-Length');
      this.end();
    } else if (this.req.method === 'HEAD') {
      this.end();
    } else {
      this.end(bytes);
    }
    return this;
  };
}
