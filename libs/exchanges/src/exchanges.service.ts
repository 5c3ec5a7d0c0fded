import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  badRequest,
  conflict,
  DomainError,
  forbidden,
  isAdmin,
  notFound,
  pgConstraint,
  requireReference,
} from '#core';
import { EventAccess } from '#events';
import { RegistrationConsent, type RegisterOnBehalfDto } from '#registrations';
import type { CreateExchangeDto, UpdateExchangeDto } from './dto/exchanges.dto.js';
import { type ExchangeView, readExchanges } from './exchange-rows.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What hosts and organisers see of a visitor: never a passport, never a phone. */
export interface VisitorView {
  registrationId: string;
  name: string;
  organisation: { id: string; name: string; country: string };
  profession: string;
  professionOther: string | null;
  languages: string[];
  dietary: string | null;
  accessibility: string | null;
  status: string;
}

/** Who the actor is to an exchange, asked once per request. */
interface ExchangeStanding {
  exchange: ExchangeView;
  isOrganiser: boolean;
  isHost: boolean;
  managesVisiting: boolean;
}

/**
 * Immersion exchanges: which partner visits which, the return visit, and the visitors.
 * Organisers (and admins) create and link them; the visiting organisation's managers
 * nominate its visitors; the host organisation's staff see who comes. Anyone signed in
 * reads an exchange of a published event (the programme is the network's).
 */
