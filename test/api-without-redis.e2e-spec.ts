import { createServer } from 'node:net';
import { signup } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A port nothing listens on: Redis "down" for this app only, the shared one stays up. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the API while Redis is down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('no_redis', { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
  });
  afterAll(() => t.close());

  it('still signs people up and logs them in (rate limits fail open), and says it is not ready', async () => {
    const person = await signup(t);
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: person.email, password: 'a-long-password' })
      .expect(200);
    const ready = await t.http().get('/api/health/ready').expect(503);
    expect(ready.body.details).toMatchObject({ database: 'up', redis: 'down' });
    await t.http().get('/api/health/live').expect(200);
  });
});

describe('login limits per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('ip_limit', { LOGIN_MAX_PER_IP: '4', LOGIN_MAX_PER_EMAIL: '1000' });
  });
  afterAll(() => t.close());

  it('stops one address guessing across many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ email: `guess-${i}@example.org`, password: 'nope' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});
