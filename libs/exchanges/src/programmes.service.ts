import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, badRequest, conflict, forbidden, isAdmin, notFound, pgErrorCode } from '#core';
import { cleanTexts, EventAccess, type LocalizedTexts, slugify, textIn } from '#events';
import type {
  CreateProgrammeDto,
  ProgrammeQueryDto,
  UpdateProgrammeDto,
} from './dto/exchanges.dto.js';
import { type ExchangeView, type OrganisationRef, readExchanges } from './exchange-rows.js';
import { ExchangesService } from './exchanges.service.js';

export interface ProgrammeSummary {
  id: string;
  slug: string;
  year: number;
  name: string;
  names: LocalizedTexts;
}

/** One gathering of the programme: a meeting, or an immersion with its exchange. */
export interface ProgrammeItem {
  eventId: string;
  slug: string;
  kind: 'meeting' | 'immersion';
  name: string;
  startDate: string;
  endDate: string;
  venueCity: string | null;
  venueCountry: string | null;
  exchange: ExchangeView | null;
}

export interface ProgrammeFigures {
  immersions: number;
  /** Confirmed visitors of the immersions whose profession is social worker. */
  socialWorkers: number;
  /** Countries of the partners the immersions join (visiting and host). */
  countries: number;
}

export interface ProgrammeView extends ProgrammeSummary {
  items: ProgrammeItem[];
  figures: ProgrammeFigures;
  /** What the filters may choose from (the whole programme, not the filtered part). */
  partners: OrganisationRef[];
  countries: string[];
  years: number[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The network's year of gatherings. Any signed-in member reads it (drafts aside);
 * admins and organisers write it, and file their events in it.
 */
@Injectable()
export class ProgrammesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccess,
    private readonly exchanges: ExchangesService,
  ) {}

