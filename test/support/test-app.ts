import { type INestApplication } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule, type TestingModuleBuilder } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/http/configure-app.js';
import { ConveneExpressAdapter } from '../../apps/api/src/http/express-adapter.js';
import { type AppConfig, loadConfig } from '#core';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export const TEST_ADMIN = { email: 'admin@convene.test', password: 'admin-password-123' };

/**
 * The API as main.ts builds it (its HTTP server, pipes, limits and headers) from a
 * compiled test module, initialised but not listening.
 */
export async function initApiApp(
  moduleRef: TestingModule,
  config: AppConfig,
): Promise<INestApplication> {
  const app = moduleRef.createNestApplication<NestExpressApplication>(new ConveneExpressAdapter(), {
    bodyParser: false,
    logger: false,
  });
  configureApp(app, config, pino({ level: 'silent' }));
  await app.init();
  return app;
}

/**
 * The real API (same pipes, guards, filters as production) on its own database and
 * Redis prefix. `override` swaps providers, for example to capture magic links.
 */
export async function startTestApp(
  label: string,
  env: Record<string, string> = {},
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder,
): Promise<TestApp> {
  const db = await createTestDatabase(label);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DATABASE_URL: db.url,
    REDIS_PREFIX: `t-${label}-${randomBytes(4).toString('hex')}`,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    MAIL_OUTBOX_DIR: `var/test-mail/${label}`,
    // Test files sign up many people from 127.0.0.1; the auth test checks the limit itself.
    SIGNUP_MAX_PER_IP: '100000',
    ...env,
  });
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  if (override) builder = override(builder);
  const app = await initApiApp(await builder.compile(), config);
  const server = app.getHttpServer();
  return {
    app,
    config,
    db,
    http: () => request(server),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
