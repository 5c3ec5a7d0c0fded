import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, UuidParamPipe } from '#core';
import {
  AnnouncementResultView,
  AnnouncementsService,
  CreateAnnouncementDto,
  ListMessagesQueryDto,
  MessagesService,
  MessageView,
  RetryFailedResultView,
} from '#messaging';
import { CurrentActor } from '../auth/auth.decorators.js';

const EventId = new UuidParamPipe('Event');

@ApiTags('messages')
@ApiBearerAuth()
@Controller('events/:id')
export class EventMessagesController {
  constructor(
    private readonly announcements: AnnouncementsService,
    private readonly messages: MessagesService,
  ) {}

  /** One email per recipient, in their language; sent by the worker, not in this request. */
  @Post('announcements')
  @ApiCreatedResponse({ type: AnnouncementResultView })
  announce(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: CreateAnnouncementDto,
  ) {
    return this.announcements.announce(actor, id, dto);
  }

  @Get('messages')
  list(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Query() query: ListMessagesQueryDto,
  ) {
    return this.messages.list(actor, id, query);
  }

  /** Every failed email of the event back to the outbox; the worker sends each once. */
  @Post('messages/retry-failed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry every failed email of the event (organisers)' })
  @ApiOkResponse({ type: RetryFailedResultView })
  retryFailed(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    return this.messages.retryFailed(actor, id);
  }
}

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: MessageView })
  retry(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe('Message')) id: string) {
    return this.messages.retry(actor, id);
  }
}
