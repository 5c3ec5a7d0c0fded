import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
import { createEvent, createOrganisation, loginAdmin, signup } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Redis down while a registration is written: the API and the worker use a Redis of
 * their own started here (never the shared one on 6379, other suites need it).
 */

/** The production sweep timings scaled down by ten (20 s after hand-over, every 10 s). */
const SWEEP = { requeueAfterMs: 2_000, sweepIntervalMs: 1_000 };

let redis: ChildProcess | undefined;
let port: number;
let t: TestApp;
let sink: SmtpSink;
let worker: INestApplicationContext;

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port: p } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return p;
}

async function startRedis(): Promise<void> {
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let out = '';
  redis.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const until = Date.now() + 5_000;
  while (!/Ready to accept connections/.test(out)) {
    if (Date.now() > until) throw new Error(`redis-server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stopRedis(): Promise<void> {
  if (!redis || redis.exitCode !== null) return;
  const exited = once(redis, 'exit');
  redis.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  const redisUrl = `redis://127.0.0.1:${port}`;
  t = await startTestApp('email-redis', { REDIS_URL: redisUrl });
  sink = await SmtpSink.start();
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0 },
      { relayIntervalMs: 200, backoffMs: 200, ...SWEEP },
    ),
    { logger: false },
  );
});

afterAll(async () => {
  await worker?.close();
  await sink?.close();
  await t?.close();
  await stopRedis();
});

it('Redis down while registering: the registration succeeds, the email waits and goes once Redis is back', async () => {
  const admin = await loginAdmin(t);
  const org = await createOrganisation(t, admin);
  const event = await createEvent(t, admin);
  const person = await signup(t, { locale: 'fr', organisationId: org.id });

  await stopRedis();
  const res = await t
    .http()
    .post(`/api/events/${event.id}/registrations`)
    .set(person.auth)
    .send({
      organisationId: org.id,
      profession: 'psychologist',
      consent: { dataProcessing: true },
    });
  expect(res.status).toBe(201);

  const ds = t.app.get(DataSource);
  await new Promise((r) => setTimeout(r, 1_500)); // several relay passes fail meanwhile
  const [waiting] = await ds.query(`SELECT * FROM messages WHERE recipient_email = $1`, [
    person.email,
  ]);
  expect(waiting).toMatchObject({ status: 'queued', enqueued_at: null, attempts: 0 });
  expect(sink.accepted).toBe(0);

  await startRedis();
  await sink.waitFor(1, 30_000);
  await new Promise((r) => setTimeout(r, 500));
  expect(sink.received).toHaveLength(1);
  expect(sink.received[0].subject).toMatch(/^Inscription confirmée/);
  const [sent] = await ds.query(`SELECT * FROM messages WHERE id = $1`, [waiting.id]);
  expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
});

it('Redis restarted empty: messages it held are handed over again and sent once, soon', async () => {
  const ds = t.app.get(DataSource);
  // The queue holds the jobs, but no worker takes them yet: a relay-only worker hands
  // the rows over, then Redis restarts without its data.
  await worker.close();
  const relayOnly = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0 },
      { relayIntervalMs: 200, processor: false, ...SWEEP },
    ),
    { logger: false },
  );
  const admin = await loginAdmin(t);
  const org = await createOrganisation(t, admin);
  const event = await createEvent(t, admin);
  const people = await Promise.all(
    [1, 2, 3].map(() => signup(t, { locale: 'es', organisationId: org.id })),
  );
  for (const person of people) {
    await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set(person.auth)
      .send({
        organisationId: org.id,
        profession: 'psychologist',
        consent: { dataProcessing: true },
      })
      .expect(201);
  }
  const emails = people.map((p) => p.email);
  const handedOver = async () =>
    (
      await ds.query(
        `SELECT count(*)::int AS n FROM messages WHERE recipient_email = ANY($1) AND enqueued_at IS NOT NULL`,
        [emails],
      )
    )[0].n as number;
  for (const until = Date.now() + 20_000; Date.now() < until && (await handedOver()) < 3;)
    await new Promise((r) => setTimeout(r, 50));
  expect(await handedOver()).toBe(3);
  await relayOnly.close();

  await stopRedis();
  await startRedis(); // empty: no persistence
  const before = sink.accepted;
  const started = Date.now();
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0 },
      { relayIntervalMs: 200, backoffMs: 200, ...SWEEP },
    ),
    { logger: false },
  );
  await sink.waitFor(before + 3, 30_000);
  // 60 s in production terms: the sweep intervals are scaled down by ten.
  expect(Date.now() - started).toBeLessThan(6_000);
  await new Promise((r) => setTimeout(r, 2 * SWEEP.sweepIntervalMs));
  for (const email of emails) {
    expect(sink.received.filter((m) => JSON.stringify(m.to).includes(email))).toHaveLength(1);
  }
});
