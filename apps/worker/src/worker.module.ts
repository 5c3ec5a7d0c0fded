import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule, DatabaseModule, RedisModule } from '#core';
import { WorkerHealth } from './worker-health.js';

/** The worker: no HTTP API, only queue processors and a small health endpoint. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, RedisModule],
      providers: [WorkerHealth],
    };
  }
}
