import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { Account, findOrInviteAccount, issueSignInLink } from '#accounts';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  type Page,
  badRequest,
  conflict,
  forbidden,
  isAdmin,
  notFound,
  pageWindow,
  pgErrorCode,
  pgConstraint,
  toPage,
  requireReference,
  instantField,
  type Locale,
  DomainError,
} from '#core';
import {
  AddStaffByEmailDto,
  AddStaffDto,
  CreateEventDto,
  ListEventsQueryDto,
  UpdateEventDto,
} from './dto/event.dto.js';
import { EventAccess } from './event-access.service.js';
import { EventStaff, type StaffRole } from './event-staff.entity.js';
import { Event, type EventStatus } from './event.entity.js';
import { type EventView, toEventView } from './event.view.js';
import { cleanTexts, eventViewIn } from './event-texts.js';
import { slugify } from './slug.js';
import { StaffInvitationDelivery } from './staff-invitation-delivery.js';

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
export type HostChangeHook = CapacityHook;

@Injectable()
export class EventsService {
  private readonly capacityHooks: CapacityHook[] = [];
  private readonly hostChangeHooks: HostChangeHook[] = [];

  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(EventStaff) private readonly staff: Repository<EventStaff>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccess,
    private readonly invitations: StaffInvitationDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, dto: CreateEventDto): Promise<EventView> {
    if (!(await this.access.canCreateEvents(actor))) {
      throw forbidden('Only platform admins and event organisers can create events');
    }
    const values = await this.toColumns(dto, undefined);
    // The same form sent twice (a double click, a retried request) creates one event.
    const sameRequest = () =>
      dto.creationKey
        ? this.events.findOneBy({ createdBy: actor.accountId, creationKey: dto.creationKey })
        : Promise.resolve(null);
    const earlier = await sameRequest();
    if (earlier) return toEventView(earlier);
    // A generated slug can be taken between choosing and inserting it (two organisers
    // creating "Immersion Kinshasa" at once): choose again rather than answer 409.
    let event: Event | undefined;
    for (let attempt = 1; !event; attempt++) {
      const slug = dto.slug ?? (await this.freeSlug(slugify(values.name ?? '')));
      try {
        event = await this.dataSource.transaction(async (manager) => {
          const created = manager.create(Event, {
            ...values,
            slug,
            status: 'draft',
            createdBy: actor.accountId,
            creationKey: dto.creationKey ?? null,
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
        if (pgConstraint(e) === 'events_creation_key_key') {
          const first = await sameRequest();
          if (first) return toEventView(first);
        }
        if (dto.slug || attempt >= 10)
          throw conflict('This slug is already taken', { field: 'slug' });
      }
    }
    return toEventView(await this.events.findOneByOrFail({ id: event.id }));
  }

  /** `locale`: a reader's language; name and description then come in it (see eventViewIn). */
  async list(
    actor: Actor | undefined,
    query: ListEventsQueryDto,
    locale?: string,
  ): Promise<Page<EventView>> {
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
    const views = items.map(toEventView);
    return toPage(locale ? views.map((v) => eventViewIn(v, locale)) : views, total, query);
  }

  /**
   * The events a person organises (platform admins: every event), newest first, each
   * with its confirmed registrations. Anyone who organises nothing is refused: the
   * console does not exist for them.
   */
  async listOrganised(actor: Actor): Promise<Array<EventView & { confirmedCount: number }>> {
    const admin = isAdmin(actor);
    if (!admin && !(await this.staff.existsBy({ accountId: actor.accountId, role: 'organiser' }))) {
      throw forbidden('Only organisers can see the console');
    }
    const qb = this.events
      .createQueryBuilder('e')
      // The seat counter the triggers keep, not a count per event.
      .addSelect('e.seats_confirmed', 'confirmed_count')
      .orderBy(`CASE WHEN e.status = 'archived' THEN 1 ELSE 0 END`)
      .addOrderBy('e.start_date', 'DESC')
      .addOrderBy('e.id')
      .limit(500);
    if (!admin) {
      qb.where(
        `EXISTS (SELECT 1 FROM event_staff s WHERE s.event_id = e.id AND s.account_id = :me AND s.role = 'organiser')`,
        { me: actor.accountId },
      );
    }
    const { entities, raw } = await qb.getRawAndEntities<{
      e_id: string;
      confirmed_count: number;
    }>();
    const counts = new Map(raw.map((r) => [r.e_id, Number(r.confirmed_count)]));
    return entities.map((e) => ({ ...toEventView(e), confirmedCount: counts.get(e.id) ?? 0 }));
  }

  async get(actor: Actor | undefined, id: string, locale?: string): Promise<EventView> {
    const view = toEventView(await this.access.requireVisible(actor, id));
    return locale ? eventViewIn(view, locale) : view;
  }

  async update(actor: Actor, id: string, dto: UpdateEventDto): Promise<EventView> {
    const event = await this.access.requireOrganiser(actor, id);
    if (event.status === 'archived') throw conflict('An archived event can no longer be changed');
    const values = await this.toColumns(dto, event);
    await this.dataSource.transaction(async (manager) => {
      if (values.hostOrganisationId !== event.hostOrganisationId) {
        // The row lock first: an exchange being made on this immersion (which writes its
        // host on this row) commits before the hooks look for it.
        await manager.query(`SELECT 1 FROM events WHERE id = $1 FOR UPDATE`, [id]);
        for (const hook of this.hostChangeHooks) await hook(manager, id);
      }
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

  /**
   * Runs `hook` in the transaction of every change of the host organisation, before it is
   * written; a hook refuses it by throwing (an exchange keeps its immersion's host).
   */
  beforeHostOrganisationChange(hook: HostChangeHook): void {
    this.hostChangeHooks.push(hook);
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
    const rows: Array<{
      account_id: string;
      name: string;
      email: string;
      role: string;
      invited: boolean;
    }> = await this.dataSource.query(
      `SELECT s.account_id, a.name, a.email, s.role,
              (a.email_verified_at IS NULL AND a.password_hash IS NULL) AS invited
         FROM event_staff s
         JOIN accounts a ON a.id = s.account_id WHERE s.event_id = $1 ORDER BY a.name, s.role`,
      [eventId],
    );
    // invited: no password and no emailed link opened yet (an invitation still pending).
    return rows.map((r) => ({
      accountId: r.account_id,
      name: r.name,
      email: r.email,
      role: r.role,
      invited: r.invited,
    }));
  }

  /**
   * The API's add-staff: by email (as addStaffByEmail: an unknown address gets an account
   * and an invitation). By account id for platform admins only; an organiser who could
   * add any id would learn that person's email from the staff list.
   */
  async addStaff(actor: Actor, eventId: string, dto: AddStaffDto) {
    await this.access.requireOrganiser(actor, eventId);
    if (dto.email !== undefined) {
      await this.addStaffByEmail(actor, eventId, {
        email: dto.email,
        role: dto.role,
        name: dto.name,
        locale: dto.locale ?? 'en',
      });
      return this.listStaff(actor, eventId);
    }
    if (!dto.accountId) throw badRequest('email is required', { field: 'email' });
    if (!isAdmin(actor)) {
      throw new DomainError(
        'forbidden',
        'Add staff by email: account ids are not an address book',
        {
          field: 'accountId',
        },
      );
    }
    await requireReference(this.dataSource, 'accounts', dto.accountId, 'accountId');
    await this.staff
      .createQueryBuilder()
      .insert()
      .values({ eventId, accountId: dto.accountId, role: dto.role })
      .orIgnore()
      .execute();
    return this.listStaff(actor, eventId);
  }

  /**
   * Adds a person by email. An existing account is added as it is; for an address with
   * no account, one is created (no password yet) and an invitation with a single-use
   * sign-in link is sent in the chosen language, in the same transaction. Adding the
   * same person twice changes nothing and sends nothing twice.
   */
  async addStaffByEmail(
    actor: Actor,
    eventId: string,
    dto: AddStaffByEmailDto,
  ): Promise<{ accountId: string; invited: boolean }> {
    await this.access.requireOrganiser(actor, eventId);
    return this.dataSource.transaction(async (manager) => {
      // Locks the event row: two organisers inviting the same address queue up here.
      const event = await manager.findOne(Event, {
        where: { id: eventId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!event) throw notFound('Event');
      const { account, created } = await findOrInviteAccount(manager, {
        email: dto.email,
        name: dto.name,
        locale: dto.locale,
      });
      if (account.erasedAt) throw conflict('This account was erased', { field: 'email' });
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(EventStaff)
        .values({ eventId, accountId: account.id, role: dto.role })
        .orIgnore()
        .returning(['accountId'])
        .execute();
      const added = (inserted.raw as unknown[]).length > 0;
      if (!created || !added) return { accountId: account.id, invited: false };
      const inviter = await manager.findOneBy(Account, { id: actor.accountId });
      const { link, expiresAt } = await issueSignInLink(
        manager,
        account.id,
        this.config.publicUrl,
        this.landingFor(event, dto.role),
      );
      await this.invitations.deliver(manager, {
        event,
        role: dto.role,
        recipient: { id: account.id, email: account.email, name: account.name },
        locale: dto.locale,
        inviterName: inviter?.name ?? '',
        link,
        expiresAt,
      });
      return { accountId: account.id, invited: true };
    });
  }

  /** Where an invited person lands after the link: the page their role works from. */
  private landingFor(event: Event, role: StaffRole): string {
    if (role === 'organiser') return `/console/events/${event.id}`;
    if (role === 'host') return '/host';
    return `/e/${event.slug}`;
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

    // null clears a registration date (no limit on that side).
    const instant = (field: 'registrationOpensAt' | 'registrationClosesAt') =>
      dto[field] === null
        ? null
        : instantField(field, dto[field], timezone, current?.[field] ?? null);
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
    // null removes the host organisation (a meeting has none).
    const hostOrganisationId =
      dto.hostOrganisationId !== undefined
        ? dto.hostOrganisationId
        : (current?.hostOrganisationId ?? null);
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
    Object.assign(out, this.texts(dto, current));
    if (kind !== undefined) out.kind = kind;
    if (dto.capacity !== undefined) out.capacity = dto.capacity;
    if (dto.requiresApproval !== undefined) out.requiresApproval = dto.requiresApproval;
    else if (!current) out.requiresApproval = false;
    if (dto.languages !== undefined) out.languages = dto.languages;
    else if (!current) out.languages = ['en'];
    if (dto.contactEmail !== undefined) out.contactEmail = dto.contactEmail?.trim() || null;
    if (dto.venue !== undefined) {
      out.venueName = dto.venue.name ?? null;
      out.venueCity = dto.venue.city ?? null;
      out.venueCountry = dto.venue.country ?? null;
    }
    return out;
  }

  /**
   * Names, descriptions and practical information per language. A set given replaces
   * the one stored; the plain name and description columns follow the text in the
   * event's first language (what readers of another language fall back to). A name or
   * description given alone (older API clients) is the text of the first language.
   */
  private texts(dto: UpdateEventDto, current: Event | undefined): Partial<Event> {
    const languages = dto.languages ?? current?.languages ?? ['en'];
    const first = languages[0] as Locale;
    const out: Partial<Event> = {};

    if (dto.names !== undefined) {
      const names = cleanTexts({ ...dto.names });
      // With names per language, the event needs one in its first language.
      const name = dto.name ?? names[first];
      if (!name) {
        throw badRequest('The event needs a name in its first language', {
          fields: [{ field: `names.${first}`, codes: ['isNotEmpty'] }],
        });
      }
      out.names = dto.name && !names[first] ? { ...names, [first]: dto.name } : names;
      out.name = name;
    } else if (dto.name !== undefined) {
      out.name = dto.name;
      out.names = { ...(current?.names ?? {}), [first]: dto.name };
    } else if (!current) {
      throw badRequest('The event needs a name', {
        fields: [{ field: 'name', codes: ['isNotEmpty'] }],
      });
    }

    if (dto.descriptions !== undefined) {
      const descriptions = cleanTexts({ ...dto.descriptions });
      out.descriptions =
        dto.description && !descriptions[first]
          ? { ...descriptions, [first]: dto.description }
          : descriptions;
      out.description =
        dto.description ?? descriptions[first] ?? Object.values(descriptions)[0] ?? null;
    } else if (dto.description !== undefined) {
      out.description = dto.description;
      out.descriptions = { ...(current?.descriptions ?? {}), [first]: dto.description };
    }

    if (dto.practicalInfo !== undefined) out.practicalInfo = cleanTexts({ ...dto.practicalInfo });
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
