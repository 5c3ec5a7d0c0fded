/**
 * The bare baseline the registration rush is measured against: Fastify and pg, no Nest,
 * no ORM, no validation library, doing the same work as Convene's
 * POST /api/events/:id/registrations: check the bearer token and its version, check the
 * body, read the event's visibility, the account and the organisation, lock the event
 * reading its seat facts, insert the registration, its audit row and its email (Convene's
 * own one-statement admission, imported), wake the mail relay after the commit as
 * Convene's OutboxWake does, and answer with the same JSON. Same
 * statements, same rows, same checks: the ratio measures what the framework costs.
 *
 *   DATABASE_URL=... JWT_SECRET=... PORT=3901 node dist/bench/baseline/registration-server.js
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { CONNECTION_SETTINGS, configurePgClients, DEVELOPMENT_JWT_SECRET, warmPool } from '#core';
import { coalescedOutboxWake } from '#messaging';
import {
  type AdmissionRow,
  CURRENT_CONSENT_VERSION,
  admissionStatement,
  readAdmission,
  registrationMessage,
  toRegistrationView,
} from '#registrations';

const PROFESSIONS = new Set([
  'social_worker',
  'head_of_service',
  'psychologist',
  'legal_expert',
  'manager',
  'other',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET = Buffer.from(process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, 'utf8');
const PUBLIC_URL = process.env.PUBLIC_URL ?? 'http://localhost:3000';

configurePgClients();
// As Convene's pool: DATABASE_POOL_MIN connections opened before listening and kept idle.
const POOL_MIN = Number(process.env.DATABASE_POOL_MIN ?? 0);
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 20,
  min: POOL_MIN,
  options: CONNECTION_SETTINGS,
});

// As Convene's OutboxWake: the relay's NOTIFY after the admission's commit.
const wakeOutbox = coalescedOutboxWake((sql) => pool.query(sql));

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** HS256 only, as Convene's verifyOptions; returns the claims or throws 401. */
function verifyToken(header: string | undefined): { sub: string; ver?: number } {
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const parts = m ? m[1].split('.') : [];
  if (parts.length !== 3) throw new HttpError(401, 'Send Authorization: Bearer <accessToken>');
  const [h, p, s] = parts;
  const head = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
  if (head.alg !== 'HS256') throw new HttpError(401, 'Your session is invalid');
  const expected = createHmac('sha256', SECRET).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HttpError(401, 'Your session is invalid');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as {
    sub: string;
    ver?: number;
    exp?: number;
  };
  if (claims.exp !== undefined && claims.exp * 1000 <= Date.now())
    throw new HttpError(401, 'Your session has expired');
  return claims;
}

interface Body {
  organisationId?: unknown;
  profession?: unknown;
  languages?: unknown;
  dietary?: unknown;
  accessibility?: unknown;
  consent?: { dataProcessing?: unknown; version?: unknown; locale?: unknown };
}

function checkBody(body: Body) {
  if (
    body.organisationId !== undefined &&
    !(typeof body.organisationId === 'string' && UUID.test(body.organisationId))
  )
    throw new HttpError(400, 'organisationId must be a UUID');
  if (typeof body.profession !== 'string' || !PROFESSIONS.has(body.profession))
    throw new HttpError(400, 'profession must be one of the list');
  const languages = body.languages ?? [];
  if (
    !Array.isArray(languages) ||
    languages.some((l) => !['fr', 'en', 'es', 'ar', 'pt'].includes(String(l)))
  )
    throw new HttpError(400, 'languages must be language codes');
  if (body.consent?.dataProcessing !== true)
    throw new HttpError(400, 'consent is required: send consent.dataProcessing = true');
  return {
    organisationId: body.organisationId as string | undefined,
    profession: body.profession,
    languages: languages as string[],
    dietary: typeof body.dietary === 'string' && body.dietary.trim() ? body.dietary.trim() : null,
    accessibility:
      typeof body.accessibility === 'string' && body.accessibility.trim()
        ? body.accessibility.trim()
        : null,
  };
}

const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
app.setErrorHandler((error, _request, reply) => {
  console.error(error);
  void reply.code(500).send({ statusCode: 500, message: 'Something went wrong' });
});

