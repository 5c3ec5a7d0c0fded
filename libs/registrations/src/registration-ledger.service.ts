import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#core';
import { Event } from '#events';
import {
  type EventSummarySource,
  type OutboundMessage,
  Outbox,
  recipientLocale,
  type RegistrationPayload,
  type TemplateName,
  eventSummary,
} from '#messaging';
import { Registration, type RegistrationStatus } from './registration.entity.js';
import { seatsToPromote } from './registration-rules.js';

export interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: string;
}

export interface StatusChange {
  registration: Registration;
  from: RegistrationStatus | null;
  to: RegistrationStatus;
  by: string | null;
  reason?: string | null;
  /** The registrant, when the caller already has it (saves a query under the lock). */
  recipient?: Recipient;
  /** To `awaiting_consent`: the token of the link in the consent email. */
  consentToken?: string;
}

export interface SeatFacts {
  confirmed: number;
  waitlisted: number;
  nextWaitlistSeq: number;
  live: { id: string; status: RegistrationStatus } | null;
  rejected: boolean;
}

/**
 * The seat facts as a select list, given SQL for the event id and the account id: the
 * counters are one primary-key read, the person's own registrations one index read.
 */
function seatFactsColumns(event: string, account: string): string {
  return `e.seats_confirmed AS seat_confirmed, e.seats_waitlisted AS seat_waitlisted,
    e.last_waitlist_seq + 1 AS seat_next_seq,
    (SELECT r.id || ' ' || r.status FROM registrations r
      WHERE r.event_id = ${event} AND r.account_id = ${account}
        AND r.status IN ('awaiting_consent', 'pending', 'confirmed', 'waitlisted')
      ORDER BY r.created_at DESC LIMIT 1) AS seat_live,
    EXISTS (SELECT 1 FROM registrations r
      WHERE r.event_id = ${event} AND r.account_id = ${account} AND r.status = 'rejected') AS seat_rejected`;
}

interface RawSeatFacts {
  seat_confirmed: number | null;
  seat_waitlisted: number | null;
  seat_next_seq: number | null;
  seat_live: string | null;
  seat_rejected: boolean | null;
}

function toSeatFacts(row: RawSeatFacts | undefined): SeatFacts {
  const [liveId, liveStatus] = row?.seat_live?.split(' ') ?? [];
  return {
    confirmed: row?.seat_confirmed ?? 0,
    waitlisted: row?.seat_waitlisted ?? 0,
    nextWaitlistSeq: row?.seat_next_seq ?? 1,
    live: liveId && liveStatus ? { id: liveId, status: liveStatus as RegistrationStatus } : null,
    rejected: row?.seat_rejected === true,
  };
}

const TEMPLATE_BY_STATUS: Record<RegistrationStatus, TemplateName> = {
  awaiting_consent: 'registration_consent_requested',
  pending: 'registration_pending',
  confirmed: 'registration_confirmed',
  waitlisted: 'registration_waitlisted',
  rejected: 'registration_rejected',
  cancelled: 'registration_cancelled',
};

/**
 * Everything that must happen inside the transaction of a status change: the event
 * lock that serialises seat decisions, the audit row, the outbox row, and waitlist
 * promotion. Callers own the transaction; nothing here opens one.
 */
