import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, conflict, DomainError, isAdmin, isUuid, toZonedIso } from '#core';
import { type Event, EventAccess, requireWritable } from '#events';
import { RegistrationAccess } from './registration-access.service.js';
import { RegistrationLedger } from './registration-ledger.service.js';
import { isEnded, RegistrationLifecycle } from './registration-lifecycle.js';
import { Registration, type RegistrationStatus } from './registration.entity.js';
import { canApply, placement, type RegistrationAction } from './registration-rules.js';
import { type RegistrationView, toRegistrationView } from './registration.view.js';

/** One form's worth: a page of the table. */
export const BULK_MAX = 200;

export interface BulkOutcome {
  id: string;
  /** The person's name; null when the id is not one of this event's registrations. */
  name: string | null;
  outcome: 'done' | 'refused' | 'not_found';
  /** After the action when done; the status that prevented it when refused. */
  status: string | null;
}

/** Approve, reject, cancel: each a status change under the event lock, audited, with an email. */
@Injectable()
export class RegistrationWorkflow {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RegistrationAccess,
    private readonly ledger: RegistrationLedger,
    private readonly lifecycle: RegistrationLifecycle,
    private readonly events: EventAccess,
  ) {}

  /**
   * One action on many registrations of one event, each in its own transaction (as if
   * done one by one), so one refusal does not undo the others. Says what happened to
   * each: done (with the status it now has), refused (with the status that prevented
   * it: a double submit finds them all already done), or not_found (not this event's).
   */
  async bulk(
    actor: Actor,
    eventId: string,
    action: RegistrationAction,
    ids: string[],
    reason?: string,
  ): Promise<BulkOutcome[]> {
    requireWritable(await this.events.requireOrganiser(actor, eventId));
    const wanted = [...new Set(ids.filter(isUuid))].slice(0, BULK_MAX);
    const batch = await this.access.batchOf(eventId, wanted);
    const outcomes: BulkOutcome[] = [];
    for (const id of wanted) {
      const name = batch.get(id)?.name;
      if (name === undefined) {
        outcomes.push({ id, name: null, outcome: 'not_found', status: null });
        continue;
      }
      try {
        // The organiser and the row's event were checked once for the batch above; the
        // transition locks and re-reads the row itself, so no per-person load or view.
        const { to } = await this.dataSource.transaction((manager) =>
          this.transition(manager, actor, { id, eventId }, action, reason),
        );
        outcomes.push({ id, name, outcome: 'done', status: to });
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'conflict') throw e;
        const status = typeof e.details?.status === 'string' ? e.details.status : null;
        outcomes.push({ id, name, outcome: 'refused', status });
      }
    }
    return outcomes;
  }

  /** Pending -> confirmed, or waitlisted when the seats are gone by now. */
  async approve(actor: Actor, id: string, reason?: string): Promise<RegistrationView> {
    const { registration } = await this.access.loadForOrganiser(actor, id);
    return this.apply(actor, registration, 'approve', reason);
  }

  async reject(actor: Actor, id: string, reason?: string): Promise<RegistrationView> {
    const { registration } = await this.access.loadForOrganiser(actor, id);
    return this.apply(actor, registration, 'reject', reason);
  }

  /** By the participant or an organiser; a freed seat goes to the first person waiting. */
  async cancel(actor: Actor, id: string, reason?: string): Promise<RegistrationView> {
    const { registration } = await this.access.load(actor, id);
    return this.apply(actor, registration, 'cancel', reason);
  }

  /** The status an action leads to, decided under the event lock. */
  private async decide(
    manager: EntityManager,
    event: Event,
    action: RegistrationAction,
  ): Promise<{ to: RegistrationStatus; waitlistSeq?: number | null }> {
    if (action === 'reject') return { to: 'rejected' };
    if (action === 'cancel') return { to: 'cancelled' };
    const confirmed = await this.ledger.countConfirmed(manager, event.id);
    const to = placement(event, confirmed, { approved: true });
    const waitlistSeq =
      to === 'waitlisted' ? await this.ledger.nextWaitlistSeq(manager, event.id) : null;
    return { to, waitlistSeq };
  }

  /**
   * The audit trail of one registration, oldest first: its organisers, and the person
   * it belongs to (their own data). The person sees who acted only when it was them;
   * an organiser's change says by: {accountId: null, name: null}.
   */
  async history(actor: Actor, id: string) {
    const { event, isOrganiser, registration } = await this.access.load(actor, id);
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.from_status, c.to_status, c.reason, c.changed_at, c.changed_by, a.name
         FROM registration_status_changes c LEFT JOIN accounts a ON a.id = c.changed_by
        WHERE c.registration_id = $1 ORDER BY c.changed_at, c.id`,
      [id],
    )) as Array<{
      id: string;
      from_status: string | null;
      to_status: string;
      reason: string | null;
      changed_at: Date;
      changed_by: string | null;
      name: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      from: r.from_status,
      to: r.to_status,
      reason: r.reason,
      at: toZonedIso(r.changed_at, event.timezone),
      by: !r.changed_by
        ? null
        : isOrganiser || r.changed_by === registration.accountId
          ? { accountId: r.changed_by, name: r.name }
          : { accountId: null, name: null },
    }));
  }

  /**
   * The editions this person registered for that the actor runs (the one at hand
   * included): organisers only, and never another organiser's events, so a registration
   * is no window on someone's whole history. Platform admins see every edition.
   */
  async editions(actor: Actor, id: string) {
    const { registration } = await this.access.loadForOrganiser(actor, id);
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.status, r.profession, e.id AS event_id, e.slug, e.name, e.kind,
              to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(e.end_date, 'YYYY-MM-DD') AS end_date, o.name AS organisation_name
         FROM registrations r JOIN events e ON e.id = r.event_id
         JOIN organisations o ON o.id = r.organisation_id
        WHERE r.account_id = $1
          AND ($3 OR r.id = $2 OR EXISTS (SELECT 1 FROM event_staff s
                WHERE s.event_id = r.event_id AND s.account_id = $4 AND s.role = 'organiser'))
        ORDER BY e.start_date DESC, r.created_at DESC`,
      [registration.accountId, id, isAdmin(actor), actor.accountId],
    )) as Array<Record<string, string>>;
    return rows.map((r) => ({
      registrationId: r.id,
      status: r.status,
      profession: r.profession,
      organisation: r.organisation_name,
      event: {
        id: r.event_id,
        slug: r.slug,
        name: r.name,
        kind: r.kind,
        startDate: r.start_date,
        endDate: r.end_date,
      },
      current: r.id === id,
    }));
  }

  /** `loaded` is the row the access check read: its id and event never change. */
  private async apply(
    actor: Actor,
    loaded: Pick<Registration, 'id' | 'eventId'>,
    action: RegistrationAction,
    reason: string | undefined,
  ): Promise<RegistrationView> {
    return this.dataSource.transaction(async (manager) => {
      const { event } = await this.transition(manager, actor, loaded, action, reason);
      const saved = await manager.findOneByOrFail(Registration, { id: loaded.id });
      return toRegistrationView(
        saved,
        event.timezone,
        await this.access.waitlistPosition(saved, manager),
      );
    });
  }

  /**
   * One status change inside `manager`'s transaction: locks the event then the row, checks
   * the action is allowed from the row's status, writes it with its audit row and email,
   * promotes the waiting list when a seat was freed, and ends what an ended registration
   * holds. Returns the new status and the event as locked.
   */
  private async transition(
    manager: EntityManager,
    actor: Actor,
    loaded: Pick<Registration, 'id' | 'eventId'>,
    action: RegistrationAction,
    reason: string | undefined,
  ): Promise<{ to: RegistrationStatus; event: Event }> {
    const { id } = loaded;
    // Lock order everywhere: the event, then the registration rows.
    const event = (await this.ledger.lockEvent(manager, loaded.eventId))!;
    // Under the event lock: an archive that committed first is seen here.
    requireWritable(event);
    const registration = await this.access.lockRow(manager, id);
    const from = registration.status;
    if (!canApply(action, from)) {
      throw conflict(`Cannot ${action} a registration that is ${from}`, { status: from });
    }
    const { to, waitlistSeq } = await this.decide(manager, event, action);
    await manager.update(
      Registration,
      { id },
      {
        status: to,
        statusChangedAt: () => 'clock_timestamp()',
        ...(waitlistSeq ? { waitlistSeq } : {}),
      },
    );
    await this.ledger.record(manager, event, [
      { registration, from, to, by: actor.accountId, reason: reason || null },
    ]);
    if (from === 'confirmed') await this.ledger.promoteWaitlist(manager, event.id);
    // Last, so every registration row lock is taken before listeners lock other rows
    // (the agenda locks sessions after the person's registration, never before).
    if (isEnded(to)) {
      await this.lifecycle.ended(manager, {
        registrationId: id,
        eventId: event.id,
        accountId: registration.accountId,
        status: to,
      });
    }
    return { to, event };
  }
}
