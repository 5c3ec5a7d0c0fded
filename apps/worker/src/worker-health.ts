import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { createServer, type Server } from 'node:http';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, REDIS, TZDATA_VERSION } from '#core';
import { MailProcessor, MailQueue } from '#messaging/worker';

/**
 * GET /health/live and /health/ready on WORKER_HEALTH_PORT, so an orchestrator can
 * restart a worker that lost PostgreSQL or Redis. Port 0 turns it off.
 */
@Injectable()
export class WorkerHealth implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHealth');
  private server?: Server;
  private draining = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailQueue: MailQueue,
    private readonly mailProcessor: MailProcessor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workerHealthPort === 0) return;
    this.server = createServer((req, res) => {
      void this.answer(req.url ?? '').then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.config.workerHealthPort, '0.0.0.0', resolve);
    });
    this.logger.log(`Worker health on :${this.config.workerHealthPort}/health/ready`);
  }

  beforeApplicationShutdown(): void {
    this.draining = true;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private async answer(url: string): Promise<{ status: number; body: unknown }> {
    if (url.startsWith('/health/live')) return { status: 200, body: { status: 'ok' } };
    if (!url.startsWith('/health/ready')) return { status: 404, body: { status: 'not found' } };
    const [database, redis] = await Promise.all([
      this.dataSource.query('SELECT 1').then(
        () => 'up',
        () => 'down',
      ),
      this.redis.ping().then(
        () => 'up',
        () => 'down',
      ),
    ]);
    const mail = await this.mailStatus(database === 'up', redis === 'up');
    const ok = database === 'up' && redis === 'up' && !this.draining;
    return {
      status: ok ? 200 : 503,
      body: {
        status: ok ? 'ok' : 'unavailable',
        database,
        redis,
        draining: this.draining,
        tzdata: TZDATA_VERSION,
        mail,
      },
    };
  }

  /** Queue depth and outbox backlog: informative, never a reason to restart the worker. */
  private async mailStatus(databaseUp: boolean, redisUp: boolean) {
    const [queue, outbox] = await Promise.all([
      redisUp ? this.mailQueue.counts().catch(() => null) : null,
      databaseUp
        ? this.dataSource
            .query(
              `SELECT count(*) FILTER (WHERE enqueued_at IS NULL)::int AS "notEnqueued",
                      count(*) FILTER (WHERE status = 'sending')::int AS sending,
                      min(created_at) FILTER (WHERE enqueued_at IS NULL) AS "oldestNotEnqueuedAt"
                 FROM messages WHERE status IN ('queued', 'sending')`,
            )
            .then((rows: unknown[]) => rows[0])
            .catch(() => null)
        : null,
    ]);
    return { processing: this.mailProcessor.running, queue, outbox };
  }
}
