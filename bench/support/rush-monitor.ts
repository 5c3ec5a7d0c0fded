import { readFileSync } from 'node:fs';
import pg from 'pg';

/*
 * Where a rush's time goes, read from outside the servers while it runs (Linux):
 * - CPU of each process that takes part (APIs, workers, the bench's own client, and the
 *   PostgreSQL backends connected to the bench's database), against the whole machine's
 *   busy time, so what other programs on the machine took shows as well;
 * - what PostgreSQL's backends of the database are doing, sampled from pg_stat_activity
 *   (running, waiting for the event's admission lock, for a row lock, for the client...);
 * - the most connections the whole PostgreSQL server had, against max_connections.
 */

/** CPU time of one process so far (user + system), in ms; null once it has gone. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of the line, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The machine's busy and total CPU time so far, in ms summed over every core. */
function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq + (steal ?? 0);
  return { busy: busy * 10, total: (busy + idle + iowait) * 10 };
}

export interface RushReport {
  seconds: number;
  /** CPU ms per request, by process (or group of processes). */
  cpuMsPerRequest: Record<string, number>;
  /** Share of the machine's cores each took during the rush (1 = one core throughout). */
  cores: Record<string, number>;
  /** Average number of the database's backends in each state over the samples. */
  backends: Record<string, number>;
  samples: number;
  /** The most of the database's backends seen working at once (not idle) in one sample. */
  activePeak: number;
  /** The most connections PostgreSQL had at once (all databases), and its limit. */
  connectionsPeak: number;
  maxConnections: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** What a sampled backend is doing, in words. */
function activity(row: {
  state: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
}): string {
  if (row.state !== 'active') return row.state ?? 'unknown';
  if (row.wait_event_type === null) return 'active: running';
  if (row.wait_event_type === 'Lock' && row.wait_event === 'advisory')
    return 'active: waiting for the admission lock (advisory)';
  if (row.wait_event_type === 'Lock') return `active: waiting for a ${row.wait_event} lock`;
  return `active: ${row.wait_event_type} ${row.wait_event}`;
}

export class RushMonitor {
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> = Promise.resolve();
  private readonly backendCpu = new Map<number, { first: number; last: number }>();
  private readonly states = new Map<string, number>();
  private samples = 0;
  private connectionsPeak = 0;
  private activePeak = 0;
  private processes0 = new Map<string, number>();
  private machine0 = { busy: 0, total: 0 };
  private started = 0;

  private constructor(
    private readonly db: pg.Client,
    private readonly maxConnections: number,
    private readonly processes: () => Record<string, number[]>,
  ) {}

  /** `processes` names the pids to account for (read again at the start of each rush). */
  static async open(
    databaseUrl: string,
    processes: () => Record<string, number[]>,
  ): Promise<RushMonitor> {
    const db = new pg.Client({ connectionString: databaseUrl, application_name: 'rush-monitor' });
    await db.connect();
    const {
      rows: [{ max_connections }],
    } = await db.query<{ max_connections: string }>('SHOW max_connections');
    return new RushMonitor(db, Number(max_connections), processes);
  }

  private processCpu(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [name, pids] of Object.entries(this.processes()))
      out.set(
        name,
        pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0),
      );
    out.set(
      'bench client (this process)',
      (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    );
    return out;
  }

  private async sample(): Promise<void> {
    const { rows } = await this.db.query<{
      pid: number;
      state: string | null;
      wait_event_type: string | null;
      wait_event: string | null;
      mine: boolean;
    }>(
      `SELECT pid, state, wait_event_type, wait_event, datname = current_database() AS mine
         FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    this.samples++;
    this.connectionsPeak = Math.max(this.connectionsPeak, rows.length + 1);
    let active = 0;
    for (const row of rows) {
      if (!row.mine) continue;
      if (row.state === 'active') active++;
      const key = activity(row);
      this.states.set(key, (this.states.get(key) ?? 0) + 1);
      const cpu = processCpuMs(row.pid);
      if (cpu === null) continue;
      const seen = this.backendCpu.get(row.pid);
      // A backend first seen during the rush opened during it: all its CPU is the rush's.
      if (seen) seen.last = cpu;
      else this.backendCpu.set(row.pid, { first: this.started ? 0 : cpu, last: cpu });
    }
    if (this.started) this.activePeak = Math.max(this.activePeak, active);
  }

  /** Starts sampling every `everyMs`; call right before the rush's first request. */
  async start(everyMs = 100): Promise<void> {
    this.backendCpu.clear();
    this.states.clear();
    this.samples = 0;
    this.connectionsPeak = 0;
    this.activePeak = 0;
    this.started = 0;
    await this.sample(); // The backends already open: their CPU so far is not the rush's.
    this.samples = 0;
    this.states.clear();
    this.processes0 = this.processCpu();
    this.machine0 = machineCpuMs();
    this.started = Date.now();
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample()).catch(() => undefined);
    }, everyMs);
  }

  async stop(requests: number): Promise<RushReport> {
    clearInterval(this.timer);
    await this.sampling;
    await this.sample();
    const seconds = (Date.now() - this.started) / 1000;
    const machine = machineCpuMs();
    const cpu: Record<string, number> = {};
    for (const [name, now] of this.processCpu()) cpu[name] = now - (this.processes0.get(name) ?? 0);
    cpu['PostgreSQL backends of the bench database'] = [...this.backendCpu.values()].reduce(
      (sum, b) => sum + b.last - b.first,
      0,
    );
    const ours = Object.values(cpu).reduce((a, b) => a + b, 0);
    cpu['everything else on the machine'] = Math.max(0, machine.busy - this.machine0.busy - ours);
    cpu['idle'] = machine.total - this.machine0.total - (machine.busy - this.machine0.busy);
    const cpuMsPerRequest: Record<string, number> = {};
    const cores: Record<string, number> = {};
    for (const [name, ms] of Object.entries(cpu)) {
      if (name !== 'idle') cpuMsPerRequest[name] = round2(ms / requests);
      cores[name] = round2(ms / 1000 / seconds);
    }
    const backends: Record<string, number> = {};
    for (const [state, n] of [...this.states].sort((a, b) => b[1] - a[1]))
      backends[state] = round2(n / Math.max(1, this.samples));
    return {
      seconds: round2(seconds),
      cpuMsPerRequest,
      cores,
      backends,
      samples: this.samples,
      activePeak: this.activePeak,
      connectionsPeak: this.connectionsPeak,
      maxConnections: this.maxConnections,
    };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.sampling;
    await this.db.end();
  }
}