app.post<{ Params: { id: string }; Body: Body }>(
  '/api/events/:id/registrations',
  async (request, reply) => {
    try {
      const eventId = request.params.id;
      if (!UUID.test(eventId)) throw new HttpError(400, 'id must be a UUID');
      const claims = verifyToken(request.headers.authorization);
      const input = checkBody(request.body ?? {});
      const { rows: who } = await pool.query(
        `SELECT id, platform_role, token_version, erased_at FROM accounts WHERE id = $1`,
        [claims.sub],
      );
      if (!who[0] || who[0].erased_at || (claims.ver ?? 0) !== who[0].token_version)
        throw new HttpError(401, 'Your session is invalid');
      const admin = who[0].platform_role === 'admin';
      const { rows: found } = await pool.query(
        `SELECT a.id, a.email, a.name, a.locale, a.organisation_id, a.email_verified_at,
                e.status AS event_status, e.name AS event_name, e.slug AS event_slug,
                e.start_date::text AS event_start_date, e.end_date::text AS event_end_date,
                e.timezone AS event_timezone, e.venue_name AS event_venue_name,
                e.venue_city AS event_venue_city, e.languages AS event_languages, e.names AS event_names,
                ARRAY(SELECT s.role FROM event_staff s WHERE s.event_id = $2 AND s.account_id = $1) AS roles,
                EXISTS (SELECT 1 FROM organisations o WHERE o.id = coalesce($3::uuid, a.organisation_id)) AS organisation_known
           FROM (SELECT 1) one
           LEFT JOIN accounts a ON a.id = $1
           LEFT JOIN events e ON e.id = $2`,
        [claims.sub, eventId, input.organisationId ?? null],
      );
      const f = found[0];
      const roles = f.roles as string[];
      if (!f.event_status || (f.event_status === 'draft' && roles.length === 0 && !admin))
        throw new HttpError(404, 'Event not found');
      if (!f.email_verified_at) throw new HttpError(403, 'Confirm your email address');
      const organisationId = input.organisationId ?? f.organisation_id;
      if (!organisationId) throw new HttpError(400, 'organisationId is required');
      if (!f.organisation_known)
        throw new HttpError(400, 'organisationId does not name a known organisation');
      const byOrganiser = admin || roles.includes('organiser');

      const registrationId = randomUUID();
      const recipient = { id: f.id, email: f.email, name: f.name, locale: f.locale };
      const summary = {
        id: eventId,
        name: f.event_name,
        slug: f.event_slug,
        startDate: f.event_start_date,
        endDate: f.event_end_date,
        timezone: f.event_timezone,
        venueName: f.event_venue_name,
        venueCity: f.event_venue_city,
        languages: f.event_languages,
        names: f.event_names ?? {},
      };
      const statement = admissionStatement({
        registration: {
          id: registrationId,
          eventId,
          accountId: claims.sub,
          organisationId,
          profession: input.profession,
          professionOther: null,
          languages: input.languages,
          dietary: input.dietary,
          accessibility: input.accessibility,
          phone: null,
          emergencyContactName: null,
          emergencyContactPhone: null,
          emergencyContactRelation: null,
          consentVersion: CURRENT_CONSENT_VERSION,
          consentLocale: f.locale,
          createdBy: claims.sub,
        },
        auditId: randomUUID(),
        byOrganiser,
        messageFor: (to) =>
          registrationMessage(
            PUBLIC_URL,
            summary,
            { registration: { id: registrationId }, from: null, to, reason: null },
            recipient,
          ),
      });
      const { rows } = await pool.query<AdmissionRow>(statement.text, statement.values);
      if (rows[0].mails > 0) wakeOutbox();
      const { facts, registration } = readAdmission(rows[0]);
      if (!facts) throw new HttpError(409, 'This event no longer exists');
      if (!registration) throw new HttpError(409, 'Registration refused');
      return reply
        .code(201)
        .send(
          toRegistrationView(
            registration,
            facts.timezone,
            registration.status === 'waitlisted' ? facts.waitlisted + 1 : null,
          ),
        );
    } catch (e) {
      if (e instanceof HttpError)
        return reply.code(e.status).send({ statusCode: e.status, message: e.message });
      throw e;
    }
  },
);

app.get('/health', async () => ({ status: 'ok' }));

const port = Number(process.env.PORT ?? 3901);
await warmPool(pool, POOL_MIN);
await app.listen({ port, host: '127.0.0.1' });
console.log(`bare baseline listening on ${port}`);
