import { type INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type {
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { PUBLIC_ROUTE } from '#core';
import { type Body, OPERATIONS } from './operations.js';
import { ref, RESPONSE_SCHEMAS } from './schemas.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Method = (typeof METHODS)[number];

/** Every error response the API gives, each with the one ErrorResponse body. */
const ERRORS = {
  400: ['BadRequest', 'Bad input: the field at fault is named in details (field or fields)'],
  401: ['Unauthorized', 'No valid access token (or wrong credentials)'],
  403: ['Forbidden', 'Signed in, but not allowed to do this'],
  404: ['NotFound', 'Unknown, or not yours to see (another person’s object is a 404)'],
  409: ['Conflict', 'Not possible in the current state; details say why'],
  413: ['PayloadTooLarge', 'The request body is too large'],
  429: ['TooManyRequests', 'Too many attempts; Retry-After says when to try again'],
  503: [
    'ServiceUnavailable',
    'PostgreSQL or Redis is briefly out of reach; retry after Retry-After',
  ],
} as const;
type ErrorStatus = keyof typeof ERRORS;

function errorResponses(): Record<string, ResponseObject> {
  const retryAfter = {
    'Retry-After': {
      description: 'Seconds to wait before trying again',
      schema: { type: 'integer' as const },
    },
  };
  return Object.fromEntries(
    Object.entries(ERRORS).map(([status, [name, description]]) => [
      name,
      {
        description,
        content: { 'application/json': { schema: ref('ErrorResponse') } },
        ...(status === '429' || status === '503' ? { headers: retryAfter } : {}),
      },
    ]),
  );
}

/** Where @nestjs/swagger keeps @ApiProduces (DECORATORS.API_PRODUCES). */
const PRODUCES = 'swagger/apiProduces';

interface HandlerFacts {
  /** operationIds (Controller_method) of the @Public() handlers. */
  open: Set<string>;
  /** operationId -> the media types its @ApiProduces names. */
  produces: Map<string, string[]>;
}

/** What the handlers' own metadata says: public or not, which files they send. */
function handlerFacts(app: INestApplication): HandlerFacts {
  const facts: HandlerFacts = { open: new Set(), produces: new Map() };
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type?.prototype) continue;
      const classPublic = Reflect.getMetadata(PUBLIC_ROUTE, type) === true;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const id = `${type.name}_${name}`;
        if (classPublic || Reflect.getMetadata(PUBLIC_ROUTE, handler) === true) facts.open.add(id);
        const produces = Reflect.getMetadata(PRODUCES, handler) as string[] | undefined;
        if (produces?.length) facts.produces.set(id, produces);
      }
    }
  }
  return facts;
}

/** Which errors an operation can answer, from what it takes and who may call it. */
function errorsOf(path: string, method: Method, op: OperationObject, isPublic: boolean) {
  const errors = new Set<ErrorStatus>();
  const auth = path.startsWith('/api/auth/');
  const params = (op.parameters ?? []) as Array<{ in?: string }>;
  if (op.requestBody || params.length > 0) errors.add(400);
  if (!isPublic || auth || path.startsWith('/api/calendar/')) errors.add(401);
  if (!isPublic && !path.startsWith('/api/me') && path !== '/api/auth/logout') errors.add(403);
  if (params.some((p) => p.in === 'path')) errors.add(404);
  // Writes, and downloads of a document that may not exist yet (a letter not asked for).
  if (method !== 'get' && (!auth || path === '/api/auth/signup')) errors.add(409);
  if (method === 'get' && /\.(pdf|zip)$/.test(path)) errors.add(409);
  if (op.requestBody) errors.add(413);
  if ((auth && path !== '/api/auth/logout') || path.startsWith('/api/verify/')) errors.add(429);
  if (path !== '/api/health/live' && path !== '/api') errors.add(503);
  return errors;
}

function bodyContent(body: Body): ResponseObject['content'] {
  if ('media' in body) {
    return { [body.media]: { schema: { type: 'string', format: 'binary' } } };
  }
  const schema: SchemaObject | ReferenceObject = body.list
    ? { type: 'array', items: ref(body.schema) }
    : ref(body.schema);
  return { 'application/json': { schema } };
}

const STRING_FORMATS = new Set(['uuid', 'date-time', 'date', 'email', 'uri', 'binary']);

/**
 * `string | null` and `number | null` properties reach the document as `type: object`
 * (TypeScript's design:type of a union is Object). Where the decorator says what the
 * value is (a string format, an example, a minimum), the type follows from it; the rest
 * are fixed in their DTOs (`type: String`), and the contract test lists any left over.
 */
