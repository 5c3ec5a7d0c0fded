import {
  Body,
  Controller,
  Get,
  Param,
  Patch,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, UuidParamPipe } from '#core';
import {
  Arrivals,
  ArrivalsQueryDto,
  ListVisasQueryDto,
  MoveVisaDto,
  PutTravelPlanDto,
  PutVisaRulesDto,
  TravelPlans,
  VisaLetters,
  VisaReports,
  VisaRulesService,
  VisaStatuses,
} from '#travel';
import { CurrentActor } from '../auth/auth.decorators.js';

const EventId = new UuidParamPipe('Event');
const RegistrationId = new UuidParamPipe('Registration');

/** A registration's travel: plan, visa status, invitation letter (owner and organisers). */
@ApiTags('travel')
@ApiBearerAuth()
@Controller('registrations/:id')
export class RegistrationTravelController {
  constructor(
    private readonly plans: TravelPlans,
    private readonly visas: VisaStatuses,
    private readonly letters: VisaLetters,
  ) {}

  @Get('travel')
  @ApiOperation({
    summary: 'The travel plan: passport (number masked except for its holder), visa, flights',
  })
  get(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return this.plans.get(actor, id);
  }

  @Put('travel')
  @ApiOperation({
    summary: 'Sets the sections sent (passport, arrival, departure); null removes one',
  })
  put(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: PutTravelPlanDto,
  ) {
    return this.plans.put(actor, id, dto);
  }

  @Patch('visa')
  @ApiOperation({
    summary: 'Moves the visa status (organisers); a participant may ask for a letter',
  })
  moveVisa(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: MoveVisaDto,
  ) {
    return this.visas.move(actor, id, dto);
  }

  @Get('visa-letter.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description:
      'The invitation letter in the participant’s language. Opened by an organiser while ' +
      'letter_requested, it is issued (letter_issued, recorded, emailed); its holder can download it once issued.',
  })
  async letter(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    const { filename, pdf } = await this.letters.letter(actor, id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
      length: pdf.length,
    });
  }
}

/** An event's visa rules, visa board and arrivals (organisers; hosts see arrivals). */
@ApiTags('travel')
@ApiBearerAuth()
@Controller('events/:id')
export class EventTravelController {
  constructor(
    private readonly rules: VisaRulesService,
    private readonly reports: VisaReports,
    private readonly arrivals: Arrivals,
  ) {}

  @Get('visa-rules')
  getRules(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.rules.get(actor, id);
  }

  @Put('visa-rules')
  putRules(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: PutVisaRulesDto,
  ) {
    return this.rules.put(actor, id, dto);
  }

  @Get('visas')
  visas(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Query() query: ListVisasQueryDto,
  ) {
    return this.reports.list(actor, id, query);
  }

  @Get('arrivals')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Confirmed arrivals in pick-up groups (same airport, within 90 minutes), event time',
    description:
      "Organisers and hosts. Participants' phones are the organisers' only: for a host every " +
      '`phone` is null and the CSV has no Phone column. `?format=csv` (add `separator=semicolon` ' +
      "for French and Spanish Excel) is the airport team's sheet; never passports.",
  })
  async listArrivals(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Query() query: ArrivalsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (query.format !== 'csv') return this.arrivals.list(actor, id, query);
    const { filename, body } = await this.arrivals.csv(actor, id, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
