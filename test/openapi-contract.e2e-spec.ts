import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type request from 'supertest';
import {
  createEvent,
  createOrganisation,
  eventBody,
  loginAdmin,
  signup,
  type Session,
} from './support/factories.js';
import { buildWorld, documentedOperations, fillPath, type World } from './support/api-world.js';
import { registrationBody } from './support/registration-fixtures.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app.js';

/*
 * The API answers what its OpenAPI document says: real requests (every documented GET
 * as an organiser, a participant and a stranger, the main writes, and their error
 * cases), each answer checked against the schema the document gives for that operation
 * and status with ajv. An answer with a status the operation does not document, or a
 * JSON body where it documents none, fails too. And the document itself: a summary and
 * a success response on every operation, one ErrorResponse, public operations without a
 * security requirement, no property typed `object` that holds a string or a number.
 */

// ajv-formats is CommonJS with a default export: ESM may see the module object around it.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  summary?: string;
  security?: Array<Record<string, unknown>>;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: Json }> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
}

/** OpenAPI 3.0 schema -> JSON Schema: `nullable` becomes "or null", refs point into the doc. */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key === '$ref') out.$ref = `openapi.json${String(value)}`;
    else if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    else if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Json).map(([p, s]) => [p, toJsonSchema(s)]),
      );
    } else out[key] = toJsonSchema(value);
  }
  return (schema as Json).nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

