import { QueryFailedError } from 'typeorm';
import { isOutage } from './outage.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isOutage', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    [
      'administrator shutdown, wrapped by TypeORM',
      new QueryFailedError(
        'SELECT 1',
        [],
        withCode('terminating connection due to administrator command', '57P01'),
      ),
    ],
    ['server starting up', withCode('the database system is starting up', '57P03')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['connection exception class', withCode('connection failure', '08006')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly')],
    [
      'pool connect timeout with its cause',
      new Error('Connection terminated due to connection timeout', { cause: new Error('x') }),
    ],
    [
      'both addresses of localhost refused',
      Object.assign(new AggregateError([withCode('connect', 'ECONNREFUSED')]), {}),
    ],
    [
      'Redis offline queue off',
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
    ],
    ['Redis closed', new Error('Connection is closed.')],
    [
      'Redis retries',
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
        name: 'MaxRetriesPerRequestError',
      }),
    ],
    ['wrapped in a cause', new Error('loading failed', { cause: withCode('x', 'ECONNRESET') })],
  ])('%s is an outage', (_label, error) => {
    expect(isOutage(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('duplicate key', '23505'))],
    ['a syntax error', withCode('syntax error at or near', '42601')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('%s is not', (_label, error) => {
    expect(isOutage(error)).toBe(false);
  });

  it('stops on a cause that points to itself', () => {
    const e = new Error('loop') as Error & { cause?: unknown };
    e.cause = e;
    expect(isOutage(e)).toBe(false);
  });
});
