/**
 * Email throughput (a benchmark, not a test): 2,000 outbox rows, the worker's relay and
 * processor in this process, pooled SMTP to a local smtp-server sink that stores
 * nothing. Prints and writes bench/results/email-throughput.json: emails per second
 * and the time from enqueue (commit of the outbox row) to accepted by SMTP.
 *
 *   npm run build && node dist/bench/email-throughput.js
 *   BENCH_EMAILS=5000 BENCH_RATE=200 node dist/bench/email-throughput.js
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '#core';
import { Outbox, type OutboundMessage } from '#messaging';
import { MailQueue } from '#messaging/worker';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 10000); // SMTP_MAX_PER_SECOND; high = unthrottled
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const BATCH = 100; // rows per enqueue transaction, like a mid-size announcement
const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const run = randomBytes(4).toString('hex');
  const dbName = `convene_bench_email_${run}`;
  await admin(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const migrator = new DataSource(dataSourceOptions(dbUrl.toString()));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();

  const enqueuedAt = new Map<string, number>();
  const latencies: number[] = [];
  let lastAccepted = 0;
  const sink = await SmtpSink.start({
    store: false,
    onAccepted: (to, at) => {
      const start = enqueuedAt.get(to[0]);
      if (start !== undefined) latencies.push(at - start);
      lastAccepted = at;
    },
  });

  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: `bench-email-${run}`,
    SMTP_URL: sink.url,
    SMTP_MAX_PER_SECOND: String(RATE),
    WORKER_HEALTH_PORT: '0',
  });
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, { concurrency: CONCURRENCY, maxConnections: POOL }),
    { logger: ['error'] },
  );
  const ds = worker.get(DataSource);
  const outbox = new Outbox(); // stateless; the worker app itself never writes rows

  const payload = {
    eventId: '00000000-0000-4000-8000-000000000000',
    eventName: 'Communities of Practice and Knowledge 2027',
    eventStartDate: '2027-10-25',
    eventEndDate: '2027-10-30',
    eventTimezone: 'Africa/Casablanca',
    venueName: 'Hôtel Continental',
    venueCity: 'Tangier',
    registrationId: '00000000-0000-4000-8000-000000000001',
    recipientName: 'Participant',
  };
  const locales = ['fr', 'en', 'es'] as const;

  const started = Date.now();
  for (let i = 0; i < EMAILS; i += BATCH) {
    const batch: OutboundMessage[] = [];
    for (let j = i; j < Math.min(EMAILS, i + BATCH); j++) {
      batch.push({
        template: 'registration_confirmed',
        recipientEmail: `bench-${j}@example.org`,
        locale: locales[j % 3],
        payload,
      });
    }
    await ds.transaction((m) => outbox.enqueue(m, batch));
    const committed = Date.now();
    for (const m of batch) enqueuedAt.set(m.recipientEmail, committed);
  }
  const enqueueMs = Date.now() - started;

  await sink.waitFor(EMAILS, 10 * 60_000);
  const totalMs = lastAccepted - started;
  // The sink answers before the worker records `sent`: give the last updates a moment.
  let sent = 0;
  for (let i = 0; i < 100 && sent < EMAILS; i++) {
    [{ sent }] = await ds.query(`SELECT count(*)::int AS sent FROM messages WHERE status = 'sent'`);
    if (sent < EMAILS) await new Promise((r) => setTimeout(r, 100));
  }

  latencies.sort((a, b) => a - b);
  const result = {
    benchmark: 'email-throughput',
    date: new Date().toISOString(),
    node: process.version,
    emails: EMAILS,
    sent,
    smtpAccepted: sink.accepted,
    emailsPerSecond: Math.round((EMAILS / totalMs) * 1000 * 10) / 10,
    totalMs,
    enqueueMs,
    // The worker runs in this process: its resident peak (each email writes its dates).
    peakResidentMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    enqueueToAcceptedMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1],
    },
    settings: {
      pooling: true,
      smtpPoolConnections: POOL,
      workerConcurrency: CONCURRENCY,
      smtpMaxPerSecond: RATE,
      enqueueBatch: BATCH,
      template: 'registration_confirmed (fr/en/es)',
      relay: 'in-process, LISTEN/NOTIFY + 750 ms poll',
    },
  };
  console.log(JSON.stringify(result, null, 2));
  const out = join(dirname(fileURLToPath(import.meta.url)), '../../bench/results');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'email-throughput.json'), `${JSON.stringify(result, null, 2)}\n`);

  await worker
    .get(MailQueue)
    .queue.obliterate({ force: true })
    .catch(() => undefined);
  await worker.close();
  await sink.close();
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
