/**
 * A browser without a browser, for benches that post the web pages' forms over fetch
 * (test/support/web-client.ts is the same for supertest): keeps the cookies it is given,
 * reads the CSRF token from the last page, and posts forms as a browser does. Redirects
 * are not followed (a 303's cookies are kept); the caller reads the status.
 */
export class WebSession {
  private readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly baseUrl: string) {}

  private async send(path: string, init: RequestInit): Promise<{ status: number; text: string }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text);
    if (token) this.csrf = token[1];
    return { status: res.status, text };
  }

  get(path: string): Promise<{ status: number; text: string }> {
    return this.send(path, { method: 'GET' });
  }

  /** Posts a form with the CSRF token of the last page; a list is sent as repeated fields. */
  post(
    path: string,
    form: Record<string, string | string[]>,
  ): Promise<{ status: number; text: string }> {
    const body = new URLSearchParams({ _csrf: this.csrf });
    for (const [k, v] of Object.entries(form)) {
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    }
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }

  /** Signs in through the password form (`?lang=` also sets the pages' language); throws unless 303. */
  async signIn(email: string, password: string, lang?: string): Promise<void> {
    await this.get(lang ? `/signin?lang=${lang}` : '/signin');
    const res = await this.post('/signin', { email, password });
    if (res.status !== 303) throw new Error(`sign-in: ${res.status} ${res.text.slice(0, 300)}`);
  }
}
