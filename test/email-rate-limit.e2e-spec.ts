import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Outbox } from '#messaging';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * SMTP_MAX_PER_SECOND caps what the worker hands the provider. Its own app (and so its
 * own Redis prefix and queue): another suite's worker must not take these jobs.
 */

const PER_SECOND = 2;
const EMAILS = 6;

let t: TestApp;
let sink: SmtpSink;
let worker: INestApplicationContext | undefined;
const acceptedAt: number[] = [];

beforeAll(async () => {
  t = await startTestApp('email-rate');
  sink = await SmtpSink.start({ onAccepted: (_to, at) => acceptedAt.push(at) });
});

afterAll(async () => {
  await worker?.close();
  await sink?.close();
  await t?.close();
});

it(`sends no more than SMTP_MAX_PER_SECOND (${PER_SECOND}) emails a second`, async () => {
  worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: sink.url, workerHealthPort: 0, smtpMaxPerSecond: PER_SECOND },
      { relayIntervalMs: 100, concurrency: 10 },
    ),
    { logger: false },
  );
  await t.app.get(DataSource).transaction((m) =>
    t.app.get(Outbox).enqueue(
      m,
      Array.from({ length: EMAILS }, (_, i) => ({
        template: 'magic_link' as const,
        recipientEmail: `rate-${i}@example.org`,
        locale: 'en' as const,
        payload: {
          recipientName: 'R',
          link: 'https://convene.test/r',
          expiresAt: new Date().toISOString(),
        },
      })),
    ),
  );
  await sink.waitFor(EMAILS, 20_000);

  expect(acceptedAt).toHaveLength(EMAILS);
  // Six at two a second: three windows, so the last goes out about two seconds after the first.
  expect(acceptedAt[EMAILS - 1] - acceptedAt[0]).toBeGreaterThanOrEqual(1_500);
  // Never a third email within the same second (a little slack for timer jitter).
  for (let i = 0; i + PER_SECOND < acceptedAt.length; i++) {
    expect(acceptedAt[i + PER_SECOND] - acceptedAt[i]).toBeGreaterThanOrEqual(800);
  }
});
