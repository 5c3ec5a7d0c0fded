import type { EntityManager } from 'typeorm';
import type { OutboundMessage } from '#messaging';
import type { Registration, RegistrationStatus } from './registration.entity.js';

/** What a newcomer's registration row holds, decided by the caller (status aside). */
export interface NewRegistration {
  id: string;
  eventId: string;
  accountId: string;
  organisationId: string;
  profession: string;
  professionOther: string | null;
  languages: string[];
  dietary: string | null;
  accessibility: string | null;
  phone: string | null;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  emergencyContactRelation: string | null;
  consentVersion: string;
  consentLocale: string;
  createdBy: string;
}

export type Placement = Extract<RegistrationStatus, 'pending' | 'confirmed' | 'waitlisted'>;

/** The event row as the admission found it once it held the lock. */
export interface AdmissionFacts {
  status: string;
  timezone: string;
  capacity: number;
  requiresApproval: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  waitlisted: number;
  live: { id: string; status: RegistrationStatus } | null;
  rejected: boolean;
}

export interface Admission {
  /** Null when the event no longer exists. */
  facts: AdmissionFacts | null;
  /** Null when the guard refused (closed, already registered, declined). */
  registration: Registration | null;
}

/**
 * A newcomer's registration as ONE statement: lock the event row, read its seat facts
 * (the counters on the row: the statement re-reads the newest version of the row it
 * waited for), place the person (pending, confirmed or waitlisted), insert the
 * registration, its audit row and its email. Autocommitted, so the event lock is held
 * for this statement's own execution inside PostgreSQL and nothing else: no round trip
 * to Node, and so no wait behind other requests' work, happens while other arrivals
 * queue for the lock.
 *
 * Arrivals queue for the event in the order they reached PostgreSQL, which is the order
 * of the waiting list: the row lock alone is not a queue, since every admission writes a
 * new version of the event row (its counters) and the waiters queued on the old version
 * race for the new one with later arrivals. A transaction-scoped advisory lock on the
 * event, taken in the row's filter (after the index found the row, before the row lock),
 * is a plain FIFO queue in PostgreSQL's lock manager and wakes one waiter per commit;
 * whoever holds it then takes the row lock, which other writers of the event
 * (cancellations, approvals) still respect. Only this statement takes it, after nothing
 * else, so it cannot deadlock.
 *
 * The rules are the plain functions' (registrationClosedReason, placement): the guard
 * here only admits what they would admit, and when it refuses the caller explains the
 * refusal by calling them on `facts`. `messageFor(status)` is the email the general
 * path (RegistrationLedger.record) would write for that status. The statement leaves the
 * relay's NOTIFY to `wakeOutbox`, called after its commit.
 */
export async function admitNewcomer(
  manager: EntityManager,
  input: AdmissionInput,
  wakeOutbox: () => void,
): Promise<Admission> {
  const { text, values } = admissionStatement(input);
  const [row] = (await manager.query(text, values)) as AdmissionRow[];
  if (row.mails > 0) wakeOutbox();
  return readAdmission(row);
}

export interface AdmissionInput {
  registration: NewRegistration;
  auditId: string;
  byOrganiser: boolean;
  messageFor: (status: Placement) => OutboundMessage;
}

export interface AdmissionRow {
  facts: RawFacts | null;
  registration: RawRegistration | null;
  /** Outbox rows written: the caller wakes the relay after the commit when there are any. */
  mails: number;
}

