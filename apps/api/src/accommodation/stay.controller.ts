import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
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
import { PutStayNightsDto, PutStayPreferencesDto, Stays, type StayView } from '#accommodation';
import { type Actor, UuidParamPipe } from '#core';
import { CurrentActor } from '../auth/auth.decorators.js';

const RegistrationId = new UuidParamPipe('Registration');

/** A participant's stay: their own (or, for organisers, anyone's in their event). */
@ApiTags('accommodation')
@ApiBearerAuth()
@Controller('registrations/:id/stay')
export class StayController {
  constructor(private readonly stays: Stays) {}

  @Get()
  @ApiOperation({
    summary: 'Hotel (name, address), nights and roommates (names only), and the room wishes given',
  })
  @ApiOkResponse({ description: 'The stay' })
  @ApiNotFoundResponse({ description: 'No such registration, or not yours' })
  get(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string): Promise<StayView> {
    return this.stays.get(actor, id);
  }

  @Put()
  @ApiOperation({
    summary:
      'Room wishes: single or shared, who to share with, room accessibility needs, and whether the hotel may read them',
  })
  @ApiOkResponse({ description: 'The stay' })
  @ApiBadRequestResponse({
    description: 'A field is invalid; the message and details.field name it',
  })
  @ApiNotFoundResponse({ description: 'No such registration, or not yours' })
  @ApiConflictResponse({
    description: 'The registration is cancelled or rejected, or the event archived',
  })
  put(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: PutStayPreferencesDto,
  ): Promise<StayView> {
    return this.stays.putPreferences(actor, id, dto);
  }

  @Put('nights')
  @ApiOperation({
    summary: 'Organisers set the check-in and check-out; they hold over the flights until cleared',
  })
  @ApiOkResponse({ description: 'The stay' })
  @ApiBadRequestResponse({ description: 'checkIn or checkOut is invalid' })
  @ApiForbiddenResponse({ description: 'The participant themself: only organisers change dates' })
  @ApiNotFoundResponse({ description: 'No such registration, or not yours' })
  setNights(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
    @Body() dto: PutStayNightsDto,
  ): Promise<StayView> {
    return this.stays.setNights(actor, id, dto);
  }

  @Delete('nights')
  @ApiOperation({ summary: 'Organisers clear their dates: nights follow the flights again' })
  @ApiOkResponse({ description: 'The stay' })
  @ApiForbiddenResponse({ description: 'The participant themself: only organisers change dates' })
  @ApiNotFoundResponse({ description: 'No such registration, or not yours' })
  clearNights(
    @CurrentActor() actor: Actor,
    @Param('id', RegistrationId) id: string,
  ): Promise<StayView> {
    return this.stays.setNights(actor, id, null);
  }
}
