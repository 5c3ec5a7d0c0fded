import { DataSource } from 'typeorm';
import type { Session } from './factories.js';
import { registrationBody } from './registration-fixtures.js';
import type { TestApp } from './test-app.js';

/** A confirmed registration through the real endpoint (the event must not require approval). */
export async function register(
  t: TestApp,
  eventId: string,
  person: Session,
  organisationId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await t
    .http()
    .post(`/api/events/${eventId}/registrations`)
    .set(person.auth)
    .send(registrationBody(organisationId, overrides));
  if (res.status !== 201 || res.body.status !== 'confirmed') {
    throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id;
}

/** Confirmed registrations for many people at once, straight into the table. */
export async function confirmMany(
  t: TestApp,
  eventId: string,
  people: Session[],
  organisationId: string,
): Promise<void> {
  await t.app.get(DataSource).query(
    `INSERT INTO registrations (event_id, account_id, organisation_id, status, profession,
       emergency_contact_name, emergency_contact_phone, consent_data_processing_at)
     SELECT $1, a, $3, 'confirmed', 'social_worker', 'Contact', '+212 600 000 ' || lpad(i::text, 3, '0'), now()
       FROM unnest($2::uuid[]) WITH ORDINALITY AS x(a, i)`,
    [eventId, people.map((p) => p.id), organisationId],
  );
}

export const sessionBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'workshop',
  title: 'How can we support families differently?',
  startsAt: '2027-10-26T10:00',
  endsAt: '2027-10-26T12:00',
  ...overrides,
});
