import { loginAdmin, signup, type Session } from './support/factories.js';
import { buildWorld, documentedOperations, fillPath, type World } from './support/api-world.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Walks every operation of the OpenAPI document and throws bad input at it: malformed
 * and unknown ids, every body field replaced by the wrong type, null, a huge string,
 * non-object bodies, and garbage query parameters. Whatever a client sends, the answer
 * must be a 2xx-4xx in the one error shape, never a 500. A new endpoint is covered as
 * soon as it is in the document.
 */

interface Schema {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  enum?: unknown[];
}
type Components = { components: { schemas: Record<string, Schema> } };

const WRONG_VALUES: unknown[] = [
  null,
  12345,
  -1,
  1e308,
  'x'.repeat(10_000),
  true,
  [],
  [null],
  {},
  { nested: { deep: [1] } },
  '2027-02-30T25:61',
  '../../etc/passwd',
  "'; DROP TABLE accounts; --",
  '\u0000',
];

describe('no request a client can send produces a 500', () => {
  let t: TestApp;
  let admin: Session;
  let participant: Session;
  let world: World;
  let schemas: Components['components']['schemas'];

  beforeAll(async () => {
    t = await startTestApp('no_server_errors');
    admin = await loginAdmin(t);
    participant = await signup(t);
    world = await buildWorld(t, admin, participant);
    schemas = ((await t.http().get('/docs-json').expect(200)).body as Components).components
      .schemas;
  });
  afterAll(() => t.close());

  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf) return Object.assign({}, ...schema.allOf.map(resolve));
    return schema;
  };

  function bodiesFor(schema: Schema | undefined): unknown[] {
    const props = Object.keys(resolve(schema).properties ?? {});
    const bodies: unknown[] = [{}, 'a string', 42, [1, 2], null];
    for (const prop of props) for (const value of WRONG_VALUES) bodies.push({ [prop]: value });
    bodies.push(Object.fromEntries(props.map((p) => [p, 'x'.repeat(5000)])));
    return bodies;
  }

  /** The walk of some operations: every variant of each, as an admin and as a participant. */
  async function walk(ops: Awaited<ReturnType<typeof documentedOperations>>): Promise<string[]> {
    const failures: string[] = [];
    for (const { template, method, op } of ops) {
      if (template === '/api/me' && method === 'delete') continue; // would erase the caller
      const params = op.parameters ?? [];
      const fill = (value?: string) =>
        value === undefined ? fillPath(template, world) : template.replace(/\{\w+\}/g, value);
      const urls = params.some((p) => p.in === 'path')
        ? [fill(), fill('not-a-uuid'), fill('00000000-0000-4000-8000-000000000000')]
        : [fill()];
      const variants: Array<{ url: string; body?: unknown; who: Session }> = urls.map((url) => ({
        url,
        who: admin,
      }));
      for (const q of params.filter((p) => p.in === 'query')) {
        for (const value of ['x'.repeat(300), '-1', '1e309', 'null', '[]', '%00']) {
          variants.push({ url: `${urls[0]}?${q.name}=${encodeURIComponent(value)}`, who: admin });
        }
      }
      if (op.requestBody) {
        for (const body of bodiesFor(
          op.requestBody.content['application/json']?.schema as Schema,
        )) {
          variants.push(
            { url: urls[0], body, who: admin },
            { url: urls[0], body, who: participant },
          );
        }
      }
      for (const v of variants) {
        const req = t.http()[method](v.url).set(v.who.auth);
        const res =
          v.body === undefined
            ? await req
            : await req.set('Content-Type', 'application/json').send(JSON.stringify(v.body));
        requests++;
        if (res.status >= 500 || (res.status >= 400 && typeof res.body?.message !== 'string')) {
          failures.push(
            `${method.toUpperCase()} ${v.url.slice(0, 120)} ${JSON.stringify(v.body)?.slice(0, 120)} -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
          );
        }
      }
    }
    return failures;
  }

  /*
   * Thousands of sequential requests: on a two-core machine busy with other suites one
   * walk of everything takes minutes. The document is walked in PARTS consecutive slices
   * (its own order, so deletes come where they always did), each a test with its own
   * bound, none depending on how fast the others went.
   */
  const PARTS = 8;
  let requests = 0;
  for (let part = 0; part < PARTS; part++) {
    it(
      `survives bad input on every documented operation, as an admin and as a participant (part ${part + 1} of ${PARTS})`,
      async () => {
        const all = await documentedOperations(t);
        const size = Math.ceil(all.length / PARTS);
        expect(await walk(all.slice(part * size, (part + 1) * size))).toEqual([]);
      },
      5 * 60_000,
    );
  }

  it('sent thousands of requests in all', () => {
    expect(requests).toBeGreaterThan(1000);
  });
});
