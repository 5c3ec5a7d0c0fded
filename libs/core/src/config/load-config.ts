import {
  type AppConfig,
  DEVELOPMENT_ENCRYPTION_KEY,
  DEVELOPMENT_JWT_SECRET,
  type NodeEnv,
} from './config.schema.js';
import {
  adminPasswordProblem,
  encryptionKeyProblem,
  jwtSecretProblem,
} from './production-secrets.js';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads and checks every variable before reporting, so an operator fixes them all
 * in one go instead of restarting once per mistake.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  const nodeEnv = oneOf(read('NODE_ENV') ?? 'development', ['development', 'test', 'production']);
  if (!nodeEnv) problems.push('NODE_ENV must be one of development, test, production');
  const production = nodeEnv === 'production';

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const url = (name: string, fallback: string | undefined, protocols: string[]) => {
    const raw = read(name) ?? fallback;
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.join(' or ')} URL (got "${parsed.protocol}")`);
      }
    } catch {
      problems.push(`${name} must be a valid URL`);
    }
    return raw;
  };

  const secret = (name: string, fallback: string) => {
    const raw = read(name);
    if (raw === undefined) {
      if (production) problems.push(`${name} is required in production`);
      return fallback;
    }
    return raw;
  };

  const port = int('PORT', 3000, 1, 65535);
  const databaseUrl =
    url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/convene', [
      'postgres:',
      'postgresql:',
    ]) ?? '';
  const redisUrl = url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']) ?? '';
  const publicUrl = url('PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']) ?? '';
  const smtpUrl = url('SMTP_URL', undefined, ['smtp:', 'smtps:']);

  const redisPrefix = read('REDIS_PREFIX') ?? 'convene';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(redisPrefix)) {
    problems.push('REDIS_PREFIX may only contain letters, digits, "_", "." and "-"');
  }

  const jwtSecret = secret('JWT_SECRET', DEVELOPMENT_JWT_SECRET);
  if (production && read('JWT_SECRET') !== undefined) {
    const problem = jwtSecretProblem(jwtSecret);
    if (problem) problems.push(problem);
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long');
  }

  const keyText = secret('DATA_ENCRYPTION_KEY', DEVELOPMENT_ENCRYPTION_KEY);
  const dataEncryptionKey = Buffer.from(keyText, 'base64');
  if (dataEncryptionKey.length !== 32) {
    problems.push(
      'DATA_ENCRYPTION_KEY must be 32 bytes encoded in base64 (openssl rand -base64 32)',
    );
  } else if (production && read('DATA_ENCRYPTION_KEY') !== undefined) {
    const problem = encryptionKeyProblem(keyText, dataEncryptionKey);
    if (problem) problems.push(problem);
  }

  const adminEmail = read('ADMIN_EMAIL')?.toLowerCase();
  const adminPassword = read('ADMIN_PASSWORD');
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
    problems.push('ADMIN_EMAIL must be an email address');
  }
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminPassword && production) {
    // Production: the same rule as every account's password, and no demo password.
    const problem = adminPasswordProblem(adminPassword, adminEmail);
    if (problem) problems.push(problem);
  } else if (adminPassword && adminPassword.length < 10) {
    problems.push('ADMIN_PASSWORD must be at least 10 characters long');
  }

  const corsRaw = read('CORS_ORIGINS') ?? '';
  const corsOrigins =
    corsRaw === '*'
      ? '*'
      : corsRaw
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean);
  if (Array.isArray(corsOrigins)) {
    for (const origin of corsOrigins) {
      if (!/^https?:\/\/[^/]+$/.test(origin)) {
        problems.push(`CORS_ORIGINS entry "${origin}" must look like https://host[:port]`);
      }
    }
  }

  const databasePoolSize = int('DATABASE_POOL_SIZE', 20, 1, 500);
  const databasePoolMin = int('DATABASE_POOL_MIN', 0, 0, 500);
  if (databasePoolMin > databasePoolSize)
    problems.push(
      `DATABASE_POOL_MIN must not exceed DATABASE_POOL_SIZE (got ${databasePoolMin} and ${databasePoolSize})`,
    );

  const logLevel = oneOf(read('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info'), LOG_LEVELS);
  if (!logLevel) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const config: AppConfig = {
    nodeEnv: nodeEnv ?? 'development',
    port,
    publicUrl: publicUrl.replace(/\/$/, ''),
    databaseUrl,
    databasePoolSize,
    databasePoolMin,
    redisUrl,
    redisPrefix,
    jwtSecret,
    jwtTtlSeconds: int('JWT_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    dataEncryptionKey,
    adminEmail,
    adminPassword,
    smtpUrl,
    mailFrom: read('MAIL_FROM') ?? 'Convene <no-reply@convene.local>',
    mailOutboxDir: read('MAIL_OUTBOX_DIR') ?? 'var/mail',
    smtpMaxPerSecond: int('SMTP_MAX_PER_SECOND', 20, 1, 10000),
    mailRetryWindowHours: int('MAIL_RETRY_WINDOW_HOURS', 24, 1, 720),
    corsOrigins,
    logLevel: logLevel ?? 'info',
    loginWindowSeconds: int('LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    loginMaxPerEmail: int('LOGIN_MAX_PER_EMAIL', 10, 1, 100000),
    loginMaxPerIp: int('LOGIN_MAX_PER_IP', 50, 1, 100000),
    signupMaxPerIp: int('SIGNUP_MAX_PER_IP', 60, 1, 100000),
    workerHealthPort: int('WORKER_HEALTH_PORT', 3001, 0, 65535),
    bodyLimit: read('BODY_LIMIT') ?? '1mb',
    trustProxy: read('TRUST_PROXY') ?? 'loopback',
    personalDataRetentionDays: int('PERSONAL_DATA_RETENTION_DAYS', 90, 0, 3650),
  };

  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export type { NodeEnv };