describe('the API answers what its OpenAPI document says', () => {
  let t: TestApp;
  let doc: Doc;
  let ajv: Ajv;
  let admin: Session;
  let participant: Session;
  let stranger: Session;
  let world: World;
  const failures: string[] = [];
  const checked = new Set<string>();
  const validators = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    t = await startTestApp('openapi_contract');
    doc = (await t.http().get('/docs-json').expect(200)).body as Doc;
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(
      { $id: 'openapi.json', components: { schemas: toJsonSchema(doc.components.schemas) } },
      'openapi.json',
    );
    admin = await loginAdmin(t);
    participant = await signup(t, { name: 'Nguyễn Thị Minh Khai' });
    stranger = await signup(t, { name: 'عبد الرحمن' });
    world = await buildWorld(t, admin, participant);
  });
  afterAll(() => t.close());

  /** The documented response of an operation for a status (following a $ref). */
  function documented(method: string, template: string, status: number) {
    const op = doc.paths[template]?.[method];
    if (!op) return undefined;
    let response = op.responses[String(status)] ?? op.responses.default;
    if (response?.$ref) {
      response = doc.components.responses[response.$ref.split('/').pop()!] as typeof response;
    }
    return response;
  }

  /** Checks one real answer against the document; collects what disagrees. */
  function check(method: string, template: string, res: request.Response): request.Response {
    const where = `${method.toUpperCase()} ${template} -> ${res.status}`;
    checked.add(`${method} ${template}`);
    const response = documented(method, template, res.status);
    if (!response) {
      failures.push(`${where}: status not documented (${JSON.stringify(res.body).slice(0, 200)})`);
      return res;
    }
    const type = String(res.headers['content-type'] ?? '').split(';')[0];
    if (type !== 'application/json') {
      if (res.status !== 204 && !response.content?.[type]) {
        failures.push(`${where}: ${type || 'no content type'} not documented`);
      }
      return res;
    }
    const schema = response.content?.['application/json']?.schema;
    if (!schema) {
      failures.push(`${where}: a JSON body, documented without a schema`);
      return res;
    }
    const key = `${where}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(schema) as Json);
      validators.set(key, validate);
    }
    if (!validate(res.body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message}`)
        .join('; ');
      failures.push(`${where}: ${errors}`);
    }
    return res;
  }

  const call = (
    who: Session | undefined,
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    url: string,
  ) => {
    const req = t.http()[method](url);
    return who ? req.set(who.auth) : req;
  };

  it('documents every operation: summary, success answer, errors, security', () => {
    const problems: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!op.summary) problems.push(`${name}: no summary`);
        const statuses = Object.keys(op.responses);
        const success = statuses.filter((s) => /^2\d\d$/.test(s));
        if (success.length === 0) problems.push(`${name}: no success response`);
        for (const s of success) {
          const r = op.responses[s];
          if (s !== '204' && s !== '202' && !r.content) problems.push(`${name}: ${s} has no body`);
          for (const [media, m] of Object.entries(r.content ?? {})) {
            if (!m.schema) problems.push(`${name}: ${s} ${media} has no schema`);
          }
        }
        if (path !== '/api/health/live' && path !== '/api' && !statuses.includes('503')) {
          problems.push(`${name}: no 503`);
        }
        for (const s of statuses.filter((x) => /^[45]\d\d$/.test(x))) {
          const r = documented(method, path, Number(s));
          const schema = r?.content?.['application/json']?.schema as { $ref?: string } | undefined;
          if (schema?.$ref !== '#/components/schemas/ErrorResponse') {
            problems.push(`${name}: ${s} is not an ErrorResponse`);
          }
        }
        if (!op.security) problems.push(`${name}: no security requirement stated`);
      }
    }
    expect(problems).toEqual([]);

    // Public operations need no token; the others say bearer.
    const security = (m: string, p: string) => doc.paths[p][m].security;
    expect(security('post', '/api/auth/login')).toEqual([]);
    expect(security('get', '/api/health/ready')).toEqual([]);
    expect(security('get', '/api/events/{id}/agenda')).toContainEqual({});
    expect(security('get', '/api/me')).toEqual([{ bearer: [] }]);
    expect(security('post', '/api/events')).toEqual([{ bearer: [] }]);
  });

  it('types no string or number property as a bare object', () => {
    const bare: string[] = [];
    const walk = (schema: unknown, at: string) => {
      if (schema === null || typeof schema !== 'object') return;
      const s = schema as Json;
      if (
        s.type === 'object' &&
        !s.properties &&
        !s.additionalProperties &&
        !s.allOf &&
        !s.oneOf &&
        !s.anyOf
      ) {
        bare.push(at);
      }
      for (const [k, v] of Object.entries(s)) walk(v, `${at}.${k}`);
    };
    for (const [name, schema] of Object.entries(doc.components.schemas)) walk(schema, name);
    expect(bare).toEqual([]);
  });

  it('GET /api points to the docs and health; an unknown /api path stays a JSON 404', async () => {
    for (const path of ['/api', '/api/']) {
      const res = check('get', '/api', await t.http().get(path).expect(200));
      expect(res.body.links).toMatchObject({
        docs: '/docs',
        openapi: '/docs-json',
        health: '/api/health/ready',
      });
    }
    const unknown = await t.http().get('/api/no-such-thing').expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    await t
      .http()
      .get(unknown.body.links?.docs ?? '/docs')
      .expect((r) => expect(r.status).toBeLessThan(400));
  });

  it('answers every documented GET as documented, for an organiser, a participant and a stranger', async () => {
    failures.length = 0;
    for (const { template, method } of await documentedOperations(t)) {
      if (method !== 'get') continue;
      const url = fillPath(template, world);
      for (const who of [admin, participant, stranger, undefined])
        check('get', template, await call(who, 'get', url));
      if (template.includes('{')) {
        check(
          'get',
          template,
          await call(admin, 'get', template.replace(/\{\w+\}/g, 'not-a-uuid')),
        );
        check(
          'get',
          template,
          await call(
            admin,
            'get',
            template.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000'),
          ),
        );
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('answers the main writes and their errors as documented', async () => {
    failures.length = 0;
    const post = (who: Session | undefined, template: string, url: string, body: unknown) =>
      call(who, 'post', url)
        .send(body as object)
        .then((r) => check('post', template, r));
    const patch = (who: Session | undefined, template: string, url: string, body: unknown) =>
      call(who, 'patch', url)
        .send(body as object)
        .then((r) => check('patch', template, r));

    // Accounts.
    check('post', '/api/auth/login', await t.http().post('/api/auth/login').send(TEST_ADMIN));
    check(
      'post',
      '/api/auth/login',
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: TEST_ADMIN.email, password: 'wrong-password-1' }),
    );
    check(
      'post',
      '/api/auth/login',
      await t.http().post('/api/auth/login').send({ email: 'not an email' }),
    );
    check(
      'post',
      '/api/auth/signup',
      await t
        .http()
        .post('/api/auth/signup')
        .send({
          email: `c-${Date.now()}@example.org`,
          name: 'Awa Traoré',
          password: 'a-long-password',
          locale: 'fr',
        }),
    );
    await patch(participant, '/api/me', '/api/me', { name: 'Nguyễn Thị Minh Khai' });
    await patch(participant, '/api/me', '/api/me', { locale: 'xx' });

    // Organisations.
    const org = await post(admin, '/api/organisations', '/api/organisations', {
      name: 'Maison des familles',
      country: 'BF',
      city: 'Ouagadougou',
    });
    expect(org.status).toBe(201);
    await post(admin, '/api/organisations', '/api/organisations', {
      name: 'Maison des familles',
      country: 'BF',
      city: 'Ouagadougou',
    });
    await post(participant, '/api/organisations', '/api/organisations', {
      name: 'Intrus',
      country: 'FR',
      city: 'Paris',
    });
    await post(undefined, '/api/organisations', '/api/organisations', {
      name: 'Anonyme',
      country: 'FR',
      city: 'Paris',
    });
    await post(admin, '/api/organisations', '/api/organisations', { name: '', country: 'XX' });
    await patch(admin, '/api/organisations/{id}', `/api/organisations/${org.body.id}`, {
      city: 'Bobo-Dioulasso',
    });

    // Events.
    const created = await post(
      admin,
      '/api/events',
      '/api/events',
      eventBody({ name: 'Semaine de Tanger 2028', requiresApproval: true }),
    );
    expect(created.status).toBe(201);
    await post(admin, '/api/events', '/api/events', { name: 'Sans dates', kind: 'meeting' });
    await post(participant, '/api/events', '/api/events', { name: 'Non', kind: 'meeting' });
    await patch(admin, '/api/events/{id}', `/api/events/${created.body.id}`, { capacity: 10 });
    await post(admin, '/api/events/{id}/publish', `/api/events/${created.body.id}/publish`, {});
    await post(admin, '/api/events/{id}/publish', `/api/events/${created.body.id}/publish`, {});

    // Registrations.
    const event = await createEvent(t, admin);
    const partner = await createOrganisation(t, admin);
    const person = await signup(t, { name: 'Lucía Fernández' });
    const reg = await post(
      person,
      '/api/events/{id}/registrations',
      `/api/events/${event.id}/registrations`,
      registrationBody(partner.id),
    );
    expect(reg.status).toBe(201);
    await post(
      person,
      '/api/events/{id}/registrations',
      `/api/events/${event.id}/registrations`,
      registrationBody(partner.id),
    );
    await post(person, '/api/events/{id}/registrations', `/api/events/${event.id}/registrations`, {
      consent: { dataProcessing: false },
    });
    await patch(person, '/api/registrations/{id}', `/api/registrations/${reg.body.id}`, {
      dietary: 'halal',
    });
    await patch(stranger, '/api/registrations/{id}', `/api/registrations/${reg.body.id}`, {
      dietary: 'none',
    });
    await post(
      person,
      '/api/registrations/{id}/cancel',
      `/api/registrations/${reg.body.id}/cancel`,
      {},
    );
    await post(
      person,
      '/api/registrations/{id}/cancel',
      `/api/registrations/${reg.body.id}/cancel`,
      {},
    );
    await post(
      person,
      '/api/registrations/{id}/approve',
      `/api/registrations/${reg.body.id}/approve`,
      {},
    );
    const csv = await call(admin, 'get', `/api/events/${event.id}/registrations?format=csv`);
    check('get', '/api/events/{id}/registrations', csv);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);

    // Agenda: rooms, sessions, sign-ups.
    const room = await post(admin, '/api/events/{id}/rooms', `/api/events/${world.event}/rooms`, {
      name: 'Salle Ibn Battuta',
      capacity: 40,
    });
    expect(room.status).toBe(201);
    await post(admin, '/api/events/{id}/rooms', `/api/events/${world.event}/rooms`, {
      name: 'Salle Ibn Battuta',
      capacity: 40,
    });
    await post(participant, '/api/events/{id}/rooms', `/api/events/${world.event}/rooms`, {
      name: 'Salle B',
    });
    await patch(
      admin,
      '/api/events/{id}/rooms/{roomId}',
      `/api/events/${world.event}/rooms/${room.body.id}`,
      { capacity: 35 },
    );
    const session = await post(
      admin,
      '/api/events/{id}/sessions',
      `/api/events/${world.event}/sessions`,
      {
        kind: 'workshop',
        title: 'Écoute active',
        startsAt: '2027-10-27T14:00',
        endsAt: '2027-10-27T15:30',
        roomId: room.body.id,
        capacity: 12,
        signupRequired: true,
      },
    );
    expect(session.status).toBe(201);
    await post(admin, '/api/events/{id}/sessions', `/api/events/${world.event}/sessions`, {
      kind: 'workshop',
      title: 'Même salle',
      startsAt: '2027-10-27T14:30',
      endsAt: '2027-10-27T15:00',
      roomId: room.body.id,
    });
    await post(admin, '/api/events/{id}/sessions', `/api/events/${world.event}/sessions`, {
      kind: 'nope',
    });
    await post(admin, '/api/sessions/{id}/publish', `/api/sessions/${session.body.id}/publish`, {});
    await patch(admin, '/api/sessions/{id}', `/api/sessions/${session.body.id}`, {
      title: 'Écoute active (2)',
    });
    const signupRes = await post(
      participant,
      '/api/sessions/{id}/signups',
      `/api/sessions/${session.body.id}/signups`,
      {},
    );
    expect(signupRes.status).toBe(201);
    await post(
      participant,
      '/api/sessions/{id}/signups',
      `/api/sessions/${session.body.id}/signups`,
      {},
    );
    await post(
      stranger,
      '/api/sessions/{id}/signups',
      `/api/sessions/${session.body.id}/signups`,
      {},
    );
    check(
      'delete',
      '/api/sessions/{id}/signups/me',
      await call(participant, 'delete', `/api/sessions/${session.body.id}/signups/me`),
    );
    await post(admin, '/api/sessions/{id}/cancel', `/api/sessions/${session.body.id}/cancel`, {});

    // Calendar token, travel.
    check(
      'post',
      '/api/me/calendar-token',
      await call(participant, 'post', '/api/me/calendar-token'),
    );
    check(
      'put',
      '/api/registrations/{id}/travel',
      await call(participant, 'put', `/api/registrations/${world.registration}/travel`).send({
        passport: { nationality: 'XX' },
      }),
    );

    // A page of localised errors keeps its shape.
    const fr = await call(participant, 'post', `/api/events/${world.event}/rooms`)
      .set('Accept-Language', 'fr')
      .send({ name: 'Salle C' });
    check('post', '/api/events/{id}/rooms', fr);
    expect(fr.body.message).not.toMatch(/organisers/);

    expect(failures).toEqual([]);
  }, 180_000);

  it('walked the bulk of the document', () => {
    const operations = Object.values(doc.paths).reduce((n, m) => n + Object.keys(m).length, 0);
    expect(checked.size).toBeGreaterThan(operations / 2);
  });
});
