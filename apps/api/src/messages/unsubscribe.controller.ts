import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '#core';
import { type UnsubscribeState, UnsubscribeService } from '#messaging';

class UnsubscribeStateView implements UnsubscribeState {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'Communities of Practice and Knowledge — Tangier 2027' })
  eventName!: string;
  @ApiProperty({
    description: "True once this address gets the event's optional announcements no more",
  })
  unsubscribed!: boolean;
}

/**
 * The List-Unsubscribe link of an optional announcement (RFC 2369) and its one-click
 * POST (RFC 8058). Public: the signed token in the path is the proof, nothing else is
 * asked. A GET changes nothing (link checkers and previews open links).
 */
@ApiTags('messages')
// Prefixed here: /unsubscribe/<token> is the page's (see web-routes.ts).
@Controller('api/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'What an unsubscribe link names, and whether it is already in effect' })
  @ApiOkResponse({ type: UnsubscribeStateView })
  @ApiNotFoundResponse({ description: 'The link is not one Convene wrote' })
  state(@Param('token') token: string): Promise<UnsubscribeState> {
    return this.unsubscribes.state(token);
  }

  @Public()
  @Post(':token')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Stop the event's optional announcements for this address (RFC 8058 one-click; required service emails still go)",
  })
  @ApiOkResponse({ type: UnsubscribeStateView })
  @ApiNotFoundResponse({ description: 'The link is not one Convene wrote' })
  unsubscribe(@Param('token') token: string): Promise<UnsubscribeState> {
    return this.unsubscribes.unsubscribe(token);
  }
}