/** The statement itself, also run by the bare baseline of bench/registration-rush. */
export function admissionStatement(input: AdmissionInput): { text: string; values: unknown[] } {
  const r = input.registration;
  const placements: Placement[] = ['pending', 'confirmed', 'waitlisted'];
  const messages = placements.map((p) => input.messageFor(p));
  return {
    text: `WITH e AS (
       SELECT id, status, timezone, capacity, requires_approval, registration_opens_at,
              registration_closes_at, seats_confirmed, seats_waitlisted, last_waitlist_seq
         FROM events
        WHERE id = $1
          AND (SELECT pg_advisory_xact_lock(hashtextextended('admission:' || events.id::text, 0)))
              IS NOT NULL
          -- The relay's NOTIFY is sent after the commit (OutboxWake), not under the lock.
          AND set_config('convene.outbox_wake', 'after_commit', true) IS NOT NULL
          FOR NO KEY UPDATE
     ), f AS (
       SELECT e.*,
              (SELECT r.id || ' ' || r.status FROM registrations r
                WHERE r.event_id = e.id AND r.account_id = $2
                  AND r.status IN ('awaiting_consent', 'pending', 'confirmed', 'waitlisted')
                ORDER BY r.created_at DESC LIMIT 1) AS live,
              EXISTS (SELECT 1 FROM registrations r
                WHERE r.event_id = e.id AND r.account_id = $2 AND r.status = 'rejected') AS rejected,
              CASE WHEN e.requires_approval AND NOT $3 THEN 'pending'
                   WHEN e.seats_confirmed < e.capacity THEN 'confirmed'
                   ELSE 'waitlisted' END AS placed
         FROM e
     ), admitted AS (
       SELECT f.* FROM f
        WHERE f.status = 'published'
          AND (f.registration_opens_at IS NULL OR f.registration_opens_at <= now())
          AND (f.registration_closes_at IS NULL OR f.registration_closes_at > now())
          AND f.live IS NULL AND (NOT f.rejected OR $3)
     ), reg AS (
       INSERT INTO registrations (id, event_id, account_id, organisation_id, status, profession,
         profession_other, languages, dietary, accessibility, phone, emergency_contact_name,
         emergency_contact_phone, emergency_contact_relation, consent_data_processing_at,
         consent_version, consent_locale, waitlist_seq, status_changed_at, created_by)
       SELECT $4, a.id, $2, $5, a.placed, $6, $7, $8, $9, $10, $11, $12, $13, $14, now(), $15, $16,
              CASE WHEN a.placed = 'waitlisted' THEN a.last_waitlist_seq + 1 END, clock_timestamp(), $17
         FROM admitted a
       RETURNING *
     ), audit AS (
       INSERT INTO registration_status_changes
         (id, registration_id, event_id, from_status, to_status, changed_by, reason)
       SELECT $18, reg.id, reg.event_id, NULL, reg.status, $17, NULL FROM reg
       RETURNING id
     ), mail AS (
       INSERT INTO messages (template, locale, event_id, recipient_account_id, recipient_email,
         payload, dedupe_key, status, attempts)
       SELECT m.template, m.locale, reg.event_id, m.account_id, m.email, m.payload,
              'registration:' || reg.id || ':' || reg.status || ':' || audit.id, 'queued', 0
         FROM reg CROSS JOIN audit
         JOIN jsonb_to_recordset($19::jsonb)
              AS m(status text, template text, locale text, account_id uuid, email text, payload jsonb)
           ON m.status = reg.status
       ON CONFLICT DO NOTHING
       RETURNING id
     )
     SELECT (SELECT to_jsonb(f) FROM f) AS facts, (SELECT to_jsonb(reg) FROM reg) AS registration,
            (SELECT count(*) FROM mail)::int AS mails`,
    values: [
      r.eventId,
      r.accountId,
      input.byOrganiser,
      r.id,
      r.organisationId,
      r.profession,
      r.professionOther,
      r.languages,
      r.dietary,
      r.accessibility,
      r.phone,
      r.emergencyContactName,
      r.emergencyContactPhone,
      r.emergencyContactRelation,
      r.consentVersion,
      r.consentLocale,
      r.createdBy,
      input.auditId,
      JSON.stringify(
        placements.map((status, i) => ({
          status,
          template: messages[i].template,
          locale: messages[i].locale,
          account_id: messages[i].recipientAccountId ?? null,
          email: messages[i].recipientEmail,
          payload: messages[i].payload,
        })),
      ),
    ],
  };
}

export function readAdmission(row: AdmissionRow): Admission {
  return {
    facts: row.facts ? toFacts(row.facts) : null,
    registration: row.registration ? toRegistration(row.registration) : null,
  };
}

interface RawFacts {
  status: string;
  timezone: string;
  capacity: number;
  requires_approval: boolean;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  seats_waitlisted: number;
  live: string | null;
  rejected: boolean;
}

type RawRegistration = Record<string, unknown>;

const date = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);

function toFacts(f: RawFacts): AdmissionFacts {
  const [liveId, liveStatus] = f.live?.split(' ') ?? [];
  return {
    status: f.status,
    timezone: f.timezone,
    capacity: f.capacity,
    requiresApproval: f.requires_approval,
    registrationOpensAt: date(f.registration_opens_at),
    registrationClosesAt: date(f.registration_closes_at),
    waitlisted: f.seats_waitlisted,
    live: liveId && liveStatus ? { id: liveId, status: liveStatus as RegistrationStatus } : null,
    rejected: f.rejected,
  };
}

/** The inserted row (to_jsonb: snake_case keys, instants as text) as the entity. */
function toRegistration(r: RawRegistration): Registration {
  return {
    id: r.id as string,
    eventId: r.event_id as string,
    accountId: r.account_id as string,
    organisationId: r.organisation_id as string,
    status: r.status as RegistrationStatus,
    profession: r.profession as Registration['profession'],
    professionOther: (r.profession_other as string | null) ?? null,
    languages: (r.languages as string[]) ?? [],
    dietary: (r.dietary as string | null) ?? null,
    accessibility: (r.accessibility as string | null) ?? null,
    phone: (r.phone as string | null) ?? null,
    emergencyContactName: (r.emergency_contact_name as string | null) ?? null,
    emergencyContactPhone: (r.emergency_contact_phone as string | null) ?? null,
    emergencyContactRelation: (r.emergency_contact_relation as string | null) ?? null,
    consentDataProcessingAt: date(r.consent_data_processing_at),
    consentVersion: (r.consent_version as string | null) ?? null,
    consentLocale: (r.consent_locale as string | null) ?? null,
    consentTokenHash: null,
    waitlistSeq: (r.waitlist_seq as number | null) ?? null,
    statusChangedAt: date(r.status_changed_at)!,
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: date(r.created_at)!,
    updatedAt: date(r.updated_at)!,
  };
}
