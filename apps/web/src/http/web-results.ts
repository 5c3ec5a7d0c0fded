/**
 * What a page handler may return besides HTML: a redirect after a form (Post/Redirect/Get,
 * so reloading never submits twice), or a file to download.
 */
export class Redirect {
  constructor(
    readonly location: string,
    /** A catalogue key ("registration.saved") shown once on the next page. */
    readonly flash?: string,
  ) {}
}

export class Download {
  constructor(
    readonly body: Buffer | string,
    readonly contentType: string,
    readonly filename?: string,
    /** inline opens in the browser (PDF, calendar); attachment saves it. */
    readonly disposition: 'inline' | 'attachment' = 'attachment',
  ) {}
}

/** An HTML page with a status other than 200 (a form shown again with its errors: 400). */
export class HtmlResponse {
  constructor(
    readonly html: string,
    readonly status: number,
  ) {}
}

export const redirect = (location: string, flash?: string) => new Redirect(location, flash);

export type PageResult = string | Redirect | Download | HtmlResponse;
