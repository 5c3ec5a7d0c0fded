import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { Account, AuthService } from '#accounts';
import type { Session } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Many accounts at once, straight into the table (no argon2 per signup), each with a
 * real bearer token: for the concurrency tests, where 200 signups would take minutes.
 */
export async function fastAccounts(
  t: TestApp,
  count: number,
  { organisationId = null as string | null, locale = 'en', prefix = 'rush' } = {},
): Promise<Session[]> {
  const ds = t.app.get(DataSource);
  const run = randomBytes(3).toString('hex');
  const rows = (await ds.query(
    `INSERT INTO accounts (email, name, locale, organisation_id, email_verified_at)
     SELECT $1 || '-' || lpad(i::text, 4, '0') || '@example.org', 'Person ' || lpad(i::text, 4, '0'), $2, $3, now()
       FROM generate_series(1, $4::int) AS i
     RETURNING id`,
    [`${prefix}-${run}`, locale, organisationId, count],
  )) as Array<{ id: string }>;
  const auth = t.app.get(AuthService);
  const accounts = await ds.getRepository(Account).findBy({ id: In(rows.map((r) => r.id)) });
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return Promise.all(
    rows.map(async ({ id }) => {
      const { accessToken, account } = await auth.issue(byId.get(id)!);
      return {
        token: accessToken,
        id,
        email: account.email,
        auth: { Authorization: `Bearer ${accessToken}` },
      };
    }),
  );
}

export function registrationBody(
  organisationId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    organisationId,
    profession: 'social_worker',
    languages: ['fr', 'en'],
    consent: { dataProcessing: true },
    ...overrides,
  };
}

/** Listens on an ephemeral local port so requests can really run in parallel. */
export async function baseUrl(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer() as import('node:http').Server;
  if (!server.listening) await t.app.listen(0, '127.0.0.1');
  const address = server.address() as import('node:net').AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}
