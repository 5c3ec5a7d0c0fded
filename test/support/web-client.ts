import type request from 'supertest';
import { ALL_STYLESHEETS } from '../../apps/web/src/assets/bundle.js';
import { withStylesheet } from '../../apps/web/src/assets/held-stylesheets.js';
import { STYLESHEET_COOKIE } from '../../apps/web/src/http/cookies.js';
import type { TestApp } from './test-app.js';

/**
 * A browser without a browser, for page tests through supertest: keeps cookies across
 * requests, reads the CSRF token from the last page, and posts forms like a browser does.
 *
 * It holds the site's stylesheets, the participants' and the console's (its cookie says
 * so), as a browser does from its second page on, so pages link their stylesheet and a
 * page's size is its own; `firstVisit: true` gives one that has fetched neither yet, whose
 * pages carry theirs inline.
 */
export class WebClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private readonly t: TestApp,
    options: { firstVisit?: boolean } = {},
  ) {
    if (!options.firstVisit)
      this.cookies.set(STYLESHEET_COOKIE, ALL_STYLESHEETS.reduce(withStylesheet, ''));
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: request.Response): void {
    const set = res.headers['set-cookie'] as unknown as string[] | undefined;
    for (const line of set ?? []) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.text ?? '');
    if (token) this.csrf = token[1];
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<request.Response> {
    const res = await this.t
      .http()
      .get(path)
      .set({ cookie: this.cookieHeader(), ...headers });
    this.remember(res);
    return res;
  }

  /** Posts a form with the CSRF token of the last page (unless `_csrf` is given). */
  async post(
    path: string,
    form: Record<string, string | string[]> = {},
  ): Promise<request.Response> {
    const body = new URLSearchParams();
    if (!('_csrf' in form)) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(form)) {
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    }
    const res = await this.t
      .http()
      .post(path)
      .set({ cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' })
      .send(body.toString());
    this.remember(res);
    return res;
  }

  /** Signs in with a password through the sign-in form. */
  async signIn(email: string, password: string): Promise<void> {
    await this.get('/signin');
    const res = await this.post('/signin', { email, password });
    if (res.status !== 303)
      throw new Error(`sign-in failed: ${res.status} ${res.text.slice(0, 300)}`);
  }
}
