import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import { type AppConfig } from '../config/config.schema.js';

/** What warmPool needs of a pg Pool (a data source's own, or a bare one in bench/). */
export interface WarmablePool {
  options: { max?: number };
  connect(): Promise<{ release(): void }>;
}

/** The pg Pool behind a TypeORM data source. */
export const pgPoolOf = (dataSource: DataSource): WarmablePool =>
  (dataSource.driver as unknown as { master: WarmablePool }).master;

/**
 * Opens `count` connections of the pool at once and gives them back to it,
 * so that with the pool's `min` they are there before the first request needs them.
 * Returns how many opened; one that cannot (the server full, say) is left to be opened
 * on demand, as without warming.
 *
 * Why: a registration opens at an announced hour, to an API that has been idle long
 * enough for pg to close every idle connection. The first wave of arrivals then queued
 * behind the opening of the pool's connections (a new PostgreSQL backend each, 22 ms alone
 * on the two-core machine, 300 ms for twenty at once, longer under the rush's load, and a
 * SCRAM exchange each behind a password), on top of their own work (bench/rush-after-idle).
 */
export async function warmPool(pool: WarmablePool, count: number): Promise<number> {
  // More than the pool's size would wait for a release that comes only after them all
  // (pg's default size is 10).
  const wanted = Math.min(count, pool.options.max ?? 10);
  const clients = await Promise.allSettled(Array.from({ length: wanted }, () => pool.connect()));
  let opened = 0;
  for (const client of clients) {
    if (client.status === 'fulfilled') {
      client.value.release();
      opened++;
    }
  }
  return opened;
}

/** Warms the process's pool to DATABASE_POOL_MIN before the app starts listening. */
@Injectable()
export class PoolWarmer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const wanted = this.config.databasePoolMin;
    if (wanted === 0) return;
    const opened = await warmPool(pgPoolOf(this.dataSource), wanted);
    if (opened < wanted)
      this.logger.warn(
        `Opened ${opened} of the ${wanted} PostgreSQL connections of DATABASE_POOL_MIN; the rest open on demand`,
      );
  }
}
