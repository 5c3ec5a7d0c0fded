import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import {
  type Actor,
  type Page,
  badRequest,
  conflict,
  forbidden,
  isAdmin,
  notFound,
  pageWindow,
  pgErrorCode,
  toPage,
  requireReference,
  instantField,
} from '#core';
import {
  AddStaffDto,
  CreateEventDto,
  ListEventsQueryDto,
  UpdateEventDto,
} from './dto/event.dto.js';
import { EventAccess } from './event-access.service.js';
import { EventStaff } from './event-staff.entity.js';
import { Event, type EventStatus } from './event.entity.js';
import { type EventView, toEventView } from './event.view.js';
import { slugify } from './slug.js';

const TRANSITIONS: Record<
  'publish' | 'close' | 'archive' | 'reopen',
  { from: EventStatus[]; to: EventStatus }
> = {
  publish: { from: ['draft'], to: 'published' },
  close: { from: ['published'], to: 'closed' },
  reopen: { from: ['closed'], to: 'published' },
  archive: { from: ['published', 'closed'], to: 'archived' },
};
export type EventTransition = keyof typeof TRANSITIONS;

export type CapacityHook = (manager: EntityManager, eventId: string) => Promise<void>;

@Injectable()
export class EventsService {
  private readonly capacityHooks: CapacityHook[] = [];

  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(EventStaff) private readonly staff: Repository<EventStaff>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
  ) {}

  async create(actor: Actor, dto: CreateEventDto): Promise<EventView> {
    if (!(await this.access.canCreateEvents(actor))) {
      throw forbidden('Only platform admins and event organisers can create events');
    }
    const values = await this.toColumns(dto, undefined);
    // A generated slug can be taken between choosing and inserting it (two organisers
    // creating "Immersion Kinshasa" at once): choose again rather than answer 409.
    let event: Event | undefined;
    for (let attempt = 1; !event; attempt++) {
      const slug = dto.slug ?? (await this.freeSlug(slugify(dto.name)));
      try {
        event = await this.dataSource.transaction(async (manager) => {
          const created = manager.create(Event, {
            ...values,
            slug,
            status: 'draft',
            createdBy: actor.accountId,
          });
          await manager.save(created);
          await manager.insert(EventStaff, {
            eventId: created.id,
            accountId: actor.accountId,
            role: 'organiser',
          });
          return created;
        });
      } catch (e) {
        if (pgErrorCode(e) !== '23505') throw e;
        if (dto.slug || attempt >= 5)
          throw conflict('This slug is already taken', { field: 'slug' });
      }
    }
    return toEventView(await this.events.findOneByOrFail({ id: event.id }));
  }

  async list(actor: Actor | undefined, query: ListEventsQueryDto): Promise<Page<EventView>> {
    const { skip, take } = pageWindow(query);
    const qb = this.events
      .createQueryBuilder('e')
      .orderBy('e.start_date', 'DESC')
      .addOrderBy('e.id')
      .skip(skip)
      .take(take);
    if (!actor || !isAdmin(actor)) {
      // Drafts only for their own staff.
      qb.andWhere(
        `(e.status <> 'draft' OR EXISTS (SELECT 1 FROM event_staff s WHERE s.event_id = e.id AND s.account_id = :me))`,
        { me: actor?.accountId ?? '00000000-0000-0000-0000-000000000000' },
      );
    }
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
    const [items, total] = await qb.getManyAndCount();
    return toPage(items.map(toEventView), total, query);
  }

  async get(actor: Actor | undefined, id: string): Promise<EventView> {
    return toEventView(await this.access.requireVisible(actor, id));
  }

  async update(actor: Actor, id: string, dto: UpdateEventDto): Promise<EventView> {
    const event = await this.access.requireOrganiser(actor, id);
    if (event.status === 'archived') throw conflict('An archived event can no longer be changed');
    const values = await this.toColumns(dto, event);
    await this.dataSource.transaction(async (manager) => {
      try {
        await manager.update(Event, { id }, { ...values, ...(dto.slug ? { slug: dto.slug } : {}) });
      } catch (e) {
        if (pgErrorCode(e) === '23505')
          throw conflict('This slug is already taken', { field: 'slug' });
        throw e;
      }
      if (dto.capacity !== undefined) {
        for (const hook of this.capacityHooks) await hook(manager, id);
      }
    });
    return toEventView(await this.events.findOneByOrFail({ id }));
  }

  /**
   * Runs `hook` in the transaction of every capacity change (registrations promote
   * their waitlist there), without this lib depending on the ones that listen.
   */
  onCapacityChanged(hook: CapacityHook): void {
    this.capacityHooks.push(hook);
  }

  async transition(actor: Actor, id: string, name: EventTransition): Promise<EventView> {
    await this.access.requireOrganiser(actor, id);
    const { from, to } = TRANSITIONS[name];
    // Conditional update: two organisers clicking at once cannot both succeed.
    const result = await this.events
      .createQueryBuilder()
      .update()
      .set({
        status: to,
        ...(to === 'published' ? { publishedAt: () => 'COALESCE(published_at, now())' } : {}),
      })
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    if (!result.affected) {
      const current = await this.events.findOneByOrFail({ id });
      throw conflict(`Cannot ${name} an event that is ${current.status}`, {
        status: current.status,
      });
    }
    return toEventView(await this.events.findOneByOrFail({ id }));
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const event = await this.access.requireOrganiser(actor, id);
    if (event.status !== 'draft')
      throw conflict('Only draft events can be deleted; archive it instead');
    await this.events.delete({ id });
  }

  async listStaff(actor: Actor, eventId: string) {
    await this.access.requireStaffRole(actor, eventId, ['facilitator', 'host']);
    const rows: Array<{ account_id: string; name: string; email: string; role: string }> =
      await this.dataSource.query(
        `SELECT s.account_id, a.name, a.email, s.role FROM event_staff s
           JOIN accounts a ON a.id = s.account_id WHERE s.event_id = $1 ORDER BY a.name, s.role`,
        [eventId],
      );
    return rows.map((r) => ({
      accountId: r.account_id,
      name: r.name,
      email: r.email,
      role: r.role,
    }));
  }

  async addStaff(actor: Actor, eventId: string, dto: AddStaffDto) {
    await this.access.requireOrganiser(actor, eventId);
    await requireReference(this.dataSource, 'accounts', dto.accountId, 'accountId');
    await this.staff
      .createQueryBuilder()
      .insert()
      .values({ eventId, accountId: dto.accountId, role: dto.role })
      .orIgnore()
      .execute();
    return this.listStaff(actor, eventId);
  }

  async removeStaff(actor: Actor, eventId: string, accountId: string, role: string) {
    await this.access.requireOrganiser(actor, eventId);
    await this.dataSource.transaction(async (manager) => {
      // Lock the event's organiser rows so two removals cannot leave it with none.
      const organisers: Array<{ account_id: string }> = await manager.query(
        `SELECT account_id FROM event_staff WHERE event_id = $1 AND role = 'organiser' FOR UPDATE`,
        [eventId],
      );
      if (
        role === 'organiser' &&
        organisers.length === 1 &&
        organisers[0].account_id === accountId
      ) {
        throw conflict('An event must keep at least one organiser');
      }
      const result = await manager.delete(EventStaff, { eventId, accountId, role });
      if (!result.affected) throw notFound('Staff member');
    });
  }

  private async toColumns(
    dto: UpdateEventDto,
    current: Event | undefined,
  ): Promise<Partial<Event>> {
    const timezone = dto.timezone ?? current?.timezone;
    const startDate = dto.startDate ?? current?.startDate;
    const endDate = dto.endDate ?? current?.endDate;
    if (!timezone || !startDate || !endDate)
      throw badRequest('timezone, startDate and endDate are required');
    if (endDate < startDate)
      throw badRequest('endDate must be on or after startDate', { field: 'endDate' });

    const instant = (field: 'registrationOpensAt' | 'registrationClosesAt') =>
      instantField(field, dto[field], timezone, current?.[field] ?? null);
    const registrationOpensAt = instant('registrationOpensAt');
    const registrationClosesAt = instant('registrationClosesAt');
    if (
      registrationOpensAt &&
      registrationClosesAt &&
      registrationClosesAt <= registrationOpensAt
    ) {
      throw badRequest('registrationClosesAt must be after registrationOpensAt', {
        field: 'registrationClosesAt',
      });
    }

    const kind = dto.kind ?? current?.kind;
    const hostOrganisationId = dto.hostOrganisationId ?? current?.hostOrganisationId ?? null;
    if (dto.hostOrganisationId) {
      await requireReference(
        this.dataSource,
        'organisations',
        dto.hostOrganisationId,
        'hostOrganisationId',
      );
    }
    if (kind === 'immersion' && !hostOrganisationId) {
      throw badRequest('An immersion needs a hostOrganisationId', { field: 'hostOrganisationId' });
    }

    const out: Partial<Event> = {
      timezone,
      startDate,
      endDate,
      registrationOpensAt,
      registrationClosesAt,
      hostOrganisationId,
    };
    if (dto.name !== undefined) out.name = dto.name;
    if (dto.description !== undefined) out.description = dto.description;
    if (kind !== undefined) out.kind = kind;
    if (dto.capacity !== undefined) out.capacity = dto.capacity;
    if (dto.requiresApproval !== undefined) out.requiresApproval = dto.requiresApproval;
    else if (!current) out.requiresApproval = false;
    if (dto.languages !== undefined) out.languages = dto.languages;
    else if (!current) out.languages = ['en'];
    if (dto.venue !== undefined) {
      out.venueName = dto.venue.name ?? null;
      out.venueCity = dto.venue.city ?? null;
      out.venueCountry = dto.venue.country ?? null;
    }
    return out;
  }

  private async freeSlug(base: string): Promise<string> {
    const rows: Array<{ slug: string }> = await this.dataSource.query(
      `SELECT slug FROM events WHERE slug = $1 OR slug LIKE $2`,
      [base, `${base}-%`],
    );
    const taken = new Set(rows.map((r) => r.slug));
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
  }
}
