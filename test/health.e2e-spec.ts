import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { PoolQueryDataSource } from '#core';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('health');
  });
  afterAll(() => t.close());

  it('is live', async () => {
    await t.http().get('/api/health/live').expect(200, { status: 'ok' });
  });

  it('is ready when PostgreSQL and Redis answer, and reports the tz rules in use', async () => {
    const res = await t.http().get('/api/health/ready').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
    expect(res.body.tzdata).toMatch(/^20\d\d[a-z]$/);
  });

  it("sends plain statements on the pool's connections, without a query runner each", async () => {
    const dataSource = t.app.get(DataSource);
    expect(dataSource).toBeInstanceOf(PoolQueryDataSource);
    const runners = jest.spyOn(dataSource, 'createQueryRunner');
    try {
      // Readiness asks PostgreSQL `SELECT 1` through dataSource.query.
      await t.http().get('/api/health/ready').expect(200);
      expect(runners).not.toHaveBeenCalled();
    } finally {
      runners.mockRestore();
    }
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/docs-json').expect(200);
    expect(res.body.paths['/api/events']).toBeDefined();
    expect(res.body.components.schemas.CreateEventDto.required).toEqual(
      expect.arrayContaining(['name', 'kind', 'timezone', 'startDate', 'endDate', 'capacity']),
    );
  });

  it('compresses large responses for weak connections, and not small ones', async () => {
    const big = await t.http().get('/docs-json').set('Accept-Encoding', 'gzip').expect(200);
    expect(big.headers['content-encoding']).toBe('gzip');
    const small = await t.http().get('/api/health/live').set('Accept-Encoding', 'gzip').expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('tags every response with a request id, echoing a sane incoming one', async () => {
    const res = await t
      .http()
      .get('/api/health/live')
      .set('x-request-id', 'abc12345-trace')
      .expect(200);
    expect(res.headers['x-request-id']).toBe('abc12345-trace');
  });
});
