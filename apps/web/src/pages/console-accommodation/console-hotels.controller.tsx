import { Get, Param, Post, Query } from '@nestjs/common';
import {
  CreateHotelDto,
  type HotelView,
  Hotels,
  nightsOf,
  PutInventoryDto,
  RoomAssignments,
  RoomingLists,
} from '#accommodation';
import { type Actor, csvSeparatorFor } from '#core';
import type { EventView } from '#events';
import { emptyForm, type FormState } from '../../components/form.js';
import { parseForm, textOf } from '../../http/forms.js';
import type { WebContext } from '../../http/web-context.js';
import { WebController } from '../../http/web-controller.decorator.js';
import { FormBody, Web } from '../../http/web-request.decorator.js';
import { Download, HtmlResponse, type PageResult, redirect } from '../../http/web-results.js';
import { ConsoleAccess, renderConsolePage } from '../console/console-frame.js';
import { accommodationPath, refusalText, roomName } from './accommodation-format.js';
import { hotelValues, idOr404 } from './console-accommodation.controller.js';
import { HotelPage } from './hotel.page.js';
import { RoomingListPage } from './rooming-list.page.js';

const CELL = /^(single|twin|double)\.(\d{4}-\d{2}-\d{2})$/;

/** A hotel's pages: details, rooms booked per night, and the hotel's rooming list. */
@WebController('console/events/:eventId/accommodation/hotels/:hotelId')
export class ConsoleHotelsController {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly hotels: Hotels,
    private readonly assignments: RoomAssignments,
    private readonly lists: RoomingLists,
  ) {}

  private async load(ctx: WebContext, eventId: string, hotelId: string) {
    const { actor, event } = await this.access.event(ctx, eventId);
    const hotel = await this.hotels.get(actor, event.id, idOr404(hotelId, 'Hotel'));
    return { actor, event, hotel };
  }

  private async page(
    ctx: WebContext,
    actor: Actor,
    event: EventView,
    hotel: HotelView,
    extra: { form?: FormState; inventoryForm?: FormState; notice?: string } = {},
  ): Promise<string> {
    const occupancy = await this.assignments.occupancy(actor, event.id, { hotelId: hotel.id });
    // The event's nights, the day before it starts, and any night booked or slept.
    const nights = [
      ...new Set([
        ...nightsOf(dayBefore(event.startDate), event.endDate),
        ...occupancy.nights,
        ...hotel.inventory.map((row) => row.night),
      ]),
    ].sort();
    const values: Record<string, unknown> = {
      name: hotel.name,
      address: hotel.address,
      city: hotel.city,
      phone: hotel.phone ?? '',
      email: hotel.email ?? '',
      contactName: hotel.contactName ?? '',
    };
    return renderConsolePage(ctx, {
      event,
      section: 'accommodation',
      title: hotel.name,
      children: (
        <HotelPage
          ctx={ctx}
          event={event}
          hotel={hotel}
          nights={nights}
          occupancy={occupancy.hotels[0]}
          occupancyNights={occupancy.nights}
          form={extra.form ?? emptyForm(values)}
          inventoryForm={extra.inventoryForm ?? emptyForm()}
          notice={extra.notice}
        />
      ),
    });
  }

  @Get()
  async show(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('hotelId') hotelId: string,
  ): Promise<PageResult> {
    const { actor, event, hotel } = await this.load(ctx, eventId, hotelId);
    return this.page(ctx, actor, event, hotel);
  }

  @Post()
  async update(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('hotelId') hotelId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event, hotel } = await this.load(ctx, eventId, hotelId);
    const values = hotelValues(body);
    const parsed = await parseForm(ctx, CreateHotelDto, values, { ...values });
    if (!parsed.ok) {
      return new HtmlResponse(
        await this.page(ctx, actor, event, hotel, { form: parsed.state }),
        400,
      );
    }
    await this.hotels.update(actor, event.id, hotel.id, {
      ...parsed.value,
      phone: parsed.value.phone ?? null,
      email: parsed.value.email ?? null,
      contactName: parsed.value.contactName ?? null,
    });
    return redirect(
      accommodationPath(event.id, `/hotels/${hotel.id}`),
      'accommodation.flash.saved',
    );
  }

  @Post('inventory')
  async inventory(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('hotelId') hotelId: string,
    @FormBody() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event, hotel } = await this.load(ctx, eventId, hotelId);
    const keys = Object.keys(body)
      .filter((k) => CELL.test(k))
      .slice(0, 300);
    const values: Record<string, unknown> = {};
    const cells = keys.map((key) => {
      const [, roomType, night] = CELL.exec(key)!;
      const raw = textOf(body, key) ?? '0';
      values[key] = raw;
      return { roomType, night, rooms: /^\d{1,4}$/.test(raw) ? Number(raw) : raw };
    });
    const parsed = await parseForm(ctx, PutInventoryDto, values, { cells });
    if (!parsed.ok) {
      // cells.3.rooms -> the input of that cell.
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(parsed.state.errors)) {
        const index = /^cells\.(\d+)/.exec(field)?.[1];
        errors[index !== undefined ? keys[Number(index)] : field] = message;
      }
      return new HtmlResponse(
        await this.page(ctx, actor, event, hotel, { inventoryForm: { values, errors } }),
        400,
      );
    }
    try {
      await this.hotels.putInventory(actor, event.id, hotel.id, parsed.value);
    } catch (e) {
      const notice = refusalText(ctx, e);
      if (!notice) throw e;
      return new HtmlResponse(
        await this.page(ctx, actor, event, hotel, { inventoryForm: emptyForm(values), notice }),
        409,
      );
    }
    return redirect(
      accommodationPath(event.id, `/hotels/${hotel.id}`),
      'accommodation.flash.saved',
    );
  }

  @Post('remove')
  async remove(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('hotelId') hotelId: string,
  ): Promise<PageResult> {
    const { actor, event, hotel } = await this.load(ctx, eventId, hotelId);
    try {
      await this.hotels.remove(actor, event.id, hotel.id);
    } catch (e) {
      const notice = refusalText(ctx, e);
      if (!notice) throw e;
      return new HtmlResponse(await this.page(ctx, actor, event, hotel, { notice }), 409);
    }
    return redirect(accommodationPath(event.id), 'accommodation.flash.saved');
  }

  @Get('rooming-list')
  async roomingList(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('hotelId') hotelId: string,
  ): Promise<PageResult> {
    const { actor, event, hotel } = await this.load(ctx, eventId, hotelId);
    const list = await this.lists.get(actor, event.id, hotel.id);
    return renderConsolePage(ctx, {
      event,
      section: 'accommodation',
      title: ctx.t.accommodation.list.title(hotel.name),
      children: (
        <RoomingListPage
          ctx={ctx}
          event={event}
          list={list}
          roomNames={new Map(hotel.rooms.map((r) => [r.id, roomName(ctx, r)]))}
        />
      ),
    });
  }

  @Get('rooming-list.csv')
  async csv(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('hotelId') hotelId: string,
    @Query() raw: Record<string, unknown>,
  ): Promise<PageResult> {
    const { actor, event, hotel } = await this.load(ctx, eventId, hotelId);
    const { filename, body } = await this.lists.csv(
      actor,
      event.id,
      hotel.id,
      csvSeparatorFor(ctx.locale, raw.separator),
    );
    return new Download(body, 'text/csv; charset=utf-8', filename, 'attachment');
  }

  @Post('rooming-list/sent')
  async markSent(
    @Web() ctx: WebContext,
    @Param('eventId') eventId: string,
    @Param('hotelId') hotelId: string,
  ): Promise<PageResult> {
    const { actor, event, hotel } = await this.load(ctx, eventId, hotelId);
    await this.lists.markSent(actor, event.id, hotel.id);
    return redirect(
      accommodationPath(event.id, `/hotels/${hotel.id}/rooming-list`),
      'accommodation.flash.sent',
    );
  }
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
