import compression from 'compression';
import express, { type RequestHandler } from 'express';
import supertest from 'supertest';
import { compressionForAcceptingClients } from './compression-gate.js';

const BIG = { text: 'agenda '.repeat(2000) };

function appWith(compress: RequestHandler) {
  const app = express();
  app.use(compressionForAcceptingClients(compress));
  app.get('/big', (_req, res) => {
    res.json(BIG);
  });
  return app;
}

describe('compression gate', () => {
  it('leaves compression out for a client that names no encoding, still varying on it', async () => {
    let wrapped = 0;
    const app = appWith((req, res, next) => {
      wrapped++;
      next();
    });
    for (const accept of [undefined, 'identity']) {
      const call = supertest(app).get('/big');
      // superagent names gzip and deflate itself unless told otherwise.
      const res = await call.set('Accept-Encoding', accept ?? '').expect(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.body).toEqual(BIG);
    }
    expect(wrapped).toBe(0);
  });

  it('sends browsers (gzip, br, or any encoding) through compression as before', async () => {
    const app = appWith(compression({ threshold: 1024 }));
    for (const accept of ['gzip, deflate, br', 'br', '*']) {
      const res = await supertest(app).get('/big').set('Accept-Encoding', accept).expect(200);
      expect(res.headers['content-encoding']).toMatch(/^(gzip|br)$/);
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.body).toEqual(BIG);
    }
  });
});
