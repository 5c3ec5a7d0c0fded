import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, badRequest, isUuid, UuidParamPipe } from '#core';
import { Badges, type BadgeFile, CheckIns, DoorAttendance, ScanBadgeDto } from '#onsite';
import { CurrentActor } from '../auth/auth.decorators.js';
import {
  CheckInResponse,
  DoorAttendanceResponse,
  OnsiteErrorResponse,
} from './onsite.responses.js';

const EventId = new UuidParamPipe('Event');
const RegistrationId = new UuidParamPipe('Registration');

const pdfFile = ({ filename, pdf }: BadgeFile) =>
  new StreamableFile(pdf, {
    type: 'application/pdf',
    disposition: `attachment; filename="${filename}"`,
    length: pdf.length,
  });

/** `?ids=a,b,c`: registration ids, each a UUID (400 naming the field otherwise). */
function idsFrom(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  // ?ids=a&ids=b arrives as an array: both spellings are accepted.
  const parts = Array.isArray(raw) ? raw : [raw];
  if (!parts.every((p) => typeof p === 'string')) {
    throw badRequest('ids must be registration ids separated by commas', {
      field: 'ids',
      reason: 'invalid_ids',
    });
  }
  const ids = (parts as string[]).flatMap((p) => p.split(',')).map((s) => s.trim());
  if (ids.length > 1000 || !ids.every(isUuid)) {
    throw badRequest('ids must be registration ids separated by commas', {
      field: 'ids',
      reason: 'invalid_ids',
    });
  }
  return ids;
}

/** A participant's badge (the holder and the event's organisers). */
@ApiTags('onsite')
@ApiBearerAuth()
@Controller('registrations/:id')
export class RegistrationBadgeController {
  constructor(private readonly badges: Badges) {}

  @Get('badge.pdf')
  @ApiOperation({ summary: 'The badge of a confirmed registration (PDF, A4 with cut lines)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The badge: name, organisation, country, role, QR code' })
  @ApiNotFoundResponse({
    type: OnsiteErrorResponse,
    description: 'Not the holder nor an organiser',
  })
  @ApiConflictResponse({
    type: OnsiteErrorResponse,
    description: 'badge_unavailable: not confirmed',
  })
  async badge(@CurrentActor() actor: Actor, @Param('id', RegistrationId) id: string) {
    return pdfFile(await this.badges.forRegistration(actor, id));
  }
}

/** An event's badge sheets and its front desk (organisers). */
@ApiTags('onsite')
@ApiBearerAuth()
@Controller('events/:id')
export class EventOnsiteController {
  constructor(
    private readonly badges: Badges,
    private readonly checkIns: CheckIns,
  ) {}

  @Get('badges.pdf')
  @ApiOperation({
    summary: 'Badge sheets of the confirmed registrations (A4, six per sheet, cut lines)',
  })
  @ApiProduces('application/pdf')
  @ApiQuery({
    name: 'ids',
    required: false,
    description: 'Only these registrations (ids separated by commas)',
  })
  @ApiOkResponse({ description: 'The sheets' })
  @ApiBadRequestResponse({ type: OnsiteErrorResponse, description: 'ids: not registration ids' })
  @ApiForbiddenResponse({ type: OnsiteErrorResponse, description: 'Staff who are not organisers' })
  @ApiNotFoundResponse({
    type: OnsiteErrorResponse,
    description: 'Unknown event, or not its staff',
  })
  async sheets(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Query('ids') ids?: unknown,
  ) {
    return pdfFile(await this.badges.forEvent(actor, id, idsFrom(ids)));
  }

  @Post('check-ins')
  @ApiOperation({
    summary:
      'Checks a badge in for the day (event’s zone): 201 the first time, 200 "already checked in at 08:52" after',
  })
  @ApiCreatedResponse({ type: CheckInResponse, description: 'Checked in now' })
  @ApiOkResponse({ type: CheckInResponse, description: 'Already checked in today' })
  @ApiBadRequestResponse({ type: OnsiteErrorResponse, description: 'code missing or too long' })
  @ApiForbiddenResponse({ type: OnsiteErrorResponse, description: 'Staff who are not organisers' })
  @ApiNotFoundResponse({
    type: OnsiteErrorResponse,
    description: 'badge_not_valid (unknown, unreadable or another event’s), or not its staff',
  })
  @ApiConflictResponse({
    type: OnsiteErrorResponse,
    description: 'badge_revoked: the registration was cancelled or rejected; event_archived',
  })
  async checkIn(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() dto: ScanBadgeDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.checkIns.checkInByCode(actor, id, dto.code);
    res.status(result.status === 'checked_in' ? 201 : 200);
    return result;
  }
}

/** Attendance at a session's door (organisers and the session's facilitators). */
@ApiTags('onsite')
@ApiBearerAuth()
@Controller('sessions/:id')
export class SessionDoorController {
  constructor(private readonly door: DoorAttendance) {}

  @Post('attendance')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Counts a badge at the session’s door, from 60 minutes before it starts until it ends: 201, or 200 when already counted',
  })
  @ApiCreatedResponse({ type: DoorAttendanceResponse, description: 'Counted now' })
  @ApiOkResponse({ type: DoorAttendanceResponse, description: 'Already counted' })
  @ApiBadRequestResponse({ type: OnsiteErrorResponse, description: 'code missing or too long' })
  @ApiForbiddenResponse({
    type: OnsiteErrorResponse,
    description: 'Hosts and staff who neither organise nor facilitate this session',
  })
  @ApiNotFoundResponse({
    type: OnsiteErrorResponse,
    description: 'badge_not_valid, or not its staff',
  })
  @ApiConflictResponse({
    type: OnsiteErrorResponse,
    description:
      'attendance_window (details.opensAt, closesAt), badge_revoked, session_not_published',
  })
  async attend(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParamPipe('Session')) id: string,
    @Body() dto: ScanBadgeDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.door.markByCode(actor, id, dto.code);
    res.status(result.status === 'attended' ? 201 : 200);
    return result;
  }
}
