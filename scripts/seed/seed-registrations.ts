import { DEMO_REGISTRANTS, type DemoRegistrant } from './demo-registrants.js';
import type { SeedContext } from './seed-context.js';

/**
 * What a person typed into the form, in column order: profession, profession_other,
 * languages, dietary, accessibility, phone, emergency_contact_{name,phone,relation}.
 */
export const registrantValues = (p: DemoRegistrant) => [
  p.profession,
  p.professionOther ?? null,
  p.languages,
  p.dietary ?? null,
  p.accessibility ?? null,
  p.phone,
  p.emergencyContact?.name ?? null,
  p.emergencyContact?.phone ?? null,
  p.emergencyContact?.relation ?? null,
];

/**
 * 26 confirmed registrations for the Tangier meeting. Idempotent: a person who
 * already has any registration for the event (even one cancelled while playing with
 * the demo) is left alone. No outbox rows: seeding sends nobody an email.
 */
export async function seedRegistrations(ctx: SeedContext): Promise<void> {
  const { ds, organisationIds, accountIds, eventId, passwordHash } = ctx;
  for (const p of DEMO_REGISTRANTS) {
    const organisationId = organisationIds[p.organisation];
    await ds.query(
      `INSERT INTO accounts (email, name, locale, organisation_id, password_hash, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (lower(email)) DO NOTHING`,
      [p.email, p.name, p.locale, organisationId, passwordHash],
    );
    const [account] = (await ds.query(`SELECT id FROM accounts WHERE lower(email) = $1`, [
      p.email,
    ])) as Array<{ id: string }>;
    accountIds[p.email] = account.id;

    await ds.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
           profession_other, languages, dietary, accessibility, phone, emergency_contact_name,
           emergency_contact_phone, emergency_contact_relation, consent_data_processing_at, created_by)
         SELECT $1, $2, $3, 'confirmed', $4, $5, $6, $7, $8, $9, $10, $11, $12, now(), $2
          WHERE NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = $1 AND account_id = $2)
         RETURNING id`,
        [eventId, account.id, organisationId, ...registrantValues(p)],
      )) as Array<{ id: string }>;
      for (const { id } of inserted) {
        await manager.query(
          `INSERT INTO registration_status_changes (registration_id, event_id, from_status, to_status, changed_by, reason)
           VALUES ($1, $2, NULL, 'confirmed', $3, 'Demo data')`,
          [id, eventId, account.id],
        );
      }
    });
  }
}