  async list(locale: string): Promise<ProgrammeSummary[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, slug, year, names FROM programmes ORDER BY year DESC, slug`,
    )) as Array<{ id: string; slug: string; year: number; names: LocalizedTexts }>;
    return rows.map((r) => this.summary(r, locale));
  }

  async create(actor: Actor, dto: CreateProgrammeDto, locale = 'en'): Promise<ProgrammeSummary> {
    await this.requireWriter(actor);
    const names = cleanTexts(dto.names as Record<string, unknown>);
    // The address reads the same for everyone: from the English name when there is one.
    const first = names.en ?? names.fr ?? names.es;
    if (!first)
      throw badRequest('names must give the name in at least one language', { field: 'names' });
    const slug = dto.slug ?? slugify(first);
    try {
      const [row] = (await this.dataSource.query(
        `INSERT INTO programmes (slug, year, names, created_by) VALUES ($1, $2, $3, $4)
         RETURNING id, slug, year, names`,
        [slug, dto.year, names, actor.accountId],
      )) as Array<{ id: string; slug: string; year: number; names: LocalizedTexts }>;
      return this.summary(row, locale);
    } catch (e) {
      if (pgErrorCode(e) === '23505') {
        throw conflict('A programme already has this slug', { field: 'slug' });
      }
      throw e;
    }
  }

  async update(actor: Actor, id: string, dto: UpdateProgrammeDto, locale = 'en') {
    await this.requireWriter(actor);
    const current = await this.find(id);
    const names = dto.names ? cleanTexts(dto.names as Record<string, unknown>) : current.names;
    if (Object.keys(names).length === 0) {
      throw badRequest('names must give the name in at least one language', { field: 'names' });
    }
    try {
      await this.dataSource.query(
        `UPDATE programmes SET names = $2, year = $3, slug = $4, updated_at = now() WHERE id = $1`,
        [current.id, names, dto.year ?? current.year, dto.slug ?? current.slug],
      );
      return this.summary(await this.find(current.id), locale);
    } catch (e) {
      if (pgErrorCode(e) === '23505') {
        throw conflict('A programme already has this slug', { field: 'slug' });
      }
      throw e;
    }
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.requireWriter(actor);
    const current = await this.find(id);
    await this.dataSource.query(`DELETE FROM programmes WHERE id = $1`, [current.id]);
  }

  /** Files an event in a programme (or takes it out): the event's organisers decide. */
  async setEventProgramme(actor: Actor, eventId: string, programmeId: string | null) {
    await this.events.requireOrganiser(actor, eventId);
    if (programmeId !== null) {
      const rows = (await this.dataSource.query(`SELECT 1 FROM programmes WHERE id = $1`, [
        programmeId,
      ])) as unknown[];
      if (rows.length === 0) {
        throw badRequest('programmeId does not name a known programme', { field: 'programmeId' });
      }
    }
    await this.dataSource.query(`UPDATE events SET programme_id = $2 WHERE id = $1`, [
      eventId,
      programmeId,
    ]);
    return { eventId, programmeId };
  }

  /** The programme by id or slug, its gatherings filtered, and the figures of what is shown. */
  async view(
    actor: Actor,
    idOrSlug: string,
    query: ProgrammeQueryDto,
    locale: string,
  ): Promise<ProgrammeView> {
    const p = await this.find(idOrSlug);
    const events = (await this.dataSource.query(
      `SELECT e.id, e.slug, e.kind, e.name, e.names, e.languages, e.status,
              to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(e.end_date, 'YYYY-MM-DD') AS end_date,
              e.venue_city, e.venue_country,
              ARRAY(SELECT DISTINCT r.organisation_id FROM registrations r
                     WHERE r.event_id = e.id AND r.status = 'confirmed') AS partner_ids
         FROM events e
        WHERE e.programme_id = $1 AND e.status <> 'archived'
        ORDER BY e.start_date, e.name`,
      [p.id],
    )) as Array<{
      id: string;
      slug: string;
      kind: 'meeting' | 'immersion';
      name: string;
      names: LocalizedTexts;
      languages: string[];
      status: string;
      start_date: string;
      end_date: string;
      venue_city: string | null;
      venue_country: string | null;
      partner_ids: string[];
    }>;
    const exchanges = await this.exchanges.visibleOnly(
      actor,
      await readExchanges(this.dataSource, 'e.programme_id = $1', [p.id]),
    );
    const byEvent = new Map(exchanges.map((x) => [x.eventId, x]));
    const staffed = isAdmin(actor)
      ? null
      : new Set(
          (
            (await this.dataSource.query(
              `SELECT DISTINCT event_id FROM event_staff WHERE account_id = $1`,
              [actor.accountId],
            )) as Array<{ event_id: string }>
          ).map((r) => r.event_id),
        );
    const visible = events.filter((e) => e.status !== 'draft' || !staffed || staffed.has(e.id));
    const all = visible.map((e) => {
      const x = byEvent.get(e.id) ?? null;
      const partners = new Set(e.partner_ids);
      const countries = new Set<string>();
      if (e.venue_country) countries.add(e.venue_country.trim());
      if (x) {
        partners.add(x.visitingOrganisation.id).add(x.hostOrganisation.id);
        countries.add(x.visitingOrganisation.country).add(x.hostOrganisation.country);
      }
      const item: ProgrammeItem = {
        eventId: e.id,
        slug: e.slug,
        kind: e.kind,
        name: textIn(e.names, locale, e.languages, e.name) ?? e.name,
        startDate: e.start_date,
        endDate: e.end_date,
        venueCity: e.venue_city,
        venueCountry: e.venue_country?.trim() ?? null,
        exchange: x,
      };
      return { item, partners, countries };
    });
    const shown = all.filter(
      (a) =>
        (!query.partner || a.partners.has(query.partner)) &&
        (!query.country || a.countries.has(query.country)) &&
        (!query.year || Number(a.item.startDate.slice(0, 4)) === query.year),
    );
    const partners = new Map<string, OrganisationRef>();
    for (const x of exchanges) {
      partners.set(x.visitingOrganisation.id, x.visitingOrganisation);
      partners.set(x.hostOrganisation.id, x.hostOrganisation);
    }
    return {
      ...this.summary(p, locale),
      items: shown.map((a) => a.item),
      figures: await this.figures(shown.map((a) => a.item)),
      partners: [...partners.values()].sort((a, b) => a.name.localeCompare(b.name)),
      countries: [...new Set(all.flatMap((a) => [...a.countries]))].sort(),
      years: [...new Set(all.map((a) => Number(a.item.startDate.slice(0, 4))))].sort(),
    };
  }

  private async figures(items: ProgrammeItem[]): Promise<ProgrammeFigures> {
    const immersions = items.filter((i) => i.exchange);
    const countries = new Set(
      immersions.flatMap((i) => [
        i.exchange!.visitingOrganisation.country,
        i.exchange!.hostOrganisation.country,
      ]),
    );
    const [row] = (await this.dataSource.query(
      `SELECT count(DISTINCT r.account_id)::int AS n FROM registrations r
        WHERE r.event_id = ANY($1::uuid[]) AND r.status = 'confirmed'
          AND r.profession = 'social_worker'`,
      [immersions.map((i) => i.eventId)],
    )) as Array<{ n: number }>;
    return { immersions: immersions.length, socialWorkers: row.n, countries: countries.size };
  }

  private async find(idOrSlug: string) {
    const byId = UUID.test(idOrSlug);
    if (!byId && !/^[a-z0-9][a-z0-9-]{0,120}$/.test(idOrSlug)) throw notFound('Programme');
    const [row] = (await this.dataSource.query(
      `SELECT id, slug, year, names FROM programmes WHERE ${byId ? 'id' : 'slug'} = $1`,
      [idOrSlug],
    )) as Array<{ id: string; slug: string; year: number; names: LocalizedTexts }>;
    if (!row) throw notFound('Programme');
    return row;
  }

  private summary(
    r: { id: string; slug: string; year: number; names: LocalizedTexts },
    locale: string,
  ): ProgrammeSummary {
    return {
      id: r.id,
      slug: r.slug,
      year: r.year,
      names: r.names,
      name: textIn(r.names, locale, [], r.slug) ?? r.slug,
    };
  }

  private async requireWriter(actor: Actor): Promise<void> {
    if (!(await this.events.canCreateEvents(actor))) {
      throw forbidden('Only admins and organisers can change programmes');
    }
  }
}
