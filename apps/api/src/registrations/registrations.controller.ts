import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, UuidParamPipe } from '#core';
import {
  ConsentAnswerDto,
  CreateRegistrationDto,
  RegisterOnBehalfDto,
  RegistrationConsent,
  ListRegistrationsQueryDto,
  ReasonDto,
  RegistrationReports,
  RegistrationsService,
  RegistrationWorkflow,
  UpdateRegistrationDto,
} from '#registrations';
import { CurrentActor, OptionalActor, Public } from '../auth/auth.decorators.js';
import { SecretUrl } from '../http/private-responses.guard.js';

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
    private readonly consent: RegistrationConsent,
  ) {}

  @Post('registrations')
  create(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: CreateRegistrationDto,
  ) {
    return this.registrations.create(actor, id, dto);
  }

  @Post('registrations/on-behalf')
  @ApiCreatedResponse({
    description:
      'Organisers register someone by email (a new address gets an account without a password). ' +
      'The registration is awaiting_consent: no seat, counted nowhere, until the person agrees ' +
      'from the emailed link or signed in (POST /api/registrations/{id}/consent).',
  })
  async onBehalf(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: RegisterOnBehalfDto,
  ) {
    return (await this.consent.registerOnBehalf(actor, id, dto)).registration;
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
  ) {
    if (query.format !== 'csv') return this.reports.list(actor, id, query);
    // The file's bytes as they are: no ETag over megabytes that are never cached.
    const { filename, body } = await this.reports.csv(actor, id, query);
    return new StreamableFile(body, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${filename}"`,
      length: body.length,
    });
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
    private readonly consent: RegistrationConsent,
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

  @Public()
  @SecretUrl()
  @Post('registrations/:id/consent')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The person answers a registration an organiser made for them: signed in as that person, ' +
      'or with the token of the emailed link. Agreeing gives a seat or a waiting-list place; ' +
      'declining cancels. Anyone else: 404.',
  })
  answerConsent(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', RegistrationId) id: string,
    @Body() dto: ConsentAnswerDto,
  ) {
    return this.consent.answer(actor, id, dto.token, dto.agree, dto.locale ?? 'en');
  }

  @Post('registrations/:id/consent/resend')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Organisers: the consent email again, with a new link' })
  resendConsent(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.consent.resend(actor, id);
  }

  @Get('registrations/:id/history')
  @ApiOkResponse({
    description:
      'The status changes, oldest first: for the organisers, and for the person it belongs to',
  })
  history(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.workflow.history(actor, id);
  }

  @Get('registrations/:id/editions')
  @ApiOkResponse({
    description: "This person's registrations for the editions the caller organises (admins: all)",
  })
  editions(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.workflow.editions(actor, id);
  }
}
