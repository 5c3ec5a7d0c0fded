import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { type MailWorkerOptions } from '#messaging/worker';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import {
  MAIL_QUEUE,
  mailWorkerConnection,
  SEND_MESSAGE_JOB,
  sendMessageJobOptions,
} from '../libs/messaging/src/queue/mail-queue.js';
import { DEFAULT_MAIL_WORKER_OPTIONS } from '../libs/messaging/src/delivery/mail-worker.options.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
import { insertHandedOver } from './support/mail-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * A worker dies after claiming a message, before sending it: its BullMQ lock and its
 * claim lease stop being renewed. A new worker must send the message soon (the issue saw
 * 10 minutes) and exactly once. The intervals are the production ones scaled down by
 * ten; the test measures from the new worker's start, not against wall-clock sleeps.
 */

let t: TestApp;
let sink: SmtpSink;
let ds: DataSource;

const SCALE = 10;
const SHORT: Partial<MailWorkerOptions> = {
  relayIntervalMs: 100,
  claimTimeoutMs: DEFAULT_MAIL_WORKER_OPTIONS.claimTimeoutMs / SCALE,
  lockDurationMs: DEFAULT_MAIL_WORKER_OPTIONS.lockDurationMs / SCALE,
  stalledIntervalMs: DEFAULT_MAIL_WORKER_OPTIONS.stalledIntervalMs / SCALE,
  sweepIntervalMs: DEFAULT_MAIL_WORKER_OPTIONS.sweepIntervalMs / SCALE,
  requeueAfterMs: DEFAULT_MAIL_WORKER_OPTIONS.requeueAfterMs / SCALE,
};

beforeAll(async () => {
  t = await startTestApp('email-crash');
  ds = t.app.get(DataSource);
  sink = await SmtpSink.start();
});

afterAll(async () => {
  await sink?.close();
  await t?.close();
});

it('a message claimed by a worker that dies is sent soon after a new worker starts, once', async () => {
  const email = `crash-${Date.now()}@example.org`;
  const id = await insertHandedOver(ds, email);
  const connection = mailWorkerConnection(t.config.redisUrl);
  const queue = new Queue(MAIL_QUEUE, { connection, prefix: t.config.redisPrefix });
  await queue.add(
    SEND_MESSAGE_JOB,
    { messageId: id },
    sendMessageJobOptions(id, {
      ...DEFAULT_MAIL_WORKER_OPTIONS,
    }),
  );

  // The doomed worker: takes the job, claims the row as MailSender does, then hangs.
  let claimed!: () => void;
  const claimedNow = new Promise<void>((r) => (claimed = r));
  const doomed = new Worker(
    MAIL_QUEUE,
    async () => {
      await ds.query(
        `UPDATE messages SET status = 'sending', attempts = attempts + 1,
                locked_until = now() + $2 * interval '1 millisecond'
          WHERE id = $1`,
        [id, SHORT.claimTimeoutMs],
      );
      claimed();
      await new Promise(() => undefined); // never answers
    },
    {
      connection,
      prefix: t.config.redisPrefix,
      lockDuration: SHORT.lockDurationMs,
      stalledInterval: SHORT.stalledIntervalMs,
    },
  );
  await claimedNow;
  // Killed: no more lock renewals, the claim stays as it was.
  await doomed.close(true);
  expect((await ds.query(`SELECT status FROM messages WHERE id = $1`, [id]))[0].status).toBe(
    'sending',
  );

  const started = Date.now();
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ ...t.config, smtpUrl: sink.url, workerHealthPort: 0 }, SHORT),
    { logger: false },
  );
  try {
    await sink.waitFor(1, 30_000);
    const took = Date.now() - started;
    // 60 s in production terms (the intervals are scaled down by SCALE).
    expect(took).toBeLessThan(60_000 / SCALE);
    let row: Record<string, unknown> | undefined;
    for (const until = Date.now() + 10_000; Date.now() < until;) {
      [row] = await ds.query(`SELECT * FROM messages WHERE id = $1`, [id]);
      if (row?.status === 'sent') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    // Nothing else goes: the stalled job, the sweeper and the new job meet one claim.
    await new Promise((r) => setTimeout(r, 3 * (SHORT.stalledIntervalMs ?? 0) + 500));
    expect(sink.received.filter((m) => JSON.stringify(m.to).includes(email))).toHaveLength(1);
  } finally {
    await worker.close();
    await queue.close();
  }
});