function typeBareObjects(schema: unknown): void {
  if (schema === null || typeof schema !== 'object') return;
  const s = schema as Record<string, unknown>;
  const bare =
    s.type === 'object' && !s.properties && !s.additionalProperties && !s.allOf && !s.$ref;
  if (bare) {
    const example = s.example;
    if (typeof s.format === 'string' && STRING_FORMATS.has(s.format)) s.type = 'string';
    else if (typeof example === 'string') s.type = 'string';
    else if (typeof example === 'number' || s.minimum !== undefined || s.maximum !== undefined)
      s.type = Number.isInteger(example ?? 0) ? 'integer' : 'number';
    else if (typeof example === 'boolean') s.type = 'boolean';
    else if (example && typeof example === 'object') s.additionalProperties = true;
  }
  // A $ref wrapped for nullable keeps `type: object` beside its allOf: nothing to infer.
  for (const value of Object.values(s)) typeBareObjects(value);
}

/**
 * What the decorators alone leave out, added in one place: the ErrorResponse shape and
 * the errors of each operation, the response bodies and summaries of operations.ts,
 * and which operations are public (no token) or take one.
 */
export function completeDocument(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const { open, produces } = handlerFacts(app);
  document.components = {
    ...document.components,
    // Ours win: one ErrorResponse for every controller, whatever class it names.
    schemas: { ...document.components?.schemas, ...RESPONSE_SCHEMAS },
    responses: { ...document.components?.responses, ...errorResponses() },
  };
  for (const schema of Object.values(document.components.schemas ?? {})) typeBareObjects(schema);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const id = op.operationId ?? '';
      const contract = OPERATIONS[id];
      const isPublic = open.has(id);
      if (!op.summary && contract?.summary) op.summary = contract.summary;

      // Public: no token needed. Where a public operation also reads one (an organiser
      // sees drafts in the agenda), the token stays an option.
      const optionalToken =
        isPublic && !/^\/api(\/auth\/|\/health\/|\/verify\/|\/calendar\/|$)/.test(path);
      op.security = isPublic ? (optionalToken ? [{}, { bearer: [] }] : []) : [{ bearer: [] }];

      const responses = op.responses as Record<string, ResponseObject>;
      const success = Object.keys(responses).find((s) => /^2\d\d$/.test(s));
      const response = success ? responses[success] : undefined;
      const hasBody = (r: ResponseObject) =>
        Object.values(r.content ?? {}).some((m) => (m as { schema?: unknown }).schema);
      if (response && contract?.body && !hasBody(response)) {
        response.content = { ...bodyContent(contract.body) };
        if (!response.description) response.description = 'Done';
      }
      // Files (@ApiProduces: PDF, ZIP, images): the bytes, whatever the decorator left out.
      const files = (produces.get(id) ?? []).filter((m) => m !== 'application/json');
      if (response && files.length > 0 && !hasBody(response)) {
        response.content = Object.fromEntries(
          files.map((m) => [m, { schema: { type: 'string', format: 'binary' } }]),
        );
      }
      if (contract?.csv && response?.content && !response.content['text/csv']) {
        response.content['text/csv'] = {
          schema: { type: 'string', description: 'CSV (UTF-8 with BOM)' },
        };
      }

      for (const status of errorsOf(path, method, op, isPublic)) {
        const existing = responses[status];
        const [name, description] = ERRORS[status];
        if (!existing) {
          responses[status] = { $ref: `#/components/responses/${name}` } as never;
        } else if (!('$ref' in existing)) {
          existing.description = existing.description || description;
          existing.content = { 'application/json': { schema: ref('ErrorResponse') } };
        }
      }
      // Every error leaves through the one filter: whatever class a controller named for
      // it, its body is the ErrorResponse.
      for (const [status, response] of Object.entries(responses)) {
        if (/^[45]\d\d$/.test(status) && !('$ref' in response)) {
          response.content = { 'application/json': { schema: ref('ErrorResponse') } };
        }
      }
    }
  }
  // Error classes a controller named (ApiErrorResponse...) gave way to ErrorResponse above.
  const schemas = document.components.schemas ?? {};
  const used = JSON.stringify({ paths: document.paths, components: document.components });
  for (const name of Object.keys(schemas)) {
    if (/.ErrorResponse$/.test(name) && !used.includes(`"#/components/schemas/${name}"`)) {
      delete schemas[name];
    }
  }
  return document;
}
