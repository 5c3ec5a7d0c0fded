import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { type AppConfig } from '#core';
import { MailProcessor, type MailWorkerOptions } from '#messaging/worker';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { SmtpSink } from '../libs/messaging/src/testing/smtp-sink.js';
import { FAST_MAIL, insertHandedOver } from './support/mail-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * A live worker that cannot reach PostgreSQL while it sends: it can neither renew its
 * claim nor record the send. The database refuses its statements here through
 * triggers (a real error from the server), while the other workers still get through,
 * as when one process's pool is refused connections.
 */

let t: TestApp;
let sink: SmtpSink;
let ds: DataSource;
const workers: INestApplicationContext[] = [];

async function startWorker(
  smtp: SmtpSink,
  mail: Partial<MailWorkerOptions>,
  config: Partial<AppConfig> = {},
): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { ...t.config, smtpUrl: smtp.url, workerHealthPort: 0, smtpMaxPerSecond: 200, ...config },
      { ...FAST_MAIL, ...mail },
    ),
    { logger: false },
  );
  workers.push(worker);
  return worker;
}

async function row(id: string): Promise<Record<string, unknown>> {
  const [found] = await ds.query(`SELECT * FROM messages WHERE id = $1`, [id]);
  return found as Record<string, unknown>;
}

async function waitFor(
  id: string,
  test: (r: Record<string, unknown>) => boolean,
  timeoutMs = 20_000,
): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await row(id);
    if (test(found)) return found;
    if (Date.now() > until) throw new Error(`Message ${id} stayed ${JSON.stringify(found)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const mailsTo = (smtp: SmtpSink, email: string) =>
  smtp.received.filter((m) => JSON.stringify(m.to).includes(email));

beforeAll(async () => {
  t = await startTestApp('email-lease');
  ds = t.app.get(DataSource);
  sink = await SmtpSink.start();
  await ds.query(`
    CREATE SEQUENCE record_fault;
    CREATE TABLE renewals_refused (message_id uuid NOT NULL, attempt int NOT NULL);
    CREATE FUNCTION refuse_once_recording() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.recipient_email LIKE 'record-fault-%' AND nextval('record_fault') = 1 THEN
        RAISE EXCEPTION 'connection to the database lost';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER refuse_once_recording BEFORE UPDATE ON messages FOR EACH ROW
      WHEN (NEW.status = 'sent') EXECUTE FUNCTION refuse_once_recording();
    CREATE FUNCTION refuse_renewals() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM renewals_refused WHERE message_id = OLD.id AND attempt = OLD.attempts) THEN
        RAISE EXCEPTION 'too many clients already';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER refuse_renewals BEFORE UPDATE ON messages FOR EACH ROW
      WHEN (OLD.status = 'sending' AND NEW.status = 'sending' AND OLD.attempts = NEW.attempts)
      EXECUTE FUNCTION refuse_renewals();
  `);
});

afterAll(async () => {
  for (const worker of workers) await worker.close();
  await sink?.close();
  await t?.close();
});

describe('a worker that loses the database while it sends', () => {
  it('records a message the server accepted even if the first record fails: one email', async () => {
    const email = `record-fault-${Date.now()}@example.org`;
    const manual = await startWorker(sink, { relay: false, processor: false });
    const id = await insertHandedOver(ds, email);

    const outcome = await manual
      .get(MailProcessor)
      .handle({ name: 'send-message', data: { messageId: id } });

    expect(outcome).toBe('sent');
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, locked_until: null });
    // Nothing comes back to send it again.
    await new Promise((r) => setTimeout(r, 600));
    expect(mailsTo(sink, email)).toHaveLength(1);
  });

  it('calls its send off before its claim lapses, so the worker that takes over sends the only email', async () => {
    const email = `lease-${Date.now()}@example.org`;
    // Worker A's mail server stalls before taking the message; A cannot renew its claim.
    const stalled = await SmtpSink.start({ rcptDelayMs: 4_000 });
    const claimTimeoutMs = 1_200;
    const a = await startWorker(stalled, { relay: false, processor: false, claimTimeoutMs });
    const b = await startWorker(sink, { claimTimeoutMs });
    try {
      const id = await insertHandedOver(ds, email);
      // Only A's claim (the first attempt) is refused its renewals.
      await ds.query(`INSERT INTO renewals_refused VALUES ($1, 1)`, [id]);
      const started = Date.now();
      const outcomeA = a
        .get(MailProcessor)
        .handle({ name: 'send-message', data: { messageId: id } });
      await waitFor(id, (r) => r.status === 'sending');

      // Past A's lease: B may now take the row, as a stalled-job check would hand it over.
      await new Promise((r) => setTimeout(r, claimTimeoutMs + 300 - (Date.now() - started)));
      await b.get(MailProcessor).handle({ name: 'send-message', data: { messageId: id } });

      // A called its send off itself: 'delayed' when it handed the row back before B took
      // it, 'skipped' when a starved event loop ran its watchdog after that. Never 'sent'.
      expect(['delayed', 'skipped']).toContain(await outcomeA);
      const sent = await waitFor(id, (r) => r.status === 'sent');
      expect(sent.attempts).toBe(2);

      // Once the stalled server would have answered, it still has received nothing.
      await new Promise((r) => setTimeout(r, Math.max(0, 4_500 - (Date.now() - started))));
      expect(stalled.accepted).toBe(0);
      expect(stalled.attempts).toBe(0);
      expect(mailsTo(sink, email)).toHaveLength(1);
    } finally {
      await ds.query(`DELETE FROM renewals_refused`);
      await stalled.close();
    }
  });
});
