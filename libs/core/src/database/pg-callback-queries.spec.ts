import pg from 'pg';
import { usePgCallbackQueries } from './pg-callback-queries.js';
import { dataSourceOptions } from './data-source-options.js';

const URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const INSTALLED = Symbol.for('convene.pgCallbackQueries');
type Proto = Record<symbol, unknown> & { query: (...args: unknown[]) => unknown };
const proto = pg.Client.prototype as unknown as Proto;

describe('pg queries through their callback form', () => {
  let client: pg.Client;

  beforeAll(async () => {
    dataSourceOptions('postgres://unused/convene');
    client = new pg.Client({ connectionString: URL });
    await client.connect();
  });
  afterAll(() => client.end());

  it('is installed by the data source options every Convene process starts with', () => {
    expect(proto[INSTALLED]).toBe(true);
    const wrapped = proto.query;
    usePgCallbackQueries();
    expect(proto.query).toBe(wrapped);
  });

  it('hands pg a callback when the caller awaits a promise, and only then', async () => {
    const installed = proto.query;
    const calls: unknown[][] = [];
    const realQuery = pg.Client.prototype.query;
    // A spy in pg's place, under a fresh installation, records what pg is given.
    delete proto[INSTALLED];
    proto.query = function (this: pg.Client, ...args: unknown[]) {
      calls.push(args);
      return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
    };
    try {
      usePgCallbackQueries();
      const result = (await client.query('SELECT $1::int AS n', [7])) as pg.QueryResult;
      expect(result.rows).toEqual([{ n: 7 }]);
      expect(calls).toHaveLength(1);
      expect(calls[0].slice(0, 2)).toEqual(['SELECT $1::int AS n', [7]]);
      expect(typeof calls[0][2]).toBe('function');

      const cursorLike = new pg.Query('SELECT 1 AS one');
      const ended = new Promise((resolve) => cursorLike.on('end', resolve));
      expect(client.query(cursorLike as never)).toBe(cursorLike);
      await ended;
      expect(calls[1]).toEqual([cursorLike, undefined, undefined]);
    } finally {
      proto.query = installed;
      proto[INSTALLED] = true;
    }
  });

  it('answers as pg does: rows, fields, counts, several statements', async () => {
    const one = await client.query<{ n: number; at: Date }>(
      "SELECT $1::int AS n, timestamptz '2027-10-25 09:00:00+01' AS at",
      [42],
    );
    expect(one.command).toBe('SELECT');
    expect(one.rowCount).toBe(1);
    expect(one.rows[0].n).toBe(42);
    expect(one.rows[0].at.toISOString()).toBe('2027-10-25T08:00:00.000Z');
    expect(one.fields.map((f) => f.name)).toEqual(['n', 'at']);

    const several = (await client.query(
      'SELECT 1 AS a; SELECT 2 AS b',
    )) as unknown as pg.QueryResult[];
    expect(several.map((r) => r.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);

    const asArrays = await client.query({ text: 'SELECT 1 AS a, 2 AS b', rowMode: 'array' });
    expect(asArrays.rows).toEqual([[1, 2]]);
  });

  it("rejects with PostgreSQL's error and its code, and the connection goes on", async () => {
    const error = await client.query('SELECT $1::int', ['not a number']).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(pg.DatabaseError);
    expect((error as pg.DatabaseError).code).toBe('22P02');
    expect((error as Error).message).toMatch(/invalid input syntax for type integer/);

    const again = await client.query('SELECT 3 AS n');
    expect(again.rows).toEqual([{ n: 3 }]);
  });

  it('leaves callers that bring their own callback to pg', async () => {
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const returned = client.query('SELECT $1::text AS t', ['x'], (err, res) =>
        err ? reject(err) : resolve(res.rows),
      );
      expect(returned).toBeUndefined();
    });
    expect(rows).toEqual([{ t: 'x' }]);

    const fromConfig = await new Promise<unknown[]>((resolve, reject) => {
      const returned = client.query({
        text: 'SELECT 2 AS two',
        callback: (err: Error | null, res: pg.QueryResult) =>
          err ? reject(err) : resolve(res.rows),
      } as never);
      expect(returned).toBeUndefined();
    });
    expect(fromConfig).toEqual([{ two: 2 }]);
  });
});
