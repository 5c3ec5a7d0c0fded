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
      { relayIntervalMs: 200, backoffMs: 200 },
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
