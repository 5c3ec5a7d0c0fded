import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, notFound } from '#core';
import { type Event, EventAccess } from '#events';
import { exchangePartners, type ExchangePartners } from './exchange-partners.js';

/** What the actor is on an immersion, for its journals and its report. */
export interface LearningStanding {
  event: Event;
  partners: ExchangePartners;
  /** The actor's confirmed registration: they are one of the visitors. */
  visitor: { registrationId: string; organisationId: string | null } | null;
  /** Organisers (and platform admins) of the event. */
  isOrganiser: boolean;
  /** Who answers shared entries: organisers, staff with the host role, the host organisation's people. */
  isHost: boolean;
  /** The exchange report: both organisations, the visitors and the organisers. */
  canReadReport: boolean;
}

/**
 * The one answer to "what may this person do with an immersion's journals and report?".
 * An event that is not an immersion, or that the actor may not see, is 404 here: there
 * is no journal to find.
 */
@Injectable()
export class LearningAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
  ) {}

  async standing(actor: Actor, eventId: string, what = 'Event'): Promise<LearningStanding> {
    const s = await this.events.standing(actor, eventId).catch(() => {
      throw notFound(what);
    });
    if (s.event.kind !== 'immersion') throw notFound(what);
    const partners = await exchangePartners(this.dataSource, s.event);
    const [me] = (await this.dataSource.query(
      `SELECT a.organisation_id,
              (SELECT r.id FROM registrations r
                WHERE r.event_id = $1 AND r.account_id = a.id AND r.status = 'confirmed') AS registration_id,
              (SELECT r.organisation_id FROM registrations r
                WHERE r.event_id = $1 AND r.account_id = a.id AND r.status = 'confirmed') AS registration_org
         FROM accounts a WHERE a.id = $2 AND a.erased_at IS NULL`,
      [eventId, actor.accountId],
    )) as Array<{
      organisation_id: string | null;
      registration_id: string | null;
      registration_org: string | null;
    }>;
    const myOrg = me?.organisation_id ?? null;
    const isHost =
      s.isOrganiser ||
      s.roles.includes('host') ||
      (myOrg !== null && myOrg === partners.hostOrganisationId);
    const visitor = me?.registration_id
      ? { registrationId: me.registration_id, organisationId: me.registration_org }
      : null;
    const ofVisitingOrg =
      (myOrg !== null && partners.visitingOrganisationIds.includes(myOrg)) ||
      (await this.managesVisitingOrganisation(actor, partners));
    return {
      event: s.event,
      partners,
      visitor,
      isOrganiser: s.isOrganiser,
      isHost,
      canReadReport: isHost || visitor !== null || ofVisitingOrg,
    };
  }

  async requireReportReader(actor: Actor, eventId: string): Promise<LearningStanding> {
    const s = await this.standing(actor, eventId, 'Exchange report');
    if (!s.canReadReport) throw notFound('Exchange report');
    return s;
  }

  /** Managers of a visiting organisation read its report even from another organisation. */
  private async managesVisitingOrganisation(
    actor: Actor,
    partners: ExchangePartners,
  ): Promise<boolean> {
    if (partners.visitingOrganisationIds.length === 0) return false;
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM organisation_managers WHERE account_id = $1 AND organisation_id = ANY($2::uuid[])`,
      [actor.accountId, partners.visitingOrganisationIds],
    )) as unknown[];
    return rows.length > 0;
  }
}
