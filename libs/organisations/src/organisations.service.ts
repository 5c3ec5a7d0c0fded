import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  type Actor,
  type Page,
  conflict,
  forbidden,
  isAdmin,
  notFound,
  pageWindow,
  pgErrorCode,
  toPage,
  containsPattern,
  foldedContains,
} from '#core';
import {
  CreateOrganisationDto,
  ListOrganisationsQueryDto,
  UpdateOrganisationDto,
} from './dto/organisation.dto.js';
import { Organisation } from './organisation.entity.js';
import { EventAccess } from '#events';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly access: EventAccess,
  ) {}

  async list(query: ListOrganisationsQueryDto): Promise<Page<Organisation>> {
    const { skip, take } = pageWindow(query);
    const qb = this.organisations
      .createQueryBuilder('o')
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id')
      .skip(skip)
      .take(take);
    if (query.q) {
      const pattern = containsPattern(query.q);
      qb.andWhere(
        `(${foldedContains('o.name', ':pattern')} OR ${foldedContains('o.city', ':pattern')})`,
        {
          pattern,
        },
      );
    }
    if (query.country) qb.andWhere('o.country = :country', { country: query.country });
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    const [items, total] = await qb.getManyAndCount();
    return toPage(items, total, query);
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  async create(actor: Actor, dto: CreateOrganisationDto): Promise<Organisation> {
    await this.requireEditor(actor);
    try {
      return await this.organisations.save(this.organisations.create({ kind: 'ngo', ...dto }));
    } catch (e) {
      if (pgErrorCode(e) === '23505') {
        throw conflict('An organisation with this name already exists in this country', {
          field: 'name',
        });
      }
      throw e;
    }
  }

  /**
   * Only platform admins change a partner: its name and country are printed in every
   * event's visa letters, so an organiser of one event must not rewrite them for all.
   */
  async update(actor: Actor, id: string, dto: UpdateOrganisationDto): Promise<Organisation> {
    requirePlatformAdmin(actor, 'change');
    const organisation = await this.get(id);
    try {
      return await this.organisations.save(this.organisations.merge(organisation, dto));
    } catch (e) {
      if (pgErrorCode(e) === '23505') {
        throw conflict('An organisation with this name already exists in this country', {
          field: 'name',
        });
      }
      throw e;
    }
  }

  async remove(actor: Actor, id: string): Promise<void> {
    requirePlatformAdmin(actor, 'delete');
    await this.get(id);
    try {
      await this.organisations.delete({ id });
    } catch (e) {
      if (pgErrorCode(e) === '23503') {
        throw conflict('This organisation is still used by events or registrations');
      }
      throw e;
    }
  }

  /** The people who may start events (admins, organisers) add partners to the directory. */
  private async requireEditor(actor: Actor): Promise<void> {
    if (!(await this.access.canCreateEvents(actor))) {
      throw forbidden('Only admins and event organisers can edit organisations');
    }
  }
}

/** Changing or deleting an existing partner is for platform admins only (403 otherwise). */
function requirePlatformAdmin(actor: Actor, verb: 'change' | 'delete'): void {
  if (!isAdmin(actor)) throw forbidden(`Only platform admins can ${verb} organisations`);
}
