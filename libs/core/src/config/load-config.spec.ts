import { dataSourceOptions } from '../database/data-source-options.js';
import { ConfigValidationError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('works with no variables at all on a developer machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/convene',
      redisUrl: 'redis://127.0.0.1:6379',
      smtpUrl: undefined,
      mailOutboxDir: 'var/mail',
    });
    expect(config.dataEncryptionKey).toHaveLength(32);
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://localhost/convene',
        REDIS_URL: 'not a url',
        JWT_SECRET: 'short',
        DATA_ENCRYPTION_KEY: 'abc',
        ADMIN_EMAIL: 'admin@example.org',
        SMTP_URL: 'http://mail',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const problems = (error as ConfigValidationError).problems.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'REDIS_URL',
      'JWT_SECRET',
      'DATA_ENCRYPTION_KEY',
      'ADMIN_PASSWORD',
      'SMTP_URL',
      'LOG_LEVEL',
    ]) {
      expect(problems).toContain(name);
    }
    expect((error as ConfigValidationError).problems).toHaveLength(8);
  });

  it("sizes each process's PostgreSQL pool from DATABASE_POOL_SIZE, 20 by default", () => {
    const max = (env: Record<string, string>) => {
      const config = loadConfig(env);
      return (
        dataSourceOptions(config.databaseUrl, config.databasePoolSize) as { extra: { max: number } }
      ).extra.max;
    };
    expect(max({})).toBe(20);
    expect(max({ DATABASE_POOL_SIZE: '4' })).toBe(4);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(
      /DATABASE_POOL_SIZE must be an integer/,
    );
  });

  it('keeps DATABASE_POOL_MIN connections open (none by default), never more than the pool', () => {
    const min = (env: Record<string, string>) => {
      const config = loadConfig(env);
      return (
        dataSourceOptions(config.databaseUrl, config.databasePoolSize, config.databasePoolMin) as {
          extra: { min: number };
        }
      ).extra.min;
    };
    expect(min({})).toBe(0);
    expect(min({ DATABASE_POOL_MIN: '20' })).toBe(20);
    expect(() => loadConfig({ DATABASE_POOL_MIN: '-1' })).toThrow(
      /DATABASE_POOL_MIN must be an integer/,
    );
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '4', DATABASE_POOL_MIN: '5' })).toThrow(
      /DATABASE_POOL_MIN must not exceed DATABASE_POOL_SIZE \(got 5 and 4\)/,
    );
  });

  it('refuses to start in production with development secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET is required in production[\s\S]*DATA_ENCRYPTION_KEY is required/,
    );
  });

  it('reads CORS origins and SMTP', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://convene.example.org, http://localhost:5173',
      SMTP_URL: 'smtp://127.0.0.1:1025',
    });
    expect(config.corsOrigins).toEqual(['https://convene.example.org', 'http://localhost:5173']);
    expect(config.smtpUrl).toBe('smtp://127.0.0.1:1025');
  });
});
