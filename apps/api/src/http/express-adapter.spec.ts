import type { Express, Request, Response } from 'express';
import type { Server } from 'node:http';
import supertest from 'supertest';
import { ConveneExpressAdapter } from './express-adapter.js';

function serverWith(route: (req: Request, res: Response) => void): Server {
  const adapter = new ConveneExpressAdapter();
  adapter.getInstance<Express>().get('/echo', route);
  adapter.initHttpServer({});
  return adapter.getHttpServer() as Server;
}

describe('ConveneExpressAdapter', () => {
  it('hands Express requests already built on its prototypes, so none is re-prototyped', async () => {
    const original = Object.setPrototypeOf;
    let calls = 0;
    const changed: unknown[] = [];
    // Express still calls it on every request; each call must find the prototype in place.
    Object.setPrototypeOf = (target: unknown, proto: object | null) => {
      calls++;
      if (Object.getPrototypeOf(target) !== proto) changed.push(target);
      return original(target, proto) as unknown;
    };
    try {
      const server = serverWith((req, res) => {
        res.json({ q: req.query.q, path: req.path, protocol: req.protocol, app: !!req.app });
      });
      calls = 0;
      changed.length = 0;
      const res = await supertest(server).get('/echo?q=tanger').expect(200);
      expect(res.body).toEqual({ q: 'tanger', path: '/echo', protocol: 'http', app: true });
      expect(calls).toBeGreaterThan(0);
      expect(changed.map((t) => (t as object).constructor.name)).toEqual([]);
    } finally {
      Object.setPrototypeOf = original;
    }
  });
});
