import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Outbox } from '#messaging';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let sink: SmtpSink;

beforeAll(async () => {
  t = await startTestApp('email-drain');
  // Slow enough that the three sends are surely in flight together when the worker closes.
  sink = await SmtpSink.start({ delayMs: 4000 });
});

afterAll(async () => {
  await sink?.close();
  await t?.close();
});

it('closing the worker (SIGTERM) finishes the sends in flight and leaves none half-done', async () => {
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0 },
      { relayIntervalMs: 100, concurrency: 5 },
    ),
    { logger: false },
  );
  const ds = t.app.get(DataSource);
  await ds.transaction((m) =>
    t.app.get(Outbox).enqueue(
      m,
      [1, 2, 3].map((i) => ({
        template: 'magic_link' as const,
        recipientEmail: `drain-${i}@example.org`,
        locale: 'en' as const,
        payload: {
          recipientName: 'D',
          link: 'https://convene.test/d',
          expiresAt: new Date().toISOString(),
        },
      })),
    ),
  );
  // Wait until the three sends are in flight (on a busy machine the relay can take a
  // while to hand them over), then shut down as SIGTERM would.
  const until = Date.now() + 45_000;
  let inFlight = 0;
  while (Date.now() < until && inFlight < 3) {
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM messages WHERE status = 'sending'`,
    );
    inFlight = n;
    if (inFlight < 3) await new Promise((r) => setTimeout(r, 20));
  }
  expect(inFlight).toBe(3);
  await worker.close();

  expect(sink.accepted).toBe(3);
  const rows = await ds.query(`SELECT status, attempts FROM messages ORDER BY recipient_email`);
  expect(rows).toEqual([
    { status: 'sent', attempts: 1 },
    { status: 'sent', attempts: 1 },
    { status: 'sent', attempts: 1 },
  ]);
});
