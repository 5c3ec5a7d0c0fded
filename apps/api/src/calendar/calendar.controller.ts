import { Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type CalendarFile, CalendarFeeds, CalendarService, CalendarTokenDto } from '#calendar';
import { type Actor, UuidParamPipe } from '#core';
import { CurrentActor, OptionalActor, Public } from '../auth/auth.decorators.js';
import { PRIVATE_NO_STORE, SecretUrl } from '../http/private-responses.guard.js';

const EventId = new UuidParamPipe('Event');
const SessionId = new UuidParamPipe('Session');

const ICS = {
  description: 'An iCalendar file (RFC 5545) with a VTIMEZONE for each event zone',
  content: { 'text/calendar': { schema: { type: 'string' } } },
};

/**
 * Who may fetch a file again without asking: a public agenda may sit in shared caches
 * for five minutes; anything fetched with a login or a secret URL is never stored
 * (private, no-store: PrivateResponsesGuard says so for every personal answer).
 * Bodies are stable between changes, so the ETag answers a refresh with a 304.
 */
function send(res: Response, file: CalendarFile, cache: string, disposition = 'attachment') {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', `${disposition}; filename="${file.filename}"`);
  res.setHeader('Cache-Control', cache);
  res.setHeader('Vary', 'Authorization');
  return file.content;
}

const sharedOrPrivate = (actor: Actor | undefined) =>
  actor ? PRIVATE_NO_STORE : 'public, max-age=300';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly feeds: CalendarFeeds,
  ) {}

  @Public()
  @Get('events/:id/calendar.ics')
  @ApiOperation({ summary: "The event's published agenda as a calendar file" })
  @ApiProduces('text/calendar')
  @ApiOkResponse(ICS)
  @ApiNotFoundResponse({ description: 'No such event, or a draft the caller does not run' })
  async event(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', EventId) id: string,
    @Res({ passthrough: true }) res: Response,
    @Query('lang') lang?: string,
  ) {
    return send(res, await this.calendars.eventCalendar(actor, id, lang), sharedOrPrivate(actor));
  }

  @Public()
  @Get('sessions/:id/calendar.ics')
  @ApiOperation({ summary: 'One session as a calendar file' })
  @ApiProduces('text/calendar')
  @ApiOkResponse(ICS)
  @ApiNotFoundResponse({ description: 'No such session, or one the caller may not see (a draft)' })
  async session(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', SessionId) id: string,
    @Res({ passthrough: true }) res: Response,
    @Query('lang') lang?: string,
  ) {
    return send(res, await this.calendars.sessionCalendar(actor, id, lang), sharedOrPrivate(actor));
  }

  @Get('me/calendar.ics')
  @ApiOperation({
    summary: 'My confirmed sessions and the plenaries of my events, as GET /me/agenda',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse(ICS)
  async mine(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.calendars.myCalendar(actor), PRIVATE_NO_STORE);
  }

  @Post('me/calendar-token')
  @ApiOperation({
    summary: 'Create or rotate my calendar subscription URL',
    description:
      'Returns a secret URL a calendar app can subscribe to without logging in. Calling it again ' +
      'replaces the URL: the previous one stops working at once.',
  })
  @ApiCreatedResponse({ type: CalendarTokenDto })
  rotate(@CurrentActor() actor: Actor): Promise<CalendarTokenDto> {
    return this.feeds.rotate(actor);
  }

  @Delete('me/calendar-token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke my calendar subscription URL' })
  @ApiNoContentResponse({ description: 'Revoked (or there was none)' })
  revoke(@CurrentActor() actor: Actor): Promise<void> {
    return this.feeds.revoke(actor);
  }

  // Public: calendar apps cannot send a bearer token, the secret in the path is the login.
  // configureApp keeps it out of the request logs.
  @Public()
  @Get('calendar/:token.ics')
  @ApiOperation({ summary: 'My agenda by subscription URL (from POST /me/calendar-token)' })
  @ApiParam({ name: 'token', description: 'The secret from the subscription URL' })
  @ApiProduces('text/calendar')
  @ApiOkResponse(ICS)
  @ApiNotFoundResponse({ description: 'Unknown, rotated or revoked URL' })
  @SecretUrl()
  async feed(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.calendars.feedCalendar(token), PRIVATE_NO_STORE, 'inline');
  }
}
