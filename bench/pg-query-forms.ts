/**
 * What the way a statement is handed to pg costs the garbage collector (a benchmark, not
 * a test). One statement of the agenda's shape (120 sessions, 24 columns: uuids, texts,
 * JSON texts, three timestamptz, a text array) is run back to back, one at a time, in a
 * child process started with the API's heap flags and `--trace-gc-nvp`, in two forms:
 *
 * - `promise`: pg's own `await client.query(text, values)`, as TypeORM calls it;
 * - `callback`: the same call with `usePgCallbackQueries()` installed (what every Convene
 *   process does through `dataSourceOptions`), which hands pg a callback instead.
 *
 * Per form and round it reads the collector's own log: scavenges and mark-compacts per
 * 1,000 statements, bytes promoted to the old generation and scavenge pause per statement,
 * and the child's CPU per statement. Rounds interleave (the order alternates); prints the
 * medians and writes bench/results/pg-query-forms.json.
 *
 *   ROUNDS=3 CALLS=3000 node dist/bench/pg-query-forms.js
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { CONNECTION_SETTINGS, useFastTimestamptzParser, usePgCallbackQueries } from '#core';
import { median, round1, round2 } from './support/http-load.js';
import { databaseUrl, drop, recreate, withClient } from './support/meeting-db.js';
import { splitStartWords, startFlags } from './support/start-flags.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CALLS = Number(process.env.CALLS ?? 3000);
const ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'convene_bench_pg_forms';
const OUT = resolve(process.env.OUT ?? 'bench/results/pg-query-forms.json');
const SELF = fileURLToPath(import.meta.url);
const FORMS = ['promise', 'callback'] as const;
type Form = (typeof FORMS)[number];

const STATEMENT = `SELECT * FROM sessions WHERE event_id = $1 ORDER BY starts_at, id`;
const EVENT = '3f1c1f7e-8d4b-4c55-9a57-3b9f0c2d7e10';

const DB_URL = databaseUrl(ADMIN_URL, DB);

async function prepare(): Promise<void> {
  await recreate(ADMIN_URL, DB);
  await withClient(DB_URL, async (db) => {
    await db.query(`CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), event_id uuid NOT NULL, kind text,
    title text, description text, titles jsonb, descriptions jsonb, room_name text,
    room_capacity int, capacity int, starts_at timestamptz, ends_at timestamptz,
    created_at timestamptz, language text, interpretation_languages text[],
    facilitators text, track text, status text, requires_signup boolean, meeting_point text,
    bus_seats int, host_name text, accessibility text, updated_by uuid)`);
    await db.query(
      `INSERT INTO sessions (event_id, kind, title, description, titles, descriptions, room_name,
       room_capacity, capacity, starts_at, ends_at, created_at, language,
       interpretation_languages, facilitators, track, status, requires_signup, meeting_point,
       bus_seats, host_name, accessibility, updated_by)
     SELECT $1, 'workshop', 'Atelier ' || i, repeat('Protection de l''enfance. ', 8),
       jsonb_build_object('en', 'Workshop ' || i, 'es', 'Taller ' || i),
       jsonb_build_object('en', repeat('Child protection. ', 8), 'es', repeat('Protección. ', 8)),
       'Salle ' || (i % 8), 40, 30, timestamptz '2027-10-25 09:00+01' + (i || ' hours')::interval,
       timestamptz '2027-10-25 10:30+01' + (i || ' hours')::interval, now(), 'fr',
       ARRAY['en', 'es'], 'Aïcha Benali, Nguyễn Thị Minh Khai', 'Pratiques', 'published', true,
       'Entrée principale', 45, 'Association Darna', 'Accès de plain-pied', gen_random_uuid()
     FROM generate_series(1, 120) AS i`,
      [EVENT],
    );
  });
}

/** The child: CALLS statements back to back in the given form, after a warm-up. */
async function child(form: Form): Promise<void> {
  useFastTimestamptzParser();
  if (form === 'callback') usePgCallbackQueries();
  const client = new pg.Client({ connectionString: DB_URL, options: CONNECTION_SETTINGS });
  await client.connect();
  const run = async () => {
    const result = await client.query(STATEMENT, [EVENT]);
    if (result.rows.length !== 120) throw new Error(`expected 120 rows, got ${result.rowCount}`);
    return JSON.stringify(result.rows).length;
  };
  for (let i = 0; i < 200; i++) await run();
  // The collector's log is on stdout too: everything after this line is the measured part.
  process.stdout.write('\nMEASURE\n');
  const cpu = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await run();
  const used = process.cpuUsage(cpu);
  process.stdout.write(`\nCPU ${(used.user + used.system) / 1000}\n`);
  await client.end();
}

