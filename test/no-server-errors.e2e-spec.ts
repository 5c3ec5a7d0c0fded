import {
  createEvent,
  createOrganisation,
  loginAdmin,
  signup,
  type Session,
} from './support/factories.js';
import { registrationBody } from './support/registration-fixtures.js';
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
interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query'; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

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
  let doc: Doc;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp('no_server_errors');
    admin = await loginAdmin(t);
    participant = await signup(t);
    const org = await createOrganisation(t, admin);
    const event = await createEvent(t, admin);
    const registration = await t
      .http()
      .post(`/api/events/${event.id}/registrations`)
      .set(participant.auth)
      .send(registrationBody(org.id))
      .expect(201);
    const room = await t
      .http()
      .post(`/api/events/${event.id}/rooms`)
      .set(admin.auth)
      .send({ name: 'Salle A', capacity: 30 })
      .expect(201);
    const session = await t
      .http()
      .post(`/api/events/${event.id}/sessions`)
      .set(admin.auth)
      .send({
        kind: 'workshop',
        title: 'Atelier',
        startsAt: '2027-10-26T09:00',
        endsAt: '2027-10-26T10:00',
        roomId: room.body.id,
        capacity: 10,
        signupRequired: true,
      })
      .expect(201);
    Object.assign(ids, {
      id: event.id,
      eventId: event.id,
      organisationId: org.id,
      registrationId: registration.body.id,
      roomId: room.body.id,
      sessionId: session.body.id,
      accountId: participant.id,
    });
    doc = (await t.http().get('/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf) return Object.assign({}, ...schema.allOf.map(resolve));
    return schema;
  };

  /** Plausible id for a path parameter, so requests get past the 404 into the service. */
  const idFor = (path: string, name: string) => {
    if (name !== 'id') return ids[name] ?? ids.id;
    const resource = path.split('/')[2];
    return (
      {
        events: ids.eventId,
        organisations: ids.organisationId,
        registrations: ids.registrationId,
        sessions: ids.sessionId,
        accounts: ids.accountId,
      }[resource] ?? ids.id
    );
  };

  function bodiesFor(op: Operation): unknown[] {
    const schema = resolve(op.requestBody?.content['application/json']?.schema);
    const props = Object.keys(schema.properties ?? {});
    const bodies: unknown[] = [{}, 'a string', 42, [1, 2], null];
    for (const prop of props) for (const value of WRONG_VALUES) bodies.push({ [prop]: value });
    bodies.push(Object.fromEntries(props.map((p) => [p, 'x'.repeat(5000)])));
    return bodies;
  }

  it('survives bad input on every documented operation, as an admin and as a participant', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (template.includes('/auth/')) continue; // covered by auth tests; rate limits would dominate
        if (template === '/api/me' && method === 'delete') continue; // would erase the caller
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
        const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
        const fill = (pick: (name: string) => string) =>
          template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pick(name)));
        const urls = [
          fill((n) => idFor(template, n)),
          fill(() => 'not-a-uuid'),
          fill(() => '00000000-0000-4000-8000-000000000000'),
        ];
        if (pathParams.length === 0) urls.splice(1);
        const variants: Array<{ url: string; body?: unknown; who: Session }> = [];
        for (const url of urls) variants.push({ url, who: admin });
        for (const q of queryParams) {
          for (const value of ['x'.repeat(300), '-1', '1e309', 'null', '[]', '%00']) {
            variants.push({ url: `${urls[0]}?${q.name}=${encodeURIComponent(value)}`, who: admin });
          }
        }
        if (op.requestBody) {
          for (const body of bodiesFor(op)) {
            variants.push({ url: urls[0], body, who: admin });
            variants.push({ url: urls[0], body, who: participant });
          }
        }
        for (const v of variants) {
          const verb = method as 'get' | 'post' | 'put' | 'patch' | 'delete';
          const req = t.http()[verb](v.url).set(v.who.auth);
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
    }
    expect(requests).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });
});
