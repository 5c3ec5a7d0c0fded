import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_ADMIN, type TestApp } from './test-app.js';

export interface Session {
  token: string;
  id: string;
  email: string;
  auth: { Authorization: string };
}

const unique = () => randomBytes(4).toString('hex');

export async function loginAdmin(t: TestApp): Promise<Session> {
  const res = await t.http().post('/api/auth/login').send(TEST_ADMIN).expect(200);
  return session(res.body);
}

export async function signup(
  t: TestApp,
  overrides: Partial<{
    email: string;
    name: string;
    password: string;
    locale: string;
    organisationId: string;
  }> = {},
): Promise<Session> {
  const body = {
    email: `person-${unique()}@example.org`,
    name: 'Test Person',
    password: 'a-long-password',
    locale: 'en',
    ...overrides,
  };
  const res = await t.http().post('/api/auth/signup').send(body).expect(201);
  // People made by tests have confirmed their address, as anyone who registers must have;
  // tests of the confirmation itself use unverifiedSignup.
  await t.app
    .get(DataSource)
    .query(`UPDATE accounts SET email_verified_at = now() WHERE id = $1`, [res.body.account.id]);
  return session(res.body);
}

/** A sign-up with a password whose address is not confirmed yet (it cannot register). */
export async function unverifiedSignup(
  t: TestApp,
  overrides: Partial<{ email: string; name: string; locale: string; organisationId: string }> = {},
): Promise<Session> {
  const body = {
    email: `person-${unique()}@example.org`,
    name: 'Test Person',
    password: 'a-long-password',
    locale: 'en',
    ...overrides,
  };
  const res = await t.http().post('/api/auth/signup').send(body).expect(201);
  return session(res.body);
}

export async function createOrganisation(
  t: TestApp,
  admin: Session,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; name: string; country: string }> {
  const res = await t
    .http()
    .post('/api/organisations')
    .set(admin.auth)
    .send({ name: `Partner ${unique()}`, country: 'MA', city: 'Tangier', ...overrides })
    .expect(201);
  return res.body;
}

export function eventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Partners meeting ${unique()}`,
    kind: 'meeting',
    timezone: 'Africa/Casablanca',
    startDate: '2027-10-25',
    endDate: '2027-10-30',
    venue: { name: 'Hôtel Continental', city: 'Tangier', country: 'MA' },
    capacity: 30,
    requiresApproval: false,
    languages: ['fr', 'en', 'es'],
    ...overrides,
  };
}

/** An event created by `organiser` (who becomes its organiser), published unless told not to. */
export async function createEvent(
  t: TestApp,
  organiser: Session,
  overrides: Record<string, unknown> = {},
  { publish = true } = {},
): Promise<{ id: string; slug: string; status: string; timezone: string }> {
  const res = await t
    .http()
    .post('/api/events')
    .set(organiser.auth)
    .send(eventBody(overrides))
    .expect(201);
  if (!publish) return res.body;
  const published = await t
    .http()
    .post(`/api/events/${res.body.id}/publish`)
    .set(organiser.auth)
    .expect(200);
  return published.body;
}

function session(body: { accessToken: string; account: { id: string; email: string } }): Session {
  return {
    token: body.accessToken,
    id: body.account.id,
    email: body.account.email,
    auth: { Authorization: `Bearer ${body.accessToken}` },
  };
}
