/**
 * What a stretch allocated and where, from a V8 sampling heap profile (.heapprofile, as
 * cpu-profile.ts writes it with `kind: 'allocations'`): bytes by allocating function and by
 * package, and by the nearest frame of the app's own code (who asked for the work), given
 * per request when the number of requests is passed.
 *
 *   node dist/bench/support/allocation-top.js var/profiles/convene-empty-2.heapprofile 1000 [count]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { frameName, largest, packageOf } from './profile-top.js';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  /** Bytes sampled here (V8 scales each sample to stand for the bytes between samples). */
  selfSize: number;
  children: HeapNode[];
}
interface HeapProfile {
  head: HeapNode;
}

export interface AllocationItem {
  name: string;
  bytes: number;
  percent: number;
}

export function allocationsOf(profile: HeapProfile, count: number) {
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const byOwnCaller = new Map<string, number>();
  let total = 0;
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  // Depth-first with the nearest own frame carried down: a library's allocation is charged
  // to the app's code that called into it.
  const stack: { node: HeapNode; own: string }[] = [{ node: profile.head, own: '(none)' }];
  while (stack.length) {
    const { node, own } = stack.pop()!;
    const f = node.callFrame;
    const pkg = f.url ? packageOf(f.url) : f.functionName || '(v8/native)';
    const nearestOwn = pkg.startsWith('convene:') ? frameName(f) : own;
    if (node.selfSize > 0) {
      total += node.selfSize;
      add(byFunction, frameName(f), node.selfSize);
      add(byPackage, pkg, node.selfSize);
      add(byOwnCaller, nearestOwn, node.selfSize);
    }
    for (const child of node.children) stack.push({ node: child, own: nearestOwn });
  }
  const top = (m: Map<string, number>): AllocationItem[] =>
    largest(m, count, total).map(({ name, value, percent }) => ({ name, bytes: value, percent }));
  return {
    totalBytes: total,
    functions: top(byFunction),
    packages: top(byPackage),
    ownCallers: top(byOwnCaller),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, requests, count] = process.argv.slice(2);
  const per = Number(requests ?? 1) || 1;
  const r = allocationsOf(
    JSON.parse(readFileSync(file, 'utf8')) as HeapProfile,
    Number(count ?? 25),
  );
  const kb = (bytes: number) => (bytes / per / 1024).toFixed(1).padStart(7);
  console.log(
    `allocated ${(r.totalBytes / 1024 / 1024).toFixed(1)} MiB, ${kb(r.totalBytes).trim()} KiB per request`,
  );
  for (const [title, items] of [
    ['by allocating function', r.functions],
    ['by package', r.packages],
    ["by the app's nearest frame", r.ownCallers],
  ] as const) {
    console.log(`\n${title} (KiB per request)`);
    for (const t of items)
      console.log(`${kb(t.bytes)}  ${String(t.percent).padStart(5)}%  ${t.name}`);
  }
}
