import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import pg from 'pg';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module.js';
import { loadConfig, OUTAGE_RETRY_AFTER_SECONDS } from '#core';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { initApiApp, TEST_ADMIN } from './support/test-app.js';

/*
 * PostgreSQL or Redis going away under a running app: every request answers 503 with
 * Retry-After (JSON with code service_unavailable for the API, a page in the reader's
 * language for the web), never 500, and the app recovers alone when the server returns.
 * Each server sits behind a TCP relay of this file, so "down" is this app's alone: the
 * relay refuses connections and cuts the open ones, the shared servers stay up.
 */

/** A relay to 127.0.0.1:<target> that can be stopped (refusing) and started again. */
class Relay {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: number) {}

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Nothing listens any more and every open connection is cut. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

async function startApp(env: Record<string, string>, db: TestDatabase) {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    REDIS_PREFIX: `t-outage-${randomBytes(4).toString('hex')}`,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    MAIL_OUTBOX_DIR: 'var/test-mail/outage',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config)],
  }).compile();
  return initApiApp(moduleRef, config);
}

/** Asks until `ok` says yes: the app reconnects by itself, in its own time. */
async function eventually(
  attempt: () => Promise<request.Response>,
  ok: (r: request.Response) => boolean,
): Promise<request.Response> {
  let last: request.Response | undefined;
  for (let i = 0; i < 200; i++) {
    last = await attempt();
    if (ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never recovered: ${last?.status} ${JSON.stringify(last?.body)}`);
}

describe('PostgreSQL out of reach', () => {
  const relay = new Relay(5432);
  let db: TestDatabase;
  let app: INestApplication;
  let http: () => ReturnType<typeof request>;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase('outage_pg');
    await relay.start();
    const url = new URL(db.url);
    url.port = String(relay.port);
    app = await startApp({ DATABASE_URL: url.toString() }, db);
    const server = app.getHttpServer();
    http = () => request(server);
    token = (await http().post('/api/auth/login').send(TEST_ADMIN).expect(200)).body.accessToken;
  });
  afterAll(async () => {
    await app?.close();
    await relay.stop();
    await db?.drop();
  });

  it('answers 503 with Retry-After while the database is away, and recovers alone', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    await http().get('/api/organisations').set(auth).expect(200);

    // The server ends every session of this database ("terminating connection due to
    // administrator command") and, behind the relay, cannot be reached again.
    await relay.stop();
    const admin = new pg.Client({
      connectionString: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [db.name],
    );
    await admin.end();

    for (const path of ['/api/organisations', '/api/events', '/api/me']) {
      const res = await http().get(path).set(auth);
      expect({ path, status: res.status }).toEqual({ path, status: 503 });
      expect(res.headers['retry-after']).toBe(String(OUTAGE_RETRY_AFTER_SECONDS));
      expect(res.body).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'service_unavailable',
      });
      expect(res.body.message).toMatch(/unavailable/i);
    }
    // A write as well, and a login (its lookup is the first thing to fail).
    const write = await http()
      .post('/api/organisations')
      .set(auth)
      .send({ name: 'Maison des familles', country: 'BF', city: 'Ouagadougou', kind: 'ngo' });
    expect(write.status).toBe(503);
    expect((await http().post('/api/auth/login').send(TEST_ADMIN)).status).toBe(503);
    expect((await http().get('/api/health/ready')).status).toBe(503);

    // Pages: the same outage told in the reader's language.
    const fr = await http().get('/e/tangier-2027').set('Accept-Language', 'fr');
    expect(fr.status).toBe(503);
    expect(fr.headers['retry-after']).toBe(String(OUTAGE_RETRY_AFTER_SECONDS));
    expect(fr.headers['content-type']).toMatch(/text\/html/);
    expect(fr.text).toContain('Convene est momentanément indisponible');
    expect(fr.text).toContain('Réessayez dans une minute');
    const es = await http().get('/e/tangier-2027').set('Accept-Language', 'es');
    expect(es.status).toBe(503);
    expect(es.text).toContain('Convene no está disponible por un momento');

    // The API in French too (its codes stay).
    const apiFr = await http().get('/api/events').set(auth).set('Accept-Language', 'fr');
    expect(apiFr.status).toBe(503);
    expect(apiFr.body.code).toBe('service_unavailable');
    expect(apiFr.body.message).toMatch(/indisponible/);

    // The server comes back: nobody restarts the app.
    await relay.start();
    await eventually(
      () => http().get('/api/organisations').set(auth),
      (r) => r.status === 200,
    );
    await http().get('/e/tangier-2027').expect(404);
    await http().get('/api/health/ready').expect(200);
  });
});

describe('Redis out of reach', () => {
  const relay = new Relay(6379);
  let db: TestDatabase;
  let app: INestApplication;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    db = await createTestDatabase('outage_redis');
    await relay.start();
    app = await startApp({ REDIS_URL: `redis://127.0.0.1:${relay.port}` }, db);
    const server = app.getHttpServer();
    http = () => request(server);
    await eventually(
      () => http().get('/api/health/ready'),
      (r) => r.status === 200,
    );
  });
  afterAll(async () => {
    await app?.close();
    await relay.stop();
    await db?.drop();
  });

  it('keeps serving what needs no Redis, says not ready with Retry-After, and recovers alone', async () => {
    await relay.stop();
    const ready = await eventually(
      () => http().get('/api/health/ready'),
      (r) => r.status !== 200,
    );
    expect(ready.status).toBe(503);
    expect(ready.headers['retry-after']).toBe(String(OUTAGE_RETRY_AFTER_SECONDS));
    expect(ready.body).toMatchObject({
      code: 'service_unavailable',
      details: { database: 'up', redis: 'down' },
    });
    // Rate limits live in Redis and fail open: people still log in and read.
    const login = await http().post('/api/auth/login').send(TEST_ADMIN).expect(200);
    await http()
      .get('/api/organisations')
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
      .expect(200);
    await http().get('/').expect(200);

    await relay.start();
    await eventually(
      () => http().get('/api/health/ready'),
      (r) => r.status === 200,
    );
  });
});
