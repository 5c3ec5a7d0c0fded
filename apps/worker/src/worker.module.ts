import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule, DatabaseModule, RedisModule } from '#core';
import { MailWorkerModule, type MailWorkerOptions } from '#messaging/worker';
import { RetentionModule } from '#privacy';
import { RetentionSweeper } from './retention-sweeper.js';
import { WorkerHealth } from './worker-health.js';

/** The worker: no HTTP API, only queue processors and a small health endpoint. */
@Module({})
export class WorkerModule {
  /** `mail` tunes the mail pipeline (tests shorten the backoff); production uses defaults. */
  static forRoot(config?: AppConfig, mail: Partial<MailWorkerOptions> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        MailWorkerModule.forRoot(mail),
        RetentionModule,
      ],
      providers: [WorkerHealth, RetentionSweeper],
    };
  }
}
