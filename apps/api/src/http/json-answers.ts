import type { Application, Response } from 'express';

/** What Express compiles from the app's `etag` setting; undefined when ETags are off. */
type ETagOf = (body: Buffer) => string | undefined;

/** The app's JSON settings are Express's defaults, which jsonAnswer reproduces. */
function plainJson(app: Application): boolean {
  return (
    app.get('json replacer') === undefined &&
    app.get('json spaces') === undefined &&
    !app.get('json escape')
  );
}

/**
 * Every JSON answer (each API handler's result goes out through `res.json`) written the
 * way Express writes it: the same bytes, Content-Type, Content-Length, ETag, 304 to a
 * matching If-None-Match, and no body to HEAD. The ETag comes from the app's own `etag`
 * setting, as `res.send` takes it (weak by default, none when turned off). Only the way
 * there is shorter: Express's `res.json` and `res.send` look the Content-Type up in the
 * MIME table, then parse and rebuild it to add the charset, through two more layers of
 * header helpers. A page of the organisers' list took 210-320 us from the handler's result
 * to the socket, 23-43 us less this way (bench/README.md, "A page of the organisers' list,
 * timed in place").
 *
 * Anything else goes to Express as before: bodies that send strips (204, 205, 304), a
 * Content-Type or Transfer-Encoding the handler chose, a body JSON cannot write, and an
 * app whose JSON settings (replacer, spaces, escape) are not the defaults.
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
      !plainJson(this.app)
    ) {
      return expressJson.call(this, body);
    }
    const text = JSON.stringify(body) as string | undefined;
    if (text === undefined) return expressJson.call(this, body);
    const bytes = Buffer.from(text, 'utf8');
    this.setHeader('Content-Type', 'application/json; charset=utf-8');
    this.setHeader('Content-Length', bytes.length);
    const etagOf = this.app.get('etag fn') as ETagOf | undefined;
    const etag = this.getHeader('ETag') === undefined ? etagOf?.(bytes) : undefined;
    if (etag) this.setHeader('ETag', etag);
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
