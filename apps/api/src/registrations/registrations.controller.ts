import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, UuidParamPipe } from '#core';
import {
  CreateRegistrationDto,
  ListRegistrationsQueryDto,
  ReasonDto,
  RegistrationReports,
  RegistrationsService,
  RegistrationWorkflow,
  UpdateRegistrationDto,
} from '#registrations';
import { CurrentActor } from '../auth/auth.decorators.js';

const EventId = new UuidParamPipe('Event');
const RegistrationId = new UuidParamPipe('Registration');

/** Registrations seen from an event: register, the organisers' list and CSV, the numbers. */
@ApiTags('registrations')
@ApiBearerAuth()
@Controller('events/:id')
export class EventRegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly reports: RegistrationReports,
  ) {}

  @Post('registrations')
  create(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: CreateRegistrationDto,
  ) {
    return this.registrations.create(actor, id, dto);
  }

  @Get('registrations/prefill')
  prefill(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.registrations.prefill(actor, id);
  }

  @Get('registrations')
  @ApiProduces('application/json', 'text/csv')
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Query() query: ListRegistrationsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (query.format !== 'csv') return this.reports.list(actor, id, query);
    const { filename, body } = await this.reports.csv(actor, id, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }

  @Get('stats')
  stats(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.reports.stats(actor, id);
  }
}

@ApiTags('registrations')
@ApiBearerAuth()
@Controller()
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly workflow: RegistrationWorkflow,
  ) {}

  @Get('me/registrations')
  mine(@CurrentActor() actor: Actor) {
    return this.registrations.mine(actor);
  }

  @Get('registrations/:id')
  get(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.registrations.get(actor, id);
  }

  @Patch('registrations/:id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: UpdateRegistrationDto,
  ) {
    return this.registrations.update(actor, id, dto);
  }

  @Post('registrations/:id/approve')
  @HttpCode(200)
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: ReasonDto,
  ) {
    return this.workflow.approve(actor, id, dto.reason);
  }

  @Post('registrations/:id/reject')
  @HttpCode(200)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: ReasonDto,
  ) {
    return this.workflow.reject(actor, id, dto.reason);
  }

  @Post('registrations/:id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: ReasonDto,
  ) {
    return this.workflow.cancel(actor, id, dto.reason);
  }

  @Get('registrations/:id/history')
  history(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.workflow.history(actor, id);
  }

  @Get('registrations/:id/editions')
  editions(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.workflow.editions(actor, id);
  }
}
