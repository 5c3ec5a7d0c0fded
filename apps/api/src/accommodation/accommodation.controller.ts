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
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AssignRoomDto,
  CreateHotelDto,
  Hotels,
  PutInventoryDto,
  RenameRoomDto,
  RoomAssignments,
  RoomingLists,
  RoomingListQueryDto,
  UnassignQueryDto,
  UpdateHotelDto,
} from '#accommodation';
import { type Actor, UuidParamPipe } from '#core';
import { CurrentActor } from '../auth/auth.decorators.js';

const EventId = new UuidParamPipe('Event');
const HotelId = new UuidParamPipe('Hotel');
const RoomId = new UuidParamPipe('Room');
const RegistrationId = new UuidParamPipe('Registration');

const NOT_FOUND = 'No such event or hotel, or the caller does not organise this event';
const BAD = 'A field is invalid; the message and details.field name it';

/** Hotels, rooms per night, assignments and the rooming list: the event's organisers only. */
@ApiTags('accommodation')
@ApiBearerAuth()
@Controller('events/:id/accommodation')
export class AccommodationController {
  constructor(
    private readonly hotels: Hotels,
    private readonly assignments: RoomAssignments,
    private readonly lists: RoomingLists,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Occupancy: every room per night with who sleeps there, each person’s nights, who is unassigned',
    description:
      'Nights come from the organiser’s dates, else the flights (arrival night to departure morning, event zone), else the event’s dates; they follow flight changes.',
  })
  @ApiOkResponse({ description: 'Hotels with rooms per night, guests and the unassigned' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  occupancy(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.assignments.occupancy(actor, id);
  }

  @Get('hotels')
  @ApiOperation({ summary: 'The event’s hotels with rooms booked per night and type' })
  @ApiOkResponse({ description: 'Hotels in the order they were added' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  list(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.hotels.list(actor, id);
  }

  @Post('hotels')
  @ApiOperation({ summary: 'Adds a hotel (name, address, city, contact)' })
  @ApiCreatedResponse({ description: 'The hotel, no rooms booked yet' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'The event is archived' })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: CreateHotelDto,
  ) {
    return this.hotels.create(actor, id, dto);
  }

  @Get('hotels/:hotelId')
  @ApiOperation({ summary: 'One hotel with its rooms and rooms booked per night' })
  @ApiOkResponse({ description: 'The hotel' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('hotelId', HotelId) hotelId: string,
  ) {
    return this.hotels.get(actor, id, hotelId);
  }

  @Patch('hotels/:hotelId')
  @ApiOperation({ summary: 'Changes a hotel’s details' })
  @ApiOkResponse({ description: 'The hotel' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'The event is archived' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('hotelId', HotelId) hotelId: string,
    @Body() dto: UpdateHotelDto,
  ) {
    return this.hotels.update(actor, id, hotelId, dto);
  }

  @Delete('hotels/:hotelId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a hotel nobody is assigned to' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'People sleep there (details.reason hotel_in_use)' })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('hotelId', HotelId) hotelId: string,
  ) {
    await this.hotels.remove(actor, id, hotelId);
  }

  @Put('hotels/:hotelId/inventory')
  @ApiOperation({
    summary: 'Sets rooms booked per type (single, twin, double) and night; creates the rooms',
    description:
      'Cells left out keep their value. Lowering a night below the rooms in use is a 409.',
  })
  @ApiOkResponse({ description: 'The hotel with its rooms' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'details.reason rooms_in_use, or the event is archived' })
  inventory(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('hotelId', HotelId) hotelId: string,
    @Body() dto: PutInventoryDto,
  ) {
    return this.hotels.putInventory(actor, id, hotelId, dto);
  }

  @Patch('rooms/:roomId')
  @ApiOperation({
    summary: 'Names a room as the hotel does ("Room 12"); null goes back to "Twin 3"',
  })
  @ApiOkResponse({ description: 'The room' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiNotFoundResponse({ description: 'No such room in this event' })
  rename(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('roomId', RoomId) roomId: string,
    @Body() dto: RenameRoomDto,
  ) {
    return this.hotels.renameRoom(actor, id, roomId, dto);
  }

  @Put('assignments/:registrationId')
  @ApiOperation({
    summary:
      'Puts a confirmed participant in a room (every night of their stay, or the nights given); moves them',
    description:
      'All or nothing. The database refuses a night the room is full or not booked (409, details.reason room_full or room_not_booked, details.night), also when two organisers assign at once.',
  })
  @ApiOkResponse({ description: 'The person’s nights and rooms' })
  @ApiBadRequestResponse({ description: 'nights holds a date outside the person’s stay' })
  @ApiNotFoundResponse({ description: 'No such event, room or registration in this event' })
  @ApiConflictResponse({ description: 'room_full, room_not_booked or not_confirmed' })
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('registrationId', RegistrationId) registrationId: string,
    @Body() dto: AssignRoomDto,
  ) {
    return this.assignments.assign(actor, id, registrationId, dto);
  }

  @Delete('assignments/:registrationId')
  @ApiOperation({ summary: 'Takes a person out of their room (every night, or ?night=)' })
  @ApiOkResponse({ description: 'The person’s nights and rooms' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiNotFoundResponse({ description: 'No such event or registration in this event' })
  unassign(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('registrationId', RegistrationId) registrationId: string,
    @Query() query: UnassignQueryDto,
  ) {
    return this.assignments.unassign(actor, id, registrationId, query.night);
  }

  @Post('suggestion')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fills rooms for everyone without one, respecting wishes',
    description:
      'Single wishes first, then named roommates, then pairs of the same organisation, then a common language. Gender is not known and never guessed. People already placed stay.',
  })
  @ApiOkResponse({ description: '{placed, unassigned}' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'The event is archived' })
  suggest(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.assignments.suggest(actor, id);
  }

  @Get('hotels/:hotelId/rooming-list')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'The hotel’s rooming list: per night and room, names, check-in and check-out',
    description:
      'Special needs only where the participant agreed to share them; never passports, phones or emails. After it was marked sent, `changes` lists what changed since (added, removed, dates, room). `?format=csv` (separator=semicolon for French and Spanish Excel).',
  })
  @ApiOkResponse({ description: 'The list' })
  @ApiBadRequestResponse({ description: BAD })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async roomingList(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('hotelId', HotelId) hotelId: string,
    @Query() query: RoomingListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (query.format !== 'csv') return this.lists.get(actor, id, hotelId);
    const { filename, body } = await this.lists.csv(actor, id, hotelId, query.separator);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }

  @Post('hotels/:hotelId/rooming-list/sent')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Marks the rooming list sent to the hotel (keeps a copy to compare with)',
  })
  @ApiOkResponse({ description: 'The list, with sentAt and no changes yet' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'The event is archived' })
  markSent(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('hotelId', HotelId) hotelId: string,
  ) {
    return this.lists.markSent(actor, id, hotelId);
  }
}
