import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, UuidParamPipe } from '#core';
import {
  LetterSettingsService,
  type LetterSettingsView,
  PutLetterSettingsDto,
  VisaLetterRequestDto,
  VisaLetterRequests,
  type VisaLetterRequestView,
} from '#travel';
import { CurrentActor } from '../auth/auth.decorators.js';

const EventId = new UuidParamPipe('Event');
const RegistrationId = new UuidParamPipe('Registration');

/** An event's invitation letter: letterhead, signatory, consulate wording, who pays. */
@ApiTags('travel')
@ApiBearerAuth()
@Controller('events/:id/letter-settings')
export class LetterSettingsController {
  constructor(private readonly settings: LetterSettingsService) {}

  @Get()
  @ApiOperation({
    summary: "The event's invitation letter settings (organisers); images are described, not sent",
  })
  @ApiOkResponse({ description: 'The settings; every field null or empty until saved' })
  @ApiForbiddenResponse({ description: 'Not an organiser of this event' })
  @ApiNotFoundResponse({ description: 'No such event' })
  get(@CurrentActor() actor: Actor, @Param('id', EventId) id: string): Promise<LetterSettingsView> {
    return this.settings.get(actor, id);
  }

  @Put()
  @ApiOperation({
    summary: 'Replaces the letter settings (organisers)',
    description:
      'Texts are replaced (left out: none). `logo` and `signature` ({contentType, data: base64}) are ' +
      'kept when left out and removed when null; PNG or JPEG of at most 512 KB, checked by their bytes ' +
      '(400 with details.code image_type, image_too_large, image_unreadable).',
  })
  @ApiOkResponse({ description: 'The settings as saved' })
  @ApiBadRequestResponse({ description: 'A field is invalid; the message and details name it' })
  @ApiForbiddenResponse({ description: 'Not an organiser of this event' })
  @ApiNotFoundResponse({ description: 'No such event' })
  @ApiConflictResponse({ description: 'The event is archived' })
  put(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: PutLetterSettingsDto,
  ): Promise<LetterSettingsView> {
    return this.settings.put(actor, id, dto);
  }
}

/** What only the letter needs, asked when it is requested: the participant and organisers. */
@ApiTags('travel')
@ApiBearerAuth()
@Controller('registrations/:id/visa-letter-request')
export class VisaLetterRequestController {
  constructor(private readonly requests: VisaLetterRequests) {}

  @Get()
  @ApiOperation({
    summary: 'Date of birth, passport issue date and consulate given for the invitation letter',
  })
  @ApiOkResponse({ description: 'The details on file (null until given) and the visa status' })
  @ApiNotFoundResponse({ description: 'No such registration, or not yours' })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
  ): Promise<VisaLetterRequestView> {
    return this.requests.get(actor, id);
  }

  @Put()
  @ApiOperation({
    summary: 'Asks for the invitation letter with the details it needs',
    description:
      'Date of birth and passport issue date are stored encrypted and erased with the passport. ' +
      'A plan not yet asking for a letter moves to letter_requested.',
  })
  @ApiOkResponse({ description: 'The details as saved and the visa status' })
  @ApiBadRequestResponse({ description: 'A field is invalid; the message and details name it' })
  @ApiNotFoundResponse({ description: 'No such registration, or not yours' })
  @ApiConflictResponse({ description: 'The registration is cancelled or rejected, or archived' })
  put(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: VisaLetterRequestDto,
  ): Promise<VisaLetterRequestView> {
    return this.requests.put(actor, id, dto);
  }
}
