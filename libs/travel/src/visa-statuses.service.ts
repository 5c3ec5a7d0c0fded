import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, conflict, forbidden, toZonedIso } from '#core';
import { type Event, requireWritable } from '#events';
import { Outbox, recipientLocale, type VisaLetterIssuedPayload, eventSummary } from '#messaging';
import { LIVE_STATUSES, RegistrationAccess } from '#registrations';
import type { MoveVisaDto } from './dto/visa.dto.js';
import { letterDetailsMissingMessage, missingLetterDetails } from './letter-details.js';
import { lockPlan } from './plan-rows.js';
import { TravelPlan } from './travel-plan.entity.js';
import type { VisaChangeView } from './travel-plan.view.js';
import { canMoveVisa, nextVisaStatuses, type VisaStatus } from './visa-rules.js';
import { VisaStatusChange } from './visa-status-change.entity.js';

export interface VisaMove {
  to: VisaStatus;
  by: string | null;
  note?: string | null;
}

/**
 * Every visa status change goes through here: the plan row, the audit row and, when a
 * letter is issued, the participant's email, all in the caller's transaction.
 */
@Injectable()
export class VisaStatuses {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: RegistrationAccess,
    private readonly outbox: Outbox,
  ) {}

  /** PATCH /registrations/:id/visa. Returns the new status and its history. */
  async move(actor: Actor, registrationId: string, dto: MoveVisaDto) {
    const { registration, event, isOrganiser } = await this.access.load(actor, registrationId);
    requireWritable(event);
    const by = isOrganiser ? 'organiser' : 'participant';
    if (by === 'participant') {
      if (dto.status !== 'letter_requested') {
        throw forbidden('Only the organisers of this event can set this visa status');
      }
      if (!LIVE_STATUSES.includes(registration.status)) {
        throw conflict(`A ${registration.status} registration cannot ask for a letter`, {
          status: registration.status,
        });
      }
    }
    // The locked plan, as this request left it: no second read after the commit.
    const plan = await this.dataSource.transaction(async (m) => {
      const plan = await lockPlan(m, registrationId, event.id);
      const from = plan.visaStatus;
      if (from === dto.status) return plan; // already there: nothing to record
      if (!canMoveVisa(from, dto.status, by)) {
        throw conflict(`The visa status cannot go from ${from ?? 'unknown'} to ${dto.status}`, {
          from,
          to: dto.status,
          allowed: nextVisaStatuses(from),
        });
      }
      // Issuing by a status change waits for the letter details too (see VisaLetters.issue).
      const missing = dto.status === 'letter_issued' ? missingLetterDetails(plan) : [];
      if (missing.length > 0 && dto.withoutLetterDetails !== true) {
        throw conflict(letterDetailsMissingMessage(missing), {
          reason: 'letter_details_missing',
          missing,
        });
      }
      await this.apply(m, event, plan, {
        to: dto.status,
        by: actor.accountId,
        note: dto.note ?? null,
      });
      return plan;
    });
    return {
      registrationId,
      status: plan.visaStatus,
      statusChangedAt: plan.visaStatusChangedAt
        ? toZonedIso(plan.visaStatusChangedAt, event.timezone)
        : null,
      letterIssuedAt: plan.letterIssuedAt ? toZonedIso(plan.letterIssuedAt, event.timezone) : null,
      allowedNext: nextVisaStatuses(plan.visaStatus).filter((s) =>
        canMoveVisa(plan.visaStatus, s, by),
      ),
      history: await this.history(registrationId, event.timezone),
    };
  }

  /**
   * Applies a change already checked by the caller; `plan` is locked and updated in place.
   * Every visa status change passes here (moves, letters issued, a passport's default):
   * none on an archived edition.
   */
  async apply(m: EntityManager, event: Event, plan: TravelPlan, move: VisaMove): Promise<void> {
    requireWritable(event);
    const from = plan.visaStatus;
    const [{ now }] = (await m.query(`SELECT clock_timestamp() AS now`)) as Array<{ now: Date }>;
    plan.visaStatus = move.to;
    plan.visaStatusChangedAt = now;
    if (move.to === 'letter_issued') {
      plan.letterIssuedAt = now;
      plan.letterIssuedBy = move.by;
    }
    await m.getRepository(TravelPlan).update(
      { registrationId: plan.registrationId },
      {
        visaStatus: plan.visaStatus,
        visaStatusChangedAt: now,
        letterIssuedAt: plan.letterIssuedAt,
        letterIssuedBy: plan.letterIssuedBy,
      },
    );
    const { identifiers } = await m.getRepository(VisaStatusChange).insert({
      registrationId: plan.registrationId,
      eventId: event.id,
      fromStatus: from,
      toStatus: move.to,
      changedBy: move.by,
      note: move.note ?? null,
      changedAt: now,
    });
    const auditId = (identifiers[0] as { id: string }).id;
    if (move.to === 'letter_issued') await this.emailLetterIssued(m, event, plan, auditId);
  }

  async history(registrationId: string, zone: string): Promise<VisaChangeView[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.from_status, c.to_status, c.changed_at, c.note, c.changed_by, a.name AS changed_by_name
         FROM visa_status_changes c LEFT JOIN accounts a ON a.id = c.changed_by
        WHERE c.registration_id = $1 ORDER BY c.changed_at, c.id`,
      [registrationId],
    )) as Array<{
      from_status: VisaStatus | null;
      to_status: VisaStatus;
      changed_at: Date;
      note: string | null;
      changed_by: string | null;
      changed_by_name: string | null;
    }>;
    return rows.map((r) => ({
      from: r.from_status,
      to: r.to_status,
      at: toZonedIso(r.changed_at, zone),
      by: r.changed_by ? { id: r.changed_by, name: r.changed_by_name ?? '' } : null,
      note: r.note,
    }));
  }

  private async emailLetterIssued(
    m: EntityManager,
    event: Event,
    plan: TravelPlan,
    auditId: string,
  ): Promise<void> {
    const [person] = (await m.query(
      `SELECT a.id, a.email, a.name, a.locale FROM registrations r JOIN accounts a ON a.id = r.account_id
        WHERE r.id = $1 AND a.erased_at IS NULL`,
      [plan.registrationId],
    )) as Array<{ id: string; email: string; name: string; locale: string }>;
    if (!person) return;
    const payload: VisaLetterIssuedPayload = {
      ...eventSummary(event),
      registrationId: plan.registrationId,
      recipientName: person.name,
    };
    await this.outbox.enqueue(m, [
      {
        template: 'visa_letter_issued',
        recipientEmail: person.email,
        recipientAccountId: person.id,
        locale: recipientLocale(person.locale, event.languages),
        eventId: event.id,
        payload: { ...payload },
        dedupeKey: `visa:${plan.registrationId}:letter_issued:${auditId}`,
      },
    ]);
  }
}