interface Round {
  scavengesPer1000: number;
  markCompactsPer1000: number;
  promotedKBPerCall: number;
  scavengeMsPerCall: number;
  cpuMsPerCall: number;
}

/** Sums the `--trace-gc-nvp` lines after the marker. */
function readGcLog(stdout: string, calls: number): Round {
  const measured = stdout.slice(stdout.indexOf('\nMEASURE\n'));
  let scavenges = 0;
  let markCompacts = 0;
  let promoted = 0;
  let pause = 0;
  for (const line of measured.split('\n')) {
    const kind = /\bgc=(\w+)/.exec(line)?.[1];
    if (!kind) continue;
    const field = (name: string) => Number(new RegExp(`\\b${name}=([\\d.]+)`).exec(line)?.[1] ?? 0);
    if (kind === 's') {
      scavenges++;
      promoted += field('promoted');
      pause += field('pause');
    } else if (kind === 'mc' || kind === 'ms') markCompacts++;
  }
  const cpu = Number(/\nCPU ([\d.]+)/.exec(measured)?.[1] ?? NaN);
  return {
    scavengesPer1000: round1((1000 * scavenges) / calls),
    markCompactsPer1000: round1((1000 * markCompacts) / calls),
    promotedKBPerCall: round2(promoted / 1024 / calls),
    scavengeMsPerCall: round2(pause / calls),
    cpuMsPerCall: round2(cpu / calls),
  };
}

function measure(form: Form, flags: string[]): Round {
  const { env, nodeArgs } = splitStartWords(flags);
  const out = spawnSync(process.execPath, [...nodeArgs, '--trace-gc-nvp', SELF, 'child', form], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  if (out.status !== 0) throw new Error(`${form} child failed: ${out.stderr}`);
  return readGcLog(out.stdout, CALLS);
}

async function main(): Promise<void> {
  if (process.argv[2] === 'child') return child(process.argv[3] as Form);
  await prepare();
  const flags = startFlags('start:api', resolve(dirname(SELF), '../../package.json'));
  console.log(`${CALLS} statements of 120 rows per form and round, Node flags ${flags.join(' ')}`);
  const rounds: Record<Form, Round[]> = { promise: [], callback: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const form of r % 2 ? [...FORMS].reverse() : FORMS) {
      const result = measure(form, flags);
      rounds[form].push(result);
      console.log(`round ${r + 1} ${form.padEnd(8)} ${JSON.stringify(result)}`);
    }
  }
  const medians = Object.fromEntries(
    FORMS.map((form) => [
      form,
      Object.fromEntries(
        (Object.keys(rounds[form][0]) as Array<keyof Round>).map((k) => [
          k,
          median(rounds[form].map((x) => x[k])),
        ]),
      ),
    ]),
  );
  console.table(medians);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    JSON.stringify(
      { at: new Date().toISOString(), calls: CALLS, nodeFlags: flags, rounds, medians },
      null,
      2,
    ),
  );
  console.log(`written to ${OUT}`);
  await drop(ADMIN_URL, DB);
}

await main();
