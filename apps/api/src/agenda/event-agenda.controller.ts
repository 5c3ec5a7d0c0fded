import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AgendaQueryDto,
  AgendaService,
  CreateSessionDto,
  ListSessionsQueryDto,
  MyAgendaQueryDto,
  PublishAgendaDto,
  SessionsService,
  SessionWriter,
} from '#agenda';
import { type Actor, type Locale, UuidParamPipe } from '#core';
import { CurrentActor, OptionalActor, Public } from '../auth/auth.decorators.js';
import { ReaderLocale } from './reader-locale.decorator.js';

const EventId = new UuidParamPipe('Event');

@ApiTags('agenda')
@ApiBearerAuth()
@Controller()
export class EventAgendaController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly writer: SessionWriter,
    private readonly agendas: AgendaService,
  ) {}

  @Public()
  @Get('events/:id/sessions')
  list(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', EventId) id: string,
    @Query() query: ListSessionsQueryDto,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.sessions.list(actor, id, query, locale);
  }

  @Post('events/:id/sessions')
  create(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: CreateSessionDto,
  ) {
    return this.writer.create(actor, id, dto);
  }

  @Post('events/:id/agenda/publish')
  @HttpCode(200)
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: PublishAgendaDto,
  ) {
    return this.sessions.publishAgenda(actor, id, { force: dto.force === true });
  }

  @Public()
  @Get('events/:id/agenda')
  agenda(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', EventId) id: string,
    @Query() query: AgendaQueryDto,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.agendas.agenda(actor, id, query, locale);
  }

  @Get('events/:id/conflicts')
  conflicts(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.agendas.conflicts(actor, id);
  }

  @Get('me/agenda')
  mine(
    @CurrentActor() actor: Actor,
    @Query() query: MyAgendaQueryDto,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.agendas.myAgenda(actor, query, locale);
  }
}
