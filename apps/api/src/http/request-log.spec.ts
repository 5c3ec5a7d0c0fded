import express from 'express';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import supertest from 'supertest';
import { redactUrl, requestLog } from './request-log.js';

function captured(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, logger: pino({ level }, stream) };
}

function appLogging(level: string) {
  const { lines, logger } = captured(level);
  const app = express();
  app.use(requestLog(logger));
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/missing', (_req, res) => {
    res.status(404).json({ statusCode: 404 });
  });
  app.get('/broken', (_req, res) => {
    res.status(500).json({ statusCode: 500 });
  });
  app.get('/never', () => {});
  return { app, lines };
}

/** The line is written on the response's finish event, just after the client has it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('request log', () => {
  it('writes one line per answer at the level its status calls for', async () => {
    const { app, lines } = appLogging('info');
    await supertest(app).get('/ok').expect(200);
    await supertest(app).get('/missing').expect(404);
    await supertest(app).get('/broken').expect(500);
    await settle();
    expect(
      lines.map((l) => [l.level, l.msg, (l.res as { statusCode: number }).statusCode]),
    ).toEqual([
      [30, 'request completed', 200],
      [40, 'request completed', 404],
      [50, 'request errored', 500],
    ]);
    expect(lines[0].req).toMatchObject({ method: 'GET', url: '/ok' });
    expect(typeof lines[0].responseTime).toBe('number');
  });

  it('keeps a caller id that looks like one and answers with it, else makes one', async () => {
    const { app, lines } = appLogging('info');
    const kept = await supertest(app).get('/ok').set('x-request-id', 'abc12345-trace');
    const made = await supertest(app).get('/ok').set('x-request-id', 'bad id with spaces');
    await settle();
    expect(kept.headers['x-request-id']).toBe('abc12345-trace');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((l) => (l.req as { id: string }).id)).toEqual([
      'abc12345-trace',
      made.headers['x-request-id'],
    ]);
  });

  it('never writes a login token or a calendar secret', async () => {
    const { app, lines } = appLogging('info');
    await supertest(app).get('/ok?token=s3cr3t-login-token&lang=fr');
    await supertest(app).get('/api/calendar/Qm9vay1tZS1pbi10aGU.ics');
    await settle();
    const written = JSON.stringify(lines);
    expect(written).not.toContain('s3cr3t-login-token');
    expect(written).not.toContain('Qm9vay1tZS1pbi10aGU');
    expect((lines[0].req as { url: string }).url).toBe('/ok?token=[redacted]&lang=fr');
  });

  it('at warn, writes the 4xx and 5xx only', async () => {
    const { app, lines } = appLogging('warn');
    await supertest(app).get('/ok');
    await supertest(app).get('/missing');
    await supertest(app).get('/broken');
    await settle();
    expect(lines.map((l) => l.level)).toEqual([40, 50]);
  });

  it('says so when the caller left before the answer', async () => {
    const { app, lines } = appLogging('info');
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const req = httpRequest({ host: '127.0.0.1', port, path: '/never' });
    req.on('error', () => {});
    req.end();
    await new Promise((resolve) => setTimeout(resolve, 100));
    req.destroy();
    for (let i = 0; i < 50 && lines.length === 0; i++) await settle();
    server.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'request aborted' });
  });
});

describe('redactUrl', () => {
  it('hides login tokens in query strings', () => {
    expect(redactUrl('/login/magic?token=abc123&x=1')).toBe('/login/magic?token=[redacted]&x=1');
  });

  it('hides calendar subscription tokens in paths', () => {
    const token = 'Qm9vay1tZS1pbi10aGUtY2FsZW5kYXItcGxlYXNlX18';
    for (const url of [
      `/api/calendar/${token}.ics`,
      `/api/calendar/${token}.ics?x=1`,
      `/API/Calendar/${token}`,
      `/api/calendar%2F${token}.ics`,
    ]) {
      expect(redactUrl(url)).not.toContain(token);
      expect(redactUrl(url)).toContain('[redacted]');
    }
  });

  it('hides unsubscribe tokens and verification codes in paths, pages and API alike', () => {
    const secret = 'dW5zdWJzY3JpYmUtbWUtcGxlYXNl';
    for (const url of [
      `/unsubscribe/${secret}`,
      `/api/unsubscribe/${secret}?lang=es`,
      `/verify/${secret}`,
      `/api/verify/${secret}`,
      `/VERIFY%2F${secret}`,
    ]) {
      expect(redactUrl(url)).not.toContain(secret);
      expect(redactUrl(url)).toContain('[redacted]');
    }
    expect(redactUrl(`/api/unsubscribe/${secret}?lang=es`)).toBe(
      '/api/unsubscribe/[redacted]?lang=es',
    );
  });

  it('leaves other calendar routes readable', () => {
    const url = '/api/events/6b1f3c1e-0000-4000-8000-000000000001/calendar.ics';
    expect(redactUrl(url)).toBe(url);
    expect(redactUrl('/api/me/calendar.ics')).toBe('/api/me/calendar.ics');
    expect(redactUrl('/verify-email?lang=fr')).toBe('/verify-email?lang=fr');
  });
});
