import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, type Locale, UuidParamPipe } from '#core';
import {
  CreateProgrammeDto,
  EventProgrammeDto,
  ProgrammeQueryDto,
  ProgrammesService,
  UpdateProgrammeDto,
} from '#exchanges';
import { ReaderLocale } from '../agenda/reader-locale.decorator.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import {
  EventProgrammeResponse,
  ExchangeErrorResponse,
  ProgrammeResponse,
  ProgrammeSummaryResponse,
} from './exchanges.responses.js';

const ProgrammeId = new UuidParamPipe('Programme');
const ERROR = (description: string) => ({ type: ExchangeErrorResponse, description });

/** The network's programme of the year: its immersions and meetings in one view. */
@ApiTags('exchanges')
@ApiBearerAuth()
@Controller()
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Get('api/programmes')
  @ApiOperation({ summary: 'The programmes (anyone signed in)' })
  @ApiOkResponse({ type: [ProgrammeSummaryResponse] })
  list(@ReaderLocale() locale: Locale | undefined) {
    return this.programmes.list(locale ?? 'en');
  }

  @Post('api/programmes')
  @ApiOperation({ summary: 'Start a programme (platform admins and event organisers)' })
  @ApiCreatedResponse({ type: ProgrammeSummaryResponse })
  @ApiBadRequestResponse(ERROR('A field is missing or wrong (details.field)'))
  @ApiForbiddenResponse(ERROR('Not an admin or organiser'))
  @ApiConflictResponse(ERROR('The slug is taken'))
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateProgrammeDto,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.programmes.create(actor, dto, locale);
  }

  @Get('api/programmes/:id')
  @ApiOperation({
    summary: 'A programme (by id) with its gatherings, filtered, and its figures',
    description:
      'Filters: partner (an organisation taking part), country (of the venue or of a partner), year. Figures count what the filters leave.',
  })
  @ApiOkResponse({ type: ProgrammeResponse })
  @ApiBadRequestResponse(ERROR('A filter is malformed (details.field)'))
  @ApiNotFoundResponse(ERROR('Unknown programme'))
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ProgrammeId) id: string,
    @Query() query: ProgrammeQueryDto,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.programmes.view(actor, id, query, locale ?? 'en');
  }

  @Patch('api/programmes/:id')
  @ApiOperation({ summary: 'Change a programme (platform admins and event organisers)' })
  @ApiOkResponse({ type: ProgrammeSummaryResponse })
  @ApiBadRequestResponse(ERROR('A field is wrong (details.field)'))
  @ApiForbiddenResponse(ERROR('Not an admin or organiser'))
  @ApiNotFoundResponse(ERROR('Unknown programme'))
  @ApiConflictResponse(ERROR('The slug is taken'))
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ProgrammeId) id: string,
    @Body() dto: UpdateProgrammeDto,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.programmes.update(actor, id, dto, locale);
  }

  @Delete('api/programmes/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a programme (its events stay, outside any programme)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse(ERROR('Not an admin or organiser'))
  @ApiNotFoundResponse(ERROR('Unknown programme'))
  remove(@CurrentActor() actor: Actor, @Param('id', ProgrammeId) id: string) {
    return this.programmes.remove(actor, id);
  }

  @Put('events/:id/programme')
  @ApiOperation({
    summary: "File an event in a programme, or take it out (the event's organisers)",
  })
  @ApiOkResponse({ type: EventProgrammeResponse })
  @ApiBadRequestResponse(ERROR('Unknown programme (details.field programmeId)'))
  @ApiForbiddenResponse(ERROR('Not an organiser of the event'))
  @ApiNotFoundResponse(ERROR('Unknown event'))
  setEventProgramme(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParamPipe('Event')) id: string,
    @Body() dto: EventProgrammeDto,
  ) {
    return this.programmes.setEventProgramme(actor, id, dto.programmeId);
  }
}
