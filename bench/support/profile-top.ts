/**
 * The top self-time items of a V8 CPU profile (.cpuprofile), by function and by package,
 * as the registration rush's notes report them before and after a change.
 *
 *   node dist/bench/support/profile-top.js var/profiles/rush.cpuprofile [count]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface TopItem {
  name: string;
  ms: number;
  percent: number;
}

/** Where a frame comes from: an npm package, the app's own code, or V8/Node itself. */
export function packageOf(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.includes('/dist/'))
    return `convene:${url
      .slice(url.indexOf('/dist/') + 6)
      .split('/')
      .slice(0, 2)
      .join('/')}`;
  if (url.startsWith('node:')) return 'node';
  return url ? url : '(v8/native)';
}

/** A frame as the tables name it: the function, then its package and line. */
export function frameName(frame: ProfileNode['callFrame']): string {
  const where = frame.url ? `${packageOf(frame.url)}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'} ${where}`.trim();
}

/** The `count` largest entries, each with its share of `total` in percent (one decimal). */
export function largest(
  m: Map<string, number>,
  count: number,
  total: number,
): Array<{ name: string; value: number; percent: number }> {
  return [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, value]) => ({ name, value, percent: Math.round((1000 * value) / total) / 10 }));
}

export function topOf(profile: Profile, count: number) {
  const selfUs = new Map<number, number>();
  // A sample stands for the time until the next one, as DevTools counts it. The first
  // delta runs from the profile's start to its first sample and belongs to no function:
  // given to that sample, it showed the inspector's `dispatch` at 5-7 % of every profile.
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const { functionName, url } = node.callFrame;
    // (program) is V8 and native work no JS frame owns; (garbage collector) stays in too.
    if (functionName === '(idle)') continue;
    total += us;
    const name = frameName(node.callFrame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const pkg = url ? packageOf(url) : functionName;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const top = (m: Map<string, number>): TopItem[] =>
    largest(m, count, total).map(({ name, value, percent }) => ({
      name,
      ms: Math.round(value / 1000),
      percent,
    }));
  return { busyMs: Math.round(total / 1000), functions: top(byFunction), packages: top(byPackage) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, count] = process.argv.slice(2);
  const result = topOf(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(count ?? 25));
  console.log(`busy (everything but idle) ${result.busyMs} ms`);
  console.log('\nself time by function');
  for (const t of result.functions) console.log(`${String(t.percent).padStart(5)}%  ${t.name}`);
  console.log('\nself time by package');
  for (const t of result.packages) console.log(`${String(t.percent).padStart(5)}%  ${t.name}`);
}
