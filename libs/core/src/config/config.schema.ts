import { randomBytes } from 'node:crypto';

export type NodeEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  /**
   * Connections each process (API, worker) may open to PostgreSQL. Every process's pool
   * together must stay under the server's max_connections (see data-source-options.ts).
   */
  databasePoolSize: number;
  /**
   * Connections the process opens at start and keeps when idle (0: opened on demand and
   * closed after 10 s idle). The API in production keeps its whole pool: see README,
   * Deployment.
   */
  databasePoolMin: number;
  redisUrl: string;
  /** Namespaces every Redis key and BullMQ queue, so test files and deployments never collide. */
  redisPrefix: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** 32 bytes, AES-256-GCM key for passport numbers and other fields encrypted at rest. */
  dataEncryptionKey: Buffer;
  adminEmail?: string;
  adminPassword?: string;
  smtpUrl?: string;
  mailFrom: string;
  mailOutboxDir: string;
  smtpMaxPerSecond: number;
  /** How long transient SMTP failures are retried before a message fails (default 24). */
  mailRetryWindowHours?: number;
  corsOrigins: string[] | '*';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  loginWindowSeconds: number;
  loginMaxPerEmail: number;
  loginMaxPerIp: number;
  /** Sign-ups per IP per hour: each costs an argon2 hash, so unlimited sign-ups are a CPU lever. */
  signupMaxPerIp: number;
  workerHealthPort: number;
  bodyLimit: string;
  /** Express 'trust proxy': which proxies' X-Forwarded-For to believe for the client IP (rate limits). */
  trustProxy: string;
  /**
   * Days after an event's last day before its sensitive registration data (phones,
   * dietary and accessibility needs, emergency contacts) is erased; 0 turns it off.
   */
  personalDataRetentionDays: number;
}

/** Defaults that are safe only on a developer's machine; production must set its own. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-change-me-0123456789';
export const DEVELOPMENT_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export function randomSecret(): string {
  return randomBytes(32).toString('base64');
}