@Injectable()
export class ExchangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
    private readonly consent: RegistrationConsent,
  ) {}

  async create(actor: Actor, dto: CreateExchangeDto): Promise<ExchangeView> {
    const event = await this.events.requireOrganiser(actor, dto.eventId);
    if (event.kind !== 'immersion') {
      throw badRequest('eventId must name an immersion (an event of kind immersion)', {
        field: 'eventId',
      });
    }
    await requireReference(
      this.dataSource,
      'organisations',
      dto.visitingOrganisationId,
      'visitingOrganisationId',
    );
    const hostId = dto.hostOrganisationId ?? event.hostOrganisationId;
    if (!hostId) {
      throw badRequest('hostOrganisationId is required: the immersion names no host', {
        field: 'hostOrganisationId',
      });
    }
    if (dto.hostOrganisationId) {
      await requireReference(
        this.dataSource,
        'organisations',
        dto.hostOrganisationId,
        'hostOrganisationId',
      );
    }
    if (event.hostOrganisationId && event.hostOrganisationId !== hostId) {
      throw badRequest("hostOrganisationId must be the immersion's host organisation", {
        field: 'hostOrganisationId',
      });
    }
    if (hostId === dto.visitingOrganisationId) {
      throw badRequest('visitingOrganisationId must differ from the host organisation', {
        field: 'visitingOrganisationId',
      });
    }
    if (dto.programmeId) await this.requireProgramme(dto.programmeId, 'programmeId');
    const id = await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE events SET host_organisation_id = $2,
                programme_id = COALESCE($3, programme_id) WHERE id = $1`,
        [event.id, hostId, dto.programmeId ?? null],
      );
      const rows = (await m.query(
        `INSERT INTO exchanges (event_id, visiting_organisation_id, host_organisation_id,
                                return_not_needed, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING RETURNING id`,
        [
          event.id,
          dto.visitingOrganisationId,
          hostId,
          dto.returnNotNeeded ?? false,
          actor.accountId,
        ],
      )) as Array<{ id: string }>;
      if (!rows[0]) throw conflict('This immersion already is an exchange', { field: 'eventId' });
      return rows[0].id;
    });
    return this.view(id);
  }

  async get(actor: Actor, id: string): Promise<ExchangeView> {
    return (await this.standing(actor, id)).exchange;
  }

  async list(actor: Actor): Promise<ExchangeView[]> {
    const all = await readExchanges(this.dataSource, 'true', []);
    return this.visibleOnly(actor, all);
  }

  /** Drafts are for their staff only (as everywhere); the rest is the network's programme. */
  async visibleOnly(actor: Actor, list: ExchangeView[]): Promise<ExchangeView[]> {
    if (isAdmin(actor) || list.every((x) => x.eventStatus !== 'draft')) return list;
    const staffed = new Set(
      (
        (await this.dataSource.query(
          `SELECT DISTINCT event_id FROM event_staff WHERE account_id = $1`,
          [actor.accountId],
        )) as Array<{ event_id: string }>
      ).map((r) => r.event_id),
    );
    return list.filter((x) => x.eventStatus !== 'draft' || staffed.has(x.eventId));
  }

  async update(actor: Actor, id: string, dto: UpdateExchangeDto): Promise<ExchangeView> {
    const s = await this.standing(actor, id);
    if (!s.isOrganiser) throw forbidden('Only the organisers of this immersion can do this');
    if (dto.returnNotNeeded !== undefined) {
      await this.dataSource.query(`UPDATE exchanges SET return_not_needed = $2 WHERE id = $1`, [
        id,
        dto.returnNotNeeded,
      ]);
    }
    return this.view(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const s = await this.standing(actor, id);
    if (!s.isOrganiser) throw forbidden('Only the organisers of this immersion can do this');
    await this.dataSource.transaction(async (m) => {
      await this.unlinkPair(m, id);
      await m.query(`DELETE FROM exchanges WHERE id = $1`, [id]);
    });
  }

  /**
   * Names the visit the other way round, both ways at once: any earlier partner of
   * either exchange is let go in the same transaction (the database checks the pair at
   * commit: same two organisations swapped, each naming the other).
   */
  async linkReturn(actor: Actor, id: string, returnId: string | null): Promise<ExchangeView> {
    const s = await this.standing(actor, id);
    if (!s.isOrganiser) throw forbidden('Only the organisers of this immersion can do this');
    let other: ExchangeView | undefined;
    if (returnId !== null) {
      [other] = UUID.test(returnId)
        ? await readExchanges(this.dataSource, 'x.id = $1', [returnId])
        : [];
      if (!other) {
        throw badRequest('returnExchangeId does not name a known exchange', {
          field: 'returnExchangeId',
        });
      }
      await this.events.requireOrganiser(actor, other.eventId).catch((e: unknown) => {
        if (!(e instanceof DomainError)) throw e;
        throw badRequest('returnExchangeId names an exchange you do not organise', {
          field: 'returnExchangeId',
        });
      });
      const x = s.exchange;
      if (
        other.id === x.id ||
        other.visitingOrganisation.id !== x.hostOrganisation.id ||
        other.hostOrganisation.id !== x.visitingOrganisation.id
      ) {
        throw badRequest(
          'returnExchangeId must be the visit the other way: its visitor is this host, its host this visitor',
          { field: 'returnExchangeId' },
        );
      }
    }
    await this.dataSource
      .transaction(async (m) => {
        await this.unlinkPair(m, id);
        if (other) {
          await this.unlinkPair(m, other.id);
          await m.query(`UPDATE exchanges SET return_exchange_id = $2 WHERE id = $1`, [
            id,
            other.id,
          ]);
          await m.query(`UPDATE exchanges SET return_exchange_id = $2 WHERE id = $1`, [
            other.id,
            id,
          ]);
        }
      })
      .catch((e: unknown) => {
        // Two organisers linking the same exchanges at once: the database kept the pairs whole.
        const c = pgConstraint(e);
        if (
          c === 'exchanges_return_paired' ||
          c === 'exchanges_return_swapped' ||
          c === 'exchanges_return_exchange_id_key'
        ) {
          throw conflict('The return visit changed meanwhile: try again', {
            field: 'returnExchangeId',
          });
        }
        throw e;
      });
    return this.view(id);
  }

  private async unlinkPair(m: EntityManager, id: string): Promise<void> {
    await m.query(
      `UPDATE exchanges SET return_exchange_id = NULL
        WHERE id = $1 OR return_exchange_id = $1`,
      [id],
    );
  }

  /**
   * A visitor for the immersion: nominated by a manager of the visiting organisation, or
   * invited by the organisers; either way a registration waiting for the person's consent
   * (they get the email), and the person must belong to the visiting organisation.
   */
  async nominate(actor: Actor, id: string, dto: RegisterOnBehalfDto) {
    const s = await this.standing(actor, id);
    if (!s.isOrganiser && !s.managesVisiting) {
      throw forbidden('Only managers of the visiting organisation or the organisers can do this');
    }
    const visiting = s.exchange.visitingOrganisation.id;
    if (dto.organisationId && dto.organisationId !== visiting) {
      throw badRequest('organisationId must be the visiting organisation', {
        field: 'organisationId',
      });
    }
    return this.consent.placeOnBehalf(
      actor,
      s.exchange.eventId,
      { ...dto, organisationId: visiting },
      visiting,
    );
  }

  /**
   * The visitors, for the people who receive or send them: organisers, the host
   * organisation's staff, and managers of the visiting organisation. Anyone else: 404.
   */
  async visitors(
    actor: Actor,
    id: string,
  ): Promise<{ exchange: ExchangeView; visitors: VisitorView[] }> {
    const s = await this.standing(actor, id);
    if (!s.isOrganiser && !s.isHost && !s.managesVisiting) throw notFound('Exchange');
    const rows = (await this.dataSource.query(
      `SELECT r.id, a.name, o.id AS org_id, o.name AS org_name, o.country, r.profession,
              r.profession_other, r.languages, r.dietary, r.accessibility, r.status
         FROM registrations r
         JOIN accounts a ON a.id = r.account_id
         JOIN organisations o ON o.id = r.organisation_id
        WHERE r.event_id = $1 AND r.status NOT IN ('cancelled', 'rejected')
        ORDER BY lower(a.name), r.id`,
      [s.exchange.eventId],
    )) as Array<{
      id: string;
      name: string;
      org_id: string;
      org_name: string;
      country: string;
      profession: string;
      profession_other: string | null;
      languages: string[];
      dietary: string | null;
      accessibility: string | null;
      status: string;
    }>;
    return {
      exchange: s.exchange,
      visitors: rows.map((r) => ({
        registrationId: r.id,
        name: r.name,
        organisation: { id: r.org_id, name: r.org_name, country: r.country.trim() },
        profession: r.profession,
        professionOther: r.profession_other,
        languages: r.languages,
        dietary: r.dietary,
        accessibility: r.accessibility,
        status: r.status,
      })),
    };
  }

  /** The exchanges of the immersions the actor organises (every one for admins): the console's list. */
  async organised(actor: Actor): Promise<ExchangeView[]> {
    if (isAdmin(actor)) return readExchanges(this.dataSource, 'true', []);
    return readExchanges(
      this.dataSource,
      `EXISTS (SELECT 1 FROM event_staff s
               WHERE s.event_id = x.event_id AND s.account_id = $1 AND s.role = 'organiser')`,
      [actor.accountId],
    );
  }

  /** Immersions the actor organises that are no exchange yet: what the console may pair. */
  async immersionsWithoutExchange(
    actor: Actor,
  ): Promise<Array<{ id: string; name: string; startDate: string; endDate: string }>> {
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.name, to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(e.end_date, 'YYYY-MM-DD') AS end_date
         FROM events e
        WHERE e.kind = 'immersion' AND e.status <> 'archived'
          AND NOT EXISTS (SELECT 1 FROM exchanges x WHERE x.event_id = e.id)
          AND ($2 OR EXISTS (SELECT 1 FROM event_staff s WHERE s.event_id = e.id
                              AND s.account_id = $1 AND s.role = 'organiser'))
        ORDER BY e.start_date, e.name`,
      [actor.accountId, isAdmin(actor)],
    )) as Array<{ id: string; name: string; start_date: string; end_date: string }>;
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      startDate: r.start_date,
      endDate: r.end_date,
    }));
  }

  /** The exchanges whose visitors the actor may nominate (they manage the visiting side). */
  async nominatable(actor: Actor): Promise<ExchangeView[]> {
    return readExchanges(
      this.dataSource,
      `e.status IN ('published', 'closed') AND EXISTS (
         SELECT 1 FROM organisation_managers om
          WHERE om.account_id = $1 AND om.organisation_id = x.visiting_organisation_id)`,
      [actor.accountId],
    );
  }

  /** 404 when the exchange does not exist or its event is hidden from the actor. */
  async standing(actor: Actor, id: string): Promise<ExchangeStanding> {
    const [exchange] = UUID.test(id) ? await readExchanges(this.dataSource, 'x.id = $1', [id]) : [];
    if (!exchange) throw notFound('Exchange');
    const { isOrganiser, roles } = await this.events
      .standing(actor, exchange.eventId)
      .catch((e: unknown) => {
        throw e instanceof DomainError ? notFound('Exchange') : e;
      });
    const managed = (await this.dataSource.query(
      `SELECT 1 FROM organisation_managers WHERE account_id = $1 AND organisation_id = $2`,
      [actor.accountId, exchange.visitingOrganisation.id],
    )) as unknown[];
    return {
      exchange,
      isOrganiser,
      isHost: roles.includes('host'),
      managesVisiting: managed.length > 0,
    };
  }

  private async view(id: string): Promise<ExchangeView> {
    const [x] = await readExchanges(this.dataSource, 'x.id = $1', [id]);
    if (!x) throw notFound('Exchange');
    return x;
  }

  private async requireProgramme(id: string, field: string): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM programmes WHERE id = $1`, [
      id,
    ])) as unknown[];
    if (rows.length === 0) throw badRequest(`${field} does not name a known programme`, { field });
  }
}
