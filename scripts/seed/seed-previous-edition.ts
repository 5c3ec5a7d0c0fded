import { DEMO_ORGANISER, DEMO_PREVIOUS_EVENT } from './demo-data.js';
import { DEMO_REGISTRANTS, type Profession } from './demo-registrants.js';
import type { SeedContext } from './seed-context.js';
import { registrantValues } from './seed-registrations.js';
import { insertEvent } from './insert-event.js';

interface PastRegistration {
  email: string;
  registeredAt: string;
  /** What they did then, when it differs from now. */
  profession?: Profession;
  cancelled?: { at: string; reason: string };
}

/** Who came to Dakar in 2026 (and who had to cancel); the rest are new this year. */
const DAKAR_2026: PastRegistration[] = [
  { email: 'awa@convene.demo', registeredAt: '2025-11-04T10:12:00Z' },
  { email: 'lucia@convene.demo', registeredAt: '2025-11-18T15:40:00Z' },
  // A social worker then, head of service since.
  {
    email: 'joseph@convene.demo',
    registeredAt: '2025-12-02T08:05:00Z',
    profession: 'social_worker',
  },
  { email: 'fatou@convene.demo', registeredAt: '2026-01-09T11:30:00Z' },
  { email: 'participant05@convene.demo', registeredAt: '2025-11-03T09:00:00Z' },
  { email: 'participant11@convene.demo', registeredAt: '2026-02-14T17:22:00Z' },
  { email: 'participant13@convene.demo', registeredAt: '2026-03-01T13:45:00Z' },
  { email: 'participant15@convene.demo', registeredAt: '2025-12-20T10:10:00Z' },
  { email: 'participant19@convene.demo', registeredAt: '2026-04-07T07:55:00Z' },
  {
    email: 'participant06@convene.demo',
    registeredAt: '2026-01-21T16:30:00Z',
    cancelled: {
      at: '2026-09-28T08:15:00Z',
      reason: 'Audience au tribunal pour enfants la même semaine',
    },
  },
];

/**
 * The previous edition, archived, with the registrations of the people who came, dated
 * when they happened. Inserts only what is missing; no outbox rows. Needs the accounts
 * the registration step created.
 */
export async function seedPreviousEdition(ctx: SeedContext): Promise<void> {
  const { ds, organisationIds, accountIds } = ctx;
  const e = DEMO_PREVIOUS_EVENT;
  const organiserId = accountIds[DEMO_ORGANISER.email];
  const event = {
    id: await insertEvent(ds, e, {
      status: 'archived',
      publishedAt: e.publishedAt,
      createdBy: organiserId,
    }),
  };
  await ds.query(
    `INSERT INTO event_staff (event_id, account_id, role) VALUES ($1, $2, 'organiser') ON CONFLICT DO NOTHING`,
    [event.id, organiserId],
  );

  for (const past of DAKAR_2026) {
    const person = DEMO_REGISTRANTS.find((p) => p.email === past.email);
    const accountId = accountIds[past.email];
    if (!person || !accountId) throw new Error(`Unknown demo person ${past.email}`);
    const values = registrantValues({
      ...person,
      profession: past.profession ?? person.profession,
    });
    const changedAt = past.cancelled?.at ?? past.registeredAt;
    await ds.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
           profession_other, languages, dietary, accessibility, phone, emergency_contact_name,
           emergency_contact_phone, emergency_contact_relation, consent_data_processing_at,
           status_changed_at, created_by, created_at, updated_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $2, $14, $15
          WHERE NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = $1 AND account_id = $2)
         RETURNING id`,
        [
          event.id,
          accountId,
          organisationIds[person.organisation],
          past.cancelled ? 'cancelled' : 'confirmed',
          ...values,
          past.registeredAt,
          changedAt,
        ],
      )) as Array<{ id: string }>;
      for (const { id } of inserted) {
        const audit = (from: string | null, to: string, reason: string, at: string) =>
          manager.query(
            `INSERT INTO registration_status_changes
               (registration_id, event_id, from_status, to_status, changed_by, reason, changed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [id, event.id, from, to, accountId, reason, at],
          );
        await audit(null, 'confirmed', 'Demo data', past.registeredAt);
        if (past.cancelled) {
          await audit('confirmed', 'cancelled', past.cancelled.reason, past.cancelled.at);
        }
      }
    });
  }
}
