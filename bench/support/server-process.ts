import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { processMemoryMiB } from './process-memory.js';
import { splitStartWords } from './start-flags.js';

/** How the server's requests waited for a PostgreSQL connection from its pools. */
export interface PoolWaits {
  acquisitions: number;
  waitMs: number;
  longestMs: number;
  /** The most callers queued for a connection at once (all connections busy). */
  queuedPeak: number;
  /** The longest the server's event loop ran late (perf_hooks.monitorEventLoopDelay). */
  loopDelayMaxMs: number;
}

/**
 * A server a benchmark starts itself, with what the bench reads off it: CPU time and
 * resident memory from /proc (Linux), statements sent to PostgreSQL over IPC (see
 * count-statements.ts), and a CPU profile of a chosen stretch (cpu-profile.ts).
 */
export class ServerProcess {
  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(
    name: string,
    script: string,
    port: number,
    healthPath: string,
    env: Record<string, string>,
    startWords: string[] = [],
  ): Promise<ServerProcess> {
    // Start words may carry environment settings (MALLOC_ARENA_MAX=2) before Node's flags.
    const { env: startEnv, nodeArgs } = splitStartWords(startWords);
    const child = spawn(
      process.execPath,
      [
        ...nodeArgs,
        '--import',
        new URL('./count-statements.js', import.meta.url).pathname,
        '--import',
        new URL('./cpu-profile.js', import.meta.url).pathname,
        script,
      ],
      {
        env: { ...process.env, ...env, ...startEnv, PORT: String(port) },
        stdio: ['ignore', process.env.SERVER_STDOUT ? 'inherit' : 'ignore', 'inherit', 'ipc'],
      },
    );
    const server = new ServerProcess(name, `http://127.0.0.1:${port}`, child);
    // A server left over on the port would answer the health check instead of this one.
    if (
      await fetch(`${server.baseUrl}${healthPath}`).then(
        () => true,
        () => false,
      )
    ) {
      child.kill('SIGKILL');
      throw new Error(`port ${port} is already taken: stop what listens there first`);
    }
    for (let i = 0; i < 240; i++) {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
      const ok = await fetch(`${server.baseUrl}${healthPath}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return server;
      await sleep(250);
    }
    child.kill();
    throw new Error(`${name} did not answer ${healthPath} within 60 s`);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Null while the server runs. */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /** User + system CPU of the process so far, in milliseconds. */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /**
   * Read and write system calls of the process so far (Linux /proc/<pid>/io): sockets
   * included, so a server that writes an answer in two calls where one would do shows here.
   */
  syscalls(): { reads: number; writes: number } {
    const io = readFileSync(`/proc/${this.child.pid}/io`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1]);
    return { reads: field('syscr'), writes: field('syscw') };
  }

  /** Resident memory now and at its peak, in MiB. */
  memoryMiB(): { rss: number; peak: number } {
    return processMemoryMiB(this.pid);
  }

  /** Starts the peak (VmHWM) over from the current resident size (Linux clear_refs). */
  resetPeakMemory(): void {
    writeFileSync(`/proc/${this.child.pid}/clear_refs`, '5');
  }

  async statements(): Promise<number> {
    return (await this.statementsByHead()).total;
  }

  /**
   * Statements so far, in all and by their first 48 characters (whitespace collapsed).
   * The server counts raw prefixes; they are tidied here, outside the measured process.
   */
  async statementsByHead(): Promise<{ total: number; byHead: Record<string, number> }> {
    const m = await this.ask('statements', 'statements');
    const byHead: Record<string, number> = {};
    let total = 0;
    for (const [prefix, n] of Object.entries(m.statements as Record<string, number>)) {
      const head = prefix.replace(/\s+/g, ' ').trim().slice(0, 48);
      byHead[head] = (byHead[head] ?? 0) + n;
      total += n;
    }
    return { total, byHead };
  }

  /** Waits for a pg pool connection since the last call (see count-statements.ts). */
  async poolWaits(): Promise<PoolWaits> {
    const m = await this.ask('pool', 'pool');
    return m.pool as PoolWaits;
  }

  /** Starts a CPU profile, or an allocation sampling, inside the server (see cpu-profile.ts). */
  async startProfile(kind: 'cpu' | 'allocations' = 'cpu'): Promise<void> {
    await this.ask({ profile: 'start', kind }, 'profiling');
  }

  /** Stops it and has the server write it to `file` (.cpuprofile or .heapprofile). */
  async stopProfile(file: string): Promise<void> {
    await this.ask({ profile: 'stop', file }, 'profiled', 60_000);
  }

  /** One IPC question; the answer is the next message carrying `key`. */
  private ask(message: unknown, key: string, ms = 5000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const listener = (m: unknown) => {
        if (typeof m !== 'object' || m === null || !(key in m)) return;
        clearTimeout(timer);
        this.child.off('message', listener);
        resolve(m as Record<string, unknown>);
      };
      const timer = setTimeout(() => {
        this.child.off('message', listener);
        reject(new Error(`${this.name}: no answer to ${JSON.stringify(message)}`));
      }, ms);
      this.child.on('message', listener);
      this.child.send(message as string);
    });
  }

  /** SIGTERM (a profile, if asked for, is written on the way out), SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * What every bench's Convene API runs with: its database, quiet logs, no worker health
 * port, and the sign-in and sign-up limits lifted, since a bench logs many people in from
 * one address. `extra` adds or overrides.
 */
export function apiEnv(
  databaseUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    WORKER_HEALTH_PORT: '0',
    LOGIN_MAX_PER_IP: '100000',
    LOGIN_MAX_PER_EMAIL: '100000',
    SIGNUP_MAX_PER_IP: '100000',
    ...extra,
  };
}
