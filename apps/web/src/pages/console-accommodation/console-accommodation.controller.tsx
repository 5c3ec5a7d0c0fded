import { Get, Param, Post } from '@nestjs/common';
import {
  AssignRoomDto,
  CreateHotelDto,
  Hotels,
  PutStayNightsDto,
  RoomAssignments,
  Stays,
} from '#accommodation';
import { type Actor, isUuid, notFound } from '#core';
import type { EventView } from '#events';
import { emptyForm, type FormState } from '../../components/form.js';
import { formStateFromError, listOf, parseForm, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { ConsoleAccess, renderConsolePage } from '../console/console-frame.js';
import { accommodationPath, refusalText } from './accommodation-format.js';
import { MAX_OVERVIEW_GRID_CELLS, OverviewPage } from './overview.page.js';
import { PersonPage } from './person.page.js';

export const HOTEL_FIELDS = ['name', 'address', 'city', 'phone', 'email', 'contactName'] as const;

/** The hotel form's text fields, blanks left out (optional fields stay unset). */
export function hotelValues(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of HOTEL_FIELDS) {
    const v = textOf(body, key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export function idOr404(id: string, what: string): string {
  if (!isUuid(id)) throw notFound(what);
  return id;
}

/**
 * Accommodation in the console (organisers only): occupancy night by night, who has no
 * room, the suggestion, each person's dates and rooms, adding a hotel. Every rule is in
 * the accommodation services; this turns forms into their calls.
 */
@WebController('console/events/:eventId/accommodation')
export class ConsoleAccommodationController {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly hotels: Hotels,
    private readonly assignments: RoomAssignments,
    private readonly stays: Stays,
  ) {}

  private async overview(
    ctx: WebContext,
    actor: Actor,
    event: EventView,
    extra: { hotelForm?: FormState; notice?: string } = {},
  ): Promise<string> {
    const [view, hotels] = await Promise.all([
      this.assignments.occupancy(actor, event.id, { maxGridCells: MAX_OVERVIEW_GRID_CELLS }),
      this.hotels.list(actor, event.id),
    ]);
    return renderConsolePage(ctx, {
      event,
      section: 'accommodation',
      title: ctx.t.accommodation.title,
      children: (
        <OverviewPage
          ctx={ctx}
          event={event}
          view={view}
          hotels={hotels}
          hotelForm={extra.hotelForm ?? emptyForm()}
          notice={extra.notice}
        />
      ),
    });
  }

  private async person(
    ctx: WebContext,
    actor: Actor,
    event: EventView,
    registrationId: string,
    extra: { nightsForm?: FormState; notice?: string } = {},
  ): Promise<string> {
    const { guest, hotels } = await this.assignments.personStay(actor, event.id, registrationId);
    return renderConsolePage(ctx, {
      event,
      section: 'accommodation',
      title: guest.name,
      children: (
        <PersonPage
          ctx={ctx}
          event={event}
          hotels={hotels}
          guest={guest}
          nightsForm={
            extra.nightsForm ?? emptyForm({ checkIn: guest.checkIn, checkOut: guest.checkOut })
          }
          notice={extra.notice}
        />
      ),
    });
  }

  @Get()
  async show(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    return this.overview(ctx, actor, event);
  }

  @Post('suggest')
  async suggest(@Web() ctx: WebContext, @Param('eventId') eventId: string): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const result = await this.assignments.suggest(actor, event.id);
    const notice = ctx.t.accommodation.suggested(result.placed, result.unassigned);
    return new HtmlResponse(await this.overview(ctx, actor, event, { notice }), 200);
  }

  @Post('hotels')
  async addHotel(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    const values = hotelValues(body);
    const parsed = await parseForm(ctx, CreateHotelDto, values, { ...values });
    if (!parsed.ok) {
      return new HtmlResponse(
        await this.overview(ctx, actor, event, { hotelForm: parsed.state }),
        400,
      );
    }
    const hotel = await this.hotels.create(actor, event.id, parsed.value);
    return redirect(
      accommodationPath(event.id, `/hotels/${hotel.id}`),
      'accommodation.flash.saved',
    );
  }

  @Get('people/:registrationId')
  async showPerson(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    return this.person(ctx, actor, event, idOr404(registrationId, 'Registration'));
  }

  /** From the unassigned list (every night) or the person's page (the nights ticked). */
  @Post('people/:registrationId/room')
  async assign(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    idOr404(registrationId, 'Registration');
    const nights = listOf(body, 'nights');
    const fromPerson = nights.length > 0 || body.nights !== undefined;
    const values = { roomId: textOf(body, 'roomId') ?? '', ...(fromPerson ? { nights } : {}) };
    const parsed = await parseForm(ctx, AssignRoomDto, values, { ...values });
    const back = async (notice: string, status: number) =>
      new HtmlResponse(
        fromPerson
          ? await this.person(ctx, actor, event, registrationId, { notice })
          : await this.overview(ctx, actor, event, { notice }),
        status,
      );
    if (!parsed.ok) return back(ctx.t.accommodation.chooseRoom, 400);
    try {
      await this.assignments.assign(actor, event.id, registrationId, parsed.value);
    } catch (e) {
      const notice = refusalText(ctx, e);
      if (!notice) throw e;
      return back(notice, 409);
    }
    return redirect(
      fromPerson
        ? accommodationPath(event.id, `/people/${registrationId}`)
        : accommodationPath(event.id),
      'accommodation.flash.assigned',
    );
  }

  @Post('people/:registrationId/room/remove')
  async unassign(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    await this.assignments.unassign(actor, event.id, idOr404(registrationId, 'Registration'));
    return redirect(
      accommodationPath(event.id, `/people/${registrationId}`),
      'accommodation.flash.removed',
    );
  }

  @Post('people/:registrationId/nights')
  async setNights(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    await this.guestOf(actor, event, idOr404(registrationId, 'Registration'));
    const values = {
      checkIn: textOf(body, 'checkIn') ?? '',
      checkOut: textOf(body, 'checkOut') ?? '',
    };
    const parsed = await parseForm(ctx, PutStayNightsDto, values, { ...values });
    let state: FormState | undefined = parsed.ok ? undefined : parsed.state;
    if (parsed.ok) {
      try {
        await this.stays.setNights(actor, registrationId, parsed.value);
      } catch (e) {
        state = formStateFromError(ctx, e, values, 'checkIn');
      }
    }
    if (state) {
      return new HtmlResponse(
        await this.person(ctx, actor, event, registrationId, { nightsForm: state }),
        400,
      );
    }
    return redirect(
      accommodationPath(event.id, `/people/${registrationId}`),
      'accommodation.flash.saved',
    );
  }

  @Post('people/:registrationId/nights/clear')
  async clearNights(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('registrationId') registrationId: string,
  ): Promise<PageResult> {
    const { actor, event } = await this.access.event(ctx, eventId);
    await this.guestOf(actor, event, idOr404(registrationId, 'Registration'));
    await this.stays.setNights(actor, registrationId, null);
    return redirect(
      accommodationPath(event.id, `/people/${registrationId}`),
      'accommodation.flash.saved',
    );
  }

  /** The registration must be a confirmed participant of this very event (else 404). */
  private async guestOf(actor: Actor, event: EventView, registrationId: string) {
    const view = await this.assignments.occupancy(actor, event.id);
    if (!view.guests.some((g) => g.registrationId === registrationId))
      throw notFound('Registration');
  }
}
