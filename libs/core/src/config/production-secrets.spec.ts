import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_ENCRYPTION_KEY, DEVELOPMENT_JWT_SECRET } from './config.schema.js';
import { ConfigValidationError, loadConfig } from './load-config.js';

/** A production environment an operator made the right way (openssl rand). */
const good = () => ({
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(48).toString('base64'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  ADMIN_EMAIL: 'admin@partners.example.org',
  ADMIN_PASSWORD: 'lantern orchard velvet quarry',
});

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  return [];
}

describe('production refuses weak or published secrets', () => {
  it('accepts a set made with openssl rand and a passphrase', () => {
    for (let i = 0; i < 20; i++) expect(problemsOf(good())).toEqual([]);
  });

  it.each([
    ['the development JWT secret written in the source', DEVELOPMENT_JWT_SECRET, /published/],
    [
      'the docker-compose demo secret',
      'compose-demo-jwt-secret-please-change-0123456789',
      /published/,
    ],
    ['32 times "a"', 'a'.repeat(32), /too predictable/],
    ['a repeated short unit', 'abc123'.repeat(8), /too predictable/],
    ['a run of characters', '0123456789abcdefghijklmnopqrstuvwxyz', /too predictable/],
    ['a short secret', 'x7#Qp9', /at least 32 characters/],
  ])('refuses JWT_SECRET = %s', (_what, value, message) => {
    const problems = problemsOf({ ...good(), JWT_SECRET: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^JWT_SECRET /);
    expect(problems[0]).toMatch(message);
    expect(problems[0]).toContain('openssl rand -base64 32');
  });

  it.each([
    ['the development key written in the source', DEVELOPMENT_ENCRYPTION_KEY, /published/],
    ['32 zero bytes', Buffer.alloc(32).toString('base64'), /too predictable/],
    ['32 times "a"', Buffer.from('a'.repeat(32)).toString('base64'), /too predictable/],
    [
      'bytes 0 to 31',
      Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64'),
      /too predictable/,
    ],
    ['a 16-byte key', randomBytes(16).toString('base64'), /32 bytes/],
  ])('refuses DATA_ENCRYPTION_KEY = %s', (_what, value, message) => {
    const problems = problemsOf({ ...good(), DATA_ENCRYPTION_KEY: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATA_ENCRYPTION_KEY /);
    expect(problems[0]).toMatch(message);
    expect(problems[0]).toContain('openssl rand -base64 32');
  });

  it.each([
    ['1234567890', /too common/],
    ['aaaaaaaaaaaa', /too common/],
    ['password123', /too common/],
    ['qwertyuiop', /too common/],
    ['iloveyou12', /too common/],
    ['convene-admin-2027', /too common/],
    ['short', /at least 10 characters/],
  ])('refuses ADMIN_PASSWORD = %s', (value, message) => {
    const problems = problemsOf({ ...good(), ADMIN_PASSWORD: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^ADMIN_PASSWORD /);
    expect(problems[0]).toMatch(message);
    expect(problems[0]).toMatch(/passphrase|openssl rand/);
  });

  it('lists every bad secret at once', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      JWT_SECRET: 'a'.repeat(32),
      DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: '1234567890',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'JWT_SECRET',
      'DATA_ENCRYPTION_KEY',
      'ADMIN_PASSWORD',
    ]);
  });

  it('still requires the secrets in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      'JWT_SECRET is required in production',
      'DATA_ENCRYPTION_KEY is required in production',
    ]);
  });

  it('keeps development and test working with the defaults and simple values', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = loadConfig({
        NODE_ENV,
        ADMIN_EMAIL: 'admin@example.org',
        ADMIN_PASSWORD: '1234567890',
      });
      expect(config.jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
      expect(config.dataEncryptionKey.toString('base64')).toBe(DEVELOPMENT_ENCRYPTION_KEY);
      expect(config.adminPassword).toBe('1234567890');
    }
  });
});
