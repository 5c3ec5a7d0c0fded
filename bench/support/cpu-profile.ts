/**
 * Preloaded (`node --import`) into a server a benchmark starts: records a CPU profile
 * only while the parent asks (`{ profile: 'start' }` ... `{ profile: 'stop', file }`), so
 * a profile holds the rush and not the accounts' set-up before it. Idle otherwise.
 *
 * `{ profile: 'start', kind: 'allocations' }` samples allocations instead (V8's sampling
 * heap profiler, every object collected since kept in the profile): what a stretch
 * allocates and where, which is what a scavenge's cost follows (allocation-top.ts).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

let session: Session | undefined;
let kind: 'cpu' | 'allocations' = 'cpu';

const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    session!.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );

process.on('message', (message: unknown) => {
  if (typeof message !== 'object' || message === null || !('profile' in message)) return;
  const m = message as { profile: 'start' | 'stop'; kind?: 'cpu' | 'allocations'; file?: string };
  void (async () => {
    if (m.profile === 'start') {
      session = new Session();
      session.connect();
      kind = m.kind ?? 'cpu';
      if (kind === 'allocations') {
        await post('HeapProfiler.enable');
        // Without the two flags the profile keeps only what is still alive at its end.
        await post('HeapProfiler.startSampling', {
          samplingInterval: 4096,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
      } else {
        await post('Profiler.enable');
        // 1 ms, as `node --cpu-prof`.
        await post('Profiler.setSamplingInterval', { interval: 1000 });
        await post('Profiler.start');
      }
      process.send?.({ profiling: true });
    } else if (session) {
      const { profile } = (await post(
        kind === 'allocations' ? 'HeapProfiler.stopSampling' : 'Profiler.stop',
      )) as { profile: unknown };
      session.disconnect();
      session = undefined;
      if (m.file) writeFileSync(m.file, JSON.stringify(profile));
      process.send?.({ profiled: m.file ?? null });
    }
  })();
});
