import express, { type Express, type Response } from 'express';
import supertest from 'supertest';
import { answerJsonDirectly } from './json-answers.js';

const LIST = {
  items: Array.from({ length: 40 }, (_, i) => ({
    name: i % 2 ? 'Nguyễn Thị Minh Khai' : 'عبد الرحمن بن عبد العزيز الفاسي',
    note: 'dietary: végétarien',
    at: '2027-03-08T08:00:00+01:00',
  })),
  total: 40,
};

type Handler = (res: Response) => void;

const ROUTES: Record<string, Handler> = {
  '/list': (res) => res.json(LIST),
  '/created': (res) => res.status(201).json({ id: 'b7c3', status: 'confirmed' }),
  '/text': (res) => res.json('plain "quoted" text'),
  '/empty': (res) => res.status(204).json({ ignored: true }),
  '/problem': (res) => res.type('application/problem+json').status(422).json({ title: 'No' }),
  '/nothing': (res) => res.json(undefined),
  '/error': (res) => res.status(404).json({ statusCode: 404, message: 'Event not found' }),
};

/** An app answering ROUTES; `direct` installs answerJsonDirectly. Counts Express's res.json. */
function appWith(direct: boolean, configure: (app: Express) => void = () => {}) {
  const app = express();
  configure(app);
  const calls = { express: 0 };
  const expressJson = app.response.json;
  app.response.json = function counted(this: Response, body: unknown) {
    calls.express++;
    return expressJson.call(this, body);
  };
  if (direct) answerJsonDirectly(app.response);
  for (const [path, handler] of Object.entries(ROUTES)) {
    app.all(path, (_req, res) => handler(res));
  }
  return { app, calls };
}

const HEADERS = ['content-type', 'content-length', 'etag'];

async function answer(app: Express, method: 'get' | 'head' | 'post', path: string, etag?: string) {
  const call = supertest(app)[method](path).set('Accept-Encoding', 'identity');
  if (etag) call.set('If-None-Match', etag);
  const res = await call;
  return {
    status: res.status,
    headers: Object.fromEntries(HEADERS.map((h) => [h, res.headers[h] as unknown])),
    body: res.text,
  };
}

describe('answerJsonDirectly', () => {
  const express = appWith(false).app;
  const { app: direct, calls } = appWith(true);

  it('writes each JSON answer byte for byte as Express does, headers and ETag included', async () => {
    for (const path of ['/list', '/created', '/text', '/error']) {
      for (const method of ['get', 'post', 'head'] as const) {
        const ours = await answer(direct, method, path);
        expect({ path, method, ...ours }).toEqual({
          path,
          method,
          ...(await answer(express, method, path)),
        });
        expect(ours.headers['content-type']).toBe('application/json; charset=utf-8');
      }
    }
    const list = await answer(direct, 'get', '/list');
    expect(JSON.parse(list.body)).toEqual(LIST);
    expect(Number(list.headers['content-length'])).toBe(Buffer.byteLength(list.body));
    expect(list.headers.etag).toMatch(/^W\/"[0-9a-f]+-/);
  });

  it('answers a matching If-None-Match with an empty 304, as Express does', async () => {
    const { headers } = await answer(direct, 'get', '/list');
    const ours = await answer(direct, 'get', '/list', headers.etag as string);
    expect(ours).toEqual(await answer(express, 'get', '/list', headers.etag as string));
    expect(ours.status).toBe(304);
    expect(ours.body).toBe('');
    expect((await answer(direct, 'get', '/list', 'W/"0-stale"')).status).toBe(200);
  });

  it("writes the usual answers itself and leaves the unusual ones to Express's res.json", async () => {
    calls.express = 0;
    await answer(direct, 'get', '/list');
    await answer(direct, 'post', '/created');
    expect(calls.express).toBe(0);
    for (const path of ['/empty', '/problem', '/nothing']) {
      const before = calls.express;
      const ours = await answer(direct, 'get', path);
      expect(calls.express).toBe(before + 1);
      expect({ path, ...ours }).toEqual({ path, ...(await answer(express, 'get', path)) });
    }
  });

  it("takes the ETag from the app's own setting: strong, or none when turned off", async () => {
    for (const setting of ['strong', false]) {
      const configure = (app: Express) => {
        app.set('etag', setting);
      };
      const ours = appWith(true, configure);
      const theirs = appWith(false, configure).app;
      for (const method of ['get', 'head'] as const) {
        const answered = await answer(ours.app, method, '/list');
        expect({ setting, ...answered }).toEqual({
          setting,
          ...(await answer(theirs, method, '/list')),
        });
        if (setting === false) expect(answered.headers.etag).toBeUndefined();
        else expect(answered.headers.etag).toMatch(/^"[0-9a-f]+-/);
      }
      expect(ours.calls.express).toBe(0);
    }
  });

  it('defers to Express when the app changes its JSON or ETag settings', async () => {
    const configure = (app: Express) => {
      app.set('json spaces', 2);
      app.set('etag', 'strong');
    };
    const ours = appWith(true, configure);
    const theirs = appWith(false, configure).app;
    const answered = await answer(ours.app, 'get', '/created');
    expect(answered).toEqual(await answer(theirs, 'get', '/created'));
    expect(answered.body).toContain('\n  "id"');
    expect(answered.headers.etag).not.toMatch(/^W\//);
    expect(ours.calls.express).toBe(1);
  });
});
