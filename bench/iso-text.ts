/**
 * What writing an instant as text costs (a benchmark, not a test): Convene's
 * `toZonedIso` and `localDateOf` (#core, by arithmetic since "Dates written by hand" in
 * bench/README.md) against the way they were written before, through `Date#toISOString`,
 * with the same offsets from the same zone rules. Both in one process on the same
 * instants (a week of sessions every 37 minutes, in the zones the network meets in),
 * rounds interleaved with the order alternating, after a warm-up. Nanoseconds a call
 * (the median of the rounds) and the ratio; checks first that both write the same text.
 * Writes bench/results/iso-text.json.
 *
 *   ROUNDS=7 CALLS=500000 node dist/bench/iso-text.js
 */
import { resolve } from 'node:path';
import { localDateOf, offsetMinutesAt, toZonedIso } from '#core';
import { median, round2 } from './support/http-load.js';
import { writeReport } from './support/write-report.js';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const CALLS = Number(process.env.CALLS ?? 500_000);
const OUT = resolve(process.env.OUT ?? 'bench/results/iso-text.json');
const ZONES = ['Africa/Casablanca', 'Europe/Paris', 'America/Lima', 'Asia/Manila'];

/** The previous toZonedIso, kept here as the baseline. */
function toZonedIsoThroughDate(instant: Date, zone: string): string {
  const offset = Math.round(offsetMinutesAt(zone, instant));
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The previous localDateOf, kept here as the baseline. */
function localDateThroughDate(instant: Date, zone: string): string {
  return new Date(instant.getTime() + offsetMinutesAt(zone, instant) * 60_000)
    .toISOString()
    .slice(0, 10);
}

const start = Date.UTC(2027, 9, 24, 7, 0);
const instants = Array.from({ length: 1000 }, (_, i) => new Date(start + i * 37 * 60_000));

type Write = (instant: Date, zone: string) => string;

function nanosecondsPerCall(write: Write): number {
  let length = 0;
  const perZone = Math.ceil(CALLS / ZONES.length / instants.length);
  const t0 = process.hrtime.bigint();
  for (const zone of ZONES) {
    for (let r = 0; r < perZone; r++) for (const at of instants) length += write(at, zone).length;
  }
  const ns = Number(process.hrtime.bigint() - t0);
  if (length === 0) throw new Error('nothing written');
  return ns / (perZone * instants.length * ZONES.length);
}

const pairs: Array<{ name: string; convene: Write; before: Write }> = [
  { name: 'toZonedIso', convene: toZonedIso, before: toZonedIsoThroughDate },
  { name: 'localDateOf', convene: localDateOf, before: localDateThroughDate },
];

for (const { name, convene, before } of pairs) {
  for (const zone of ZONES) {
    for (const at of instants) {
      if (convene(at, zone) !== before(at, zone)) {
        throw new Error(`${name} differs at ${at.toISOString()} in ${zone}`);
      }
    }
  }
}
console.log('same text from both ways for every instant and zone');

const rows = pairs.map(({ name, convene, before }) => {
  nanosecondsPerCall(convene);
  nanosecondsPerCall(before);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      ours.push(nanosecondsPerCall(convene));
      theirs.push(nanosecondsPerCall(before));
    } else {
      theirs.push(nanosecondsPerCall(before));
      ours.push(nanosecondsPerCall(convene));
    }
  }
  return {
    function: name,
    nsPerCall: round2(median(ours)),
    throughDateNsPerCall: round2(median(theirs)),
    timeRatio: round2(median(ours) / median(theirs)),
  };
});
console.table(rows);
await writeReport(OUT, { rounds: ROUNDS, calls: CALLS, zones: ZONES, results: rows });