@Injectable()
export class RegistrationLedger {
  constructor(
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Locks the event row until the transaction ends. Every seat decision for an event
   * takes this lock first, so counting confirmed seats and acting on the count is
   * atomic. NO KEY UPDATE still lets other tables insert rows that reference the event.
   */
  async lockEvent(manager: EntityManager, eventId: string): Promise<Event | null> {
    return manager
      .getRepository(Event)
      .findOne({ where: { id: eventId }, lock: { mode: 'for_no_key_update' } });
  }

  async countConfirmed(manager: EntityManager, eventId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT seats_confirmed AS confirmed FROM events WHERE id = $1`,
      [eventId],
    )) as Array<{ confirmed: number }>;
    return row?.confirmed ?? 0;
  }

  /**
   * Seat counts and this person's standing, in one statement: the shorter the time
   * the event lock is held, the faster a registration rush drains. Call it locked.
   */
  async seatFacts(manager: EntityManager, eventId: string, accountId: string): Promise<SeatFacts> {
    const [row] = (await manager.query(
      `SELECT ${seatFactsColumns('e.id', '$2::uuid')} FROM events e WHERE e.id = $1`,
      [eventId, accountId],
    )) as RawSeatFacts[];
    return toSeatFacts(row);
  }

  /** The next arrival number on the event's waitlist; call with the event locked. */
  async nextWaitlistSeq(manager: EntityManager, eventId: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT last_waitlist_seq + 1 AS n FROM events WHERE id = $1`,
      [eventId],
    )) as Array<{ n: number }>;
    return row?.n ?? 1;
  }

  /**
   * Writes the audit rows and the emails for status changes already applied to their
   * rows: one statement per table however many changes there are, since callers hold
   * the event lock.
   */
  async record(manager: EntityManager, event: Event, changes: StatusChange[]): Promise<void> {
    if (changes.length === 0) return;
    // clock_timestamp() per row keeps the audit trail in the order of `changes`.
    const audits = (await manager.query(
      `INSERT INTO registration_status_changes
         (registration_id, event_id, from_status, to_status, changed_by, reason)
       SELECT u.registration_id, $1, u.from_status, u.to_status, u.changed_by, u.reason
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[])
              AS u(registration_id, from_status, to_status, changed_by, reason)
       RETURNING id, registration_id`,
      [
        event.id,
        changes.map((c) => c.registration.id),
        changes.map((c) => c.from),
        changes.map((c) => c.to),
        changes.map((c) => c.by),
        changes.map((c) => c.reason ?? null),
      ],
    )) as Array<{ id: string; registration_id: string }>;
    const auditOf = new Map(audits.map((a) => [a.registration_id, a.id]));
    const recipients = await this.recipientsOf(manager, changes);
    await this.outbox.enqueue(
      manager,
      changes.flatMap((change) => {
        const recipient = recipients.get(change.registration.accountId);
        if (!recipient) return [];
        return [
          {
            ...this.messageFor(event, change, recipient),
            dedupeKey: `registration:${change.registration.id}:${change.to}:${auditOf.get(change.registration.id)}`,
          },
        ];
      }),
    );
  }

  /**
   * The email a status change sends its registrant (without its dedupe key, which names
   * the audit row). RegistrationsService's one-statement admission writes the same.
   */
  messageFor(
    event: EventSummarySource,
    change: RegistrationChange,
    recipient: Recipient,
  ): OutboundMessage {
    return registrationMessage(this.config.publicUrl, event, change, recipient);
  }

  /** The registrants, from the changes that carry them and one query for the rest. */
  private async recipientsOf(
    manager: EntityManager,
    changes: StatusChange[],
  ): Promise<Map<string, Recipient>> {
    const known = changes.flatMap((c) => (c.recipient ? [c.recipient] : []));
    const missing = changes.filter((c) => !c.recipient).map((c) => c.registration.accountId);
    const fetched =
      missing.length === 0
        ? []
        : ((await manager.query(
            `SELECT id, email, name, locale FROM accounts WHERE id = ANY($1::uuid[])`,
            [missing],
          )) as Recipient[]);
    return new Map([...known, ...fetched].map((r) => [r.id, r]));
  }

  /**
   * Confirms the first waitlisted people, in arrival order, while seats are free.
   * Call inside the transaction that freed a seat or raised the capacity; it takes
   * the event lock itself (a no-op when the caller already holds it).
   */
  async promoteWaitlist(manager: EntityManager, eventId: string): Promise<string[]> {
    const event = await this.lockEvent(manager, eventId);
    if (!event) return [];
    const confirmed = await this.countConfirmed(manager, eventId);
    const free = seatsToPromote(event.capacity, confirmed, Number.MAX_SAFE_INTEGER);
    if (free === 0) return [];
    const next = await manager
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId AND r.status = :status', { eventId, status: 'waitlisted' })
      .orderBy('r.waitlist_seq', 'ASC')
      .limit(free)
      .setLock('pessimistic_write')
      .getMany();
    if (next.length === 0) return [];
    const ids = next.map((r) => r.id);
    await manager.update(
      Registration,
      { id: In(ids) },
      { status: 'confirmed', statusChangedAt: () => 'clock_timestamp()' },
    );
    await this.record(
      manager,
      event,
      next.map((registration) => ({
        registration,
        from: 'waitlisted' as const,
        to: 'confirmed' as const,
        by: null,
        reason: 'A seat became free',
      })),
    );
    return ids;
  }
}

type RegistrationChange = Pick<StatusChange, 'from' | 'to' | 'reason' | 'consentToken'> & {
  registration: Pick<Registration, 'id'>;
};

/** The email a registration's status change sends its registrant, without its dedupe key. */
export function registrationMessage(
  publicUrl: string,
  event: EventSummarySource,
  change: RegistrationChange,
  recipient: Recipient,
): OutboundMessage {
  const payload: RegistrationPayload = {
    ...eventSummary(event),
    registrationId: change.registration.id,
    link: `${publicUrl}/my/registrations/${change.registration.id}`,
    recipientName: recipient.name,
    reason: change.reason ?? null,
    ...(change.consentToken ? { consentToken: change.consentToken } : {}),
  };
  return {
    template:
      change.from === 'waitlisted' && change.to === 'confirmed'
        ? 'registration_promoted'
        : TEMPLATE_BY_STATUS[change.to],
    recipientEmail: recipient.email,
    recipientAccountId: recipient.id,
    locale: recipientLocale(recipient.locale, event.languages),
    eventId: event.id,
    payload: { ...payload },
  };
}
