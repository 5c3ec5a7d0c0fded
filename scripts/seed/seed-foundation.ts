import type { DataSource } from 'typeorm';
import { hashPassword } from '#accounts';
import {
  DEMO_EVENT,
  DEMO_HOST,
  DEMO_ORGANISATIONS,
  DEMO_ORGANISER,
  DEMO_PARTICIPANTS,
  DEMO_PASSWORD,
} from './demo-data.js';
import type { SeedContext } from './seed-context.js';
import { insertEvent } from './insert-event.js';

/** Organisations, people and the published meeting; inserts only what is missing. */
export async function seedFoundation(ds: DataSource): Promise<Omit<SeedContext, 'fieldCipher'>> {
  const organisationIds: Record<string, string> = {};
  for (const o of DEMO_ORGANISATIONS) {
    await ds.query(
      `INSERT INTO organisations (name, country, city, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT (lower(name), country) DO NOTHING`,
      [o.name, o.country, o.city, o.kind],
    );
    const [row] = await ds.query(
      `SELECT id FROM organisations WHERE lower(name) = lower($1) AND country = $2`,
      [o.name, o.country],
    );
    organisationIds[o.key] = row.id;
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accountIds: Record<string, string> = {};
  for (const p of [DEMO_ORGANISER, DEMO_HOST, ...DEMO_PARTICIPANTS]) {
    await ds.query(
      `INSERT INTO accounts (email, name, locale, organisation_id, password_hash, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (lower(email)) DO NOTHING`,
      [p.email, p.name, p.locale, organisationIds[p.organisation], passwordHash],
    );
    const [row] = await ds.query(`SELECT id FROM accounts WHERE lower(email) = $1`, [p.email]);
    accountIds[p.email] = row.id;
  }

  const e = DEMO_EVENT;
  const event = {
    id: await insertEvent(ds, e, {
      status: 'published',
      createdBy: accountIds[DEMO_ORGANISER.email],
    }),
  };
  await ds.query(
    `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser'), ($1, $3, 'host')
     ON CONFLICT DO NOTHING`,
    [event.id, accountIds[DEMO_ORGANISER.email], accountIds[DEMO_HOST.email]],
  );

  return { ds, organisationIds, accountIds, eventId: event.id, passwordHash };
}
