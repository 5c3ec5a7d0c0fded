/**
 * The bare baseline the read paths are measured against (bench/read-paths): Fastify and
 * pg, no Nest, no Express middleware, no TypeORM, no class-validator, answering
 *
 *   GET /api/events/:id/agenda            (public; a bearer token is checked when sent)
 *   GET /api/events/:id/registrations     (organisers: a page as JSON, or ?format=csv)
 *
 * with the same statements, rows and checks as Convene: the bearer token and the account's
 * token version, the event and the reader's roles in one statement (drafts 404 to
 * strangers, the list 403 to non-organisers), then Convene's own readers and formatting
 * (SessionReader, toSessionView, RegistrationReports and its CSV writer), handed a pg
 * pool instead of TypeORM's data source. What is left between the two is what the
 * framework costs.
 *
 *   DATABASE_URL=... PORT=3921 node dist/bench/baseline/read-server.js
 */
import Fastify from 'fastify';
import pg from 'pg';
import { AgendaService } from '#agenda';
import {
  type Actor,
  CONNECTION_SETTINGS,
  LOCALES,
  type Locale,
  configurePgClients,
  isAdmin,
} from '#core';
import {
  type Event,
  eventVisibleTo,
  type EventAccess,
  rolesOnEventSql,
  type StaffRole,
} from '#events';
import { negotiateLocale } from '#i18n';
import {
  type ListRegistrationsQueryDto,
  REGISTRATION_SORTS,
  RegistrationReports,
} from '#registrations';
import { SessionReader } from '../../libs/agenda/src/session-reader.js';
import { HttpError, authenticate } from '../support/bare-auth.js';
import { pgDataSource } from '../support/pg-data-source.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

configurePgClients();
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 20,
  options: CONNECTION_SETTINGS,
});

/** What the readers call on a data source or entity manager, over the pool. */
const db = pgDataSource(pool);

/** Every column TypeORM reads for an Event, plus the reader's roles: one statement. */
async function loadEvent(actor: Actor | undefined, eventId: string) {
  const { rows } = await pool.query(
    `SELECT e.id, e.slug, e.name, e.description, e.names, e.descriptions, e.practical_info,
            e.kind, e.timezone, e.start_date::text AS start_date, e.end_date::text AS end_date,
            e.venue_name, e.venue_city, e.venue_country, e.capacity, e.requires_approval,
            e.registration_opens_at, e.registration_closes_at, e.languages,
            e.host_organisation_id, e.status, e.published_at, e.created_by, e.creation_key,
            e.personal_data_erased_at, e.created_at, e.updated_at,
            ${rolesOnEventSql('e', '$2')} AS roles
       FROM events e WHERE e.id = $1`,
    [eventId, actor?.accountId ?? '00000000-0000-0000-0000-000000000000'],
  );
  const r = rows[0] as Record<string, unknown> | undefined;
  const roles = (r?.roles ?? []) as StaffRole[];
  if (!r || !eventVisibleTo(r.status as string, roles, actor))
    throw new HttpError(404, 'Event not found');
  const event = {
    id: r.id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    names: r.names,
    descriptions: r.descriptions,
    practicalInfo: r.practical_info,
    kind: r.kind,
    timezone: r.timezone,
    startDate: r.start_date,
    endDate: r.end_date,
    venueName: r.venue_name,
    venueCity: r.venue_city,
    venueCountry: r.venue_country,
    capacity: r.capacity,
    requiresApproval: r.requires_approval,
    registrationOpensAt: r.registration_opens_at,
    registrationClosesAt: r.registration_closes_at,
    languages: r.languages,
    hostOrganisationId: r.host_organisation_id,
    status: r.status,
    publishedAt: r.published_at,
    createdBy: r.created_by,
    creationKey: r.creation_key,
    personalDataErasedAt: r.personal_data_erased_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  } as unknown as Event;
  return { event, roles };
}

const access = {
  requireVisible: async (actor: Actor | undefined, id: string) =>
    (await loadEvent(actor, id)).event,
  requireOrganiser: async (actor: Actor, id: string) => {
    const { event, roles } = await loadEvent(actor, id);
    if (!isAdmin(actor) && !roles.includes('organiser'))
      throw new HttpError(403, 'Only the organisers of this event can do this');
    return event;
  },
} as unknown as EventAccess;

const agendas = new AgendaService(
  db,
  access,
  new SessionReader(db),
  undefined as unknown as ConstructorParameters<typeof AgendaService>[3],
);
const reports = new RegistrationReports(db, access);

function readerLocale(query: Record<string, string | undefined>, acceptLanguage?: string) {
  const lang = query.lang;
  if (lang !== undefined) {
    if (!(LOCALES as readonly string[]).includes(lang))
      throw new HttpError(400, 'lang must be one of fr, en, es');
    return lang as Locale;
  }
  if (!acceptLanguage) return undefined;
  const picked = negotiateLocale(acceptLanguage, '' as Locale);
  return picked === ('' as Locale) ? undefined : picked;
}

function whole(value: string | undefined, field: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw new HttpError(400, `${field} must be a whole number from 1 to ${max}`);
  return n;
}

const app = Fastify({ logger: false });
app.setErrorHandler((error, _request, reply) => {
  if (error instanceof HttpError)
    return reply.code(error.status).send({ statusCode: error.status, message: error.message });
  console.error(error);
  return reply.code(500).send({ statusCode: 500, message: 'Something went wrong' });
});

type Query = Record<string, string | undefined>;

app.get<{ Params: { id: string }; Querystring: Query }>(
  '/api/events/:id/agenda',
  async (request) => {
    if (!UUID.test(request.params.id)) throw new HttpError(400, 'id must be a UUID');
    let actor: Actor | undefined;
    // A public route: a bad token reads as anonymous, as Convene's guard does.
    if (request.headers.authorization)
      actor = await authenticate(pool, request.headers.authorization).catch(() => undefined);
    const locale = readerLocale(request.query, request.headers['accept-language']);
    return agendas.agenda(actor, request.params.id, {}, locale);
  },
);

app.get<{ Params: { id: string }; Querystring: Query }>(
  '/api/events/:id/registrations',
  async (request, reply) => {
    if (!UUID.test(request.params.id)) throw new HttpError(400, 'id must be a UUID');
    const actor = await authenticate(pool, request.headers.authorization);
    const q = request.query;
    if (q.sort !== undefined && !(REGISTRATION_SORTS as readonly string[]).includes(q.sort))
      throw new HttpError(400, 'sort must be one of the list');
    if (q.format !== undefined && q.format !== 'json' && q.format !== 'csv')
      throw new HttpError(400, 'format must be json or csv');
    if (q.separator !== undefined && q.separator !== 'comma' && q.separator !== 'semicolon')
      throw new HttpError(400, 'separator must be comma or semicolon');
    const query = {
      page: whole(q.page, 'page', 100_000),
      pageSize: whole(q.pageSize, 'pageSize', 200),
      sort: q.sort,
      format: q.format,
      separator: q.separator,
    } as ListRegistrationsQueryDto;
    if (query.format !== 'csv') return reports.list(actor, request.params.id, query);
    const { filename, body } = await reports.csv(actor, request.params.id, query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(body);
  },
);

app.get('/health', async () => ({ status: 'ok' }));

const port = Number(process.env.PORT ?? 3921);
await app.listen({ port, host: '127.0.0.1' });
console.log(`bare read baseline listening on ${port}`);
