import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, type Locale, UuidParamPipe } from '#core';
import {
  AddStaffDto,
  CreateEventDto,
  type EventTransition,
  EventsService,
  ListEventsQueryDto,
  STAFF_ROLES,
  UpdateEventDto,
} from '#events';
import { ReaderLocale } from '../agenda/reader-locale.decorator.js';
import { CurrentActor, OptionalActor, Public } from '../auth/auth.decorators.js';

const EventId = new UuidParamPipe('Event');
const AccountId = new UuidParamPipe('Account');

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Public()
  @Get()
  list(
    @OptionalActor() actor: Actor | undefined,
    @Query() query: ListEventsQueryDto,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.events.list(actor, query, locale);
  }

  @Public()
  @Get(':id')
  get(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', EventId) id: string,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.events.get(actor, id, locale);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEventDto) {
    return this.events.create(actor, dto);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: UpdateEventDto,
  ) {
    return this.events.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.events.remove(actor, id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.transition(actor, id, 'publish');
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.transition(actor, id, 'close');
  }

  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.transition(actor, id, 'reopen');
  }

  @Post(':id/archive')
  @HttpCode(200)
  archive(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.transition(actor, id, 'archive');
  }

  @Get(':id/staff')
  staff(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.events.listStaff(actor, id);
  }

  @Post(':id/staff')
  addStaff(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: AddStaffDto,
  ) {
    return this.events.addStaff(actor, id, dto);
  }

  @Delete(':id/staff/:accountId/:role')
  @HttpCode(204)
  @ApiParam({ name: 'role', enum: STAFF_ROLES })
  removeStaff(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('accountId', AccountId) accountId: string,
    @Param('role') role: string,
  ) {
    return this.events.removeStaff(actor, id, accountId, role);
  }

  private transition(actor: Actor, id: string, name: EventTransition) {
    return this.events.transition(actor, id, name);
  }
}
