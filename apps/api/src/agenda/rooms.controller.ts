import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateRoomDto, RoomsService, UpdateRoomDto } from '#agenda';
import { type Actor, UuidParamPipe } from '#core';
import { CurrentActor, OptionalActor, Public } from '../auth/auth.decorators.js';

const EventId = new UuidParamPipe('Event');
const RoomId = new UuidParamPipe('Room');

@ApiTags('agenda')
@ApiBearerAuth()
@Controller('events/:id/rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Public()
  @Get()
  list(@OptionalActor() actor: Actor | undefined, @Param('id', EventId) id: string) {
    return this.rooms.list(actor, id);
  }

  @Public()
  @Get(':roomId')
  get(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', EventId) id: string,
    @Param('roomId', RoomId) roomId: string,
  ) {
    return this.rooms.get(actor, id, roomId);
  }

  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: CreateRoomDto,
  ) {
    return this.rooms.create(actor, id, dto);
  }

  @Patch(':roomId')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('roomId', RoomId) roomId: string,
    @Body() dto: UpdateRoomDto,
  ) {
    return this.rooms.update(actor, id, roomId, dto);
  }

  @Delete(':roomId')
  @HttpCode(204)
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('roomId', RoomId) roomId: string,
  ) {
    return this.rooms.remove(actor, id, roomId);
  }
}
