import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import { type AppConfig } from '../config/config.schema.js';
import { dataSourceOptions } from './data-source-options.js';
import { PoolQueryDataSource } from './pool-query-data-source.js';
import { PoolWarmer } from './warm-pool.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, config.databasePoolSize, config.databasePoolMin),
        // Each domain module registers its entities with forFeature.
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
      // Nest initialises it (with its retries); the options always come from useFactory.
      dataSourceFactory: async (options) => new PoolQueryDataSource(options!),
    }),
  ],
  providers: [PoolWarmer],
})
export class DatabaseModule {}
