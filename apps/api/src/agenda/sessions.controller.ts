import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AttendanceDto,
  CreateSignupDto,
  MoveSignupDto,
  OrganiserSignups,
  SessionsService,
  SessionWriter,
  SignupListQueryDto,
  SignupLists,
  SignupsService,
  UpdateSessionDto,
} from '#agenda';
import { type Actor, type Locale, UuidParamPipe } from '#core';
import { CurrentActor, OptionalActor, Public } from '../auth/auth.decorators.js';
import { ReaderLocale } from './reader-locale.decorator.js';

const SessionId = new UuidParamPipe('Session');
const SignupId = new UuidParamPipe('Sign-up');

@ApiTags('agenda')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly writer: SessionWriter,
    private readonly signups: SignupsService,
    private readonly organisers: OrganiserSignups,
    private readonly lists: SignupLists,
  ) {}

  @Public()
  @Get(':id')
  get(
    @OptionalActor() actor: Actor | undefined,
    @Param('id', SessionId) id: string,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.sessions.get(actor, id, locale);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', SessionId) id: string,
    @Body() dto: UpdateSessionDto,
  ) {
    return this.writer.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', SessionId) id: string) {
    return this.writer.remove(actor, id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id', SessionId) id: string) {
    return this.writer.setStatus(actor, id, 'published');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', SessionId) id: string) {
    return this.writer.setStatus(actor, id, 'cancelled');
  }

  @Post(':id/signups')
  signUp(
    @CurrentActor() actor: Actor,
    @Param('id', SessionId) id: string,
    @Body() dto: CreateSignupDto,
  ) {
    return this.signups.signUp(actor, id, dto);
  }

  @Delete(':id/signups/me')
  @HttpCode(204)
  cancelMine(@CurrentActor() actor: Actor, @Param('id', SessionId) id: string) {
    return this.signups.cancelMine(actor, id);
  }

  @Get(':id/signups')
  @ApiOperation({
    summary: "A session's list of people (a site visit's bus list), JSON or `?format=csv`",
    description:
      "Organisers and the session's facilitators see each person's own mobile and emergency " +
      'contact; hosts (site visits of an event they host) see the emergency contacts of the ' +
      'people on the bus, never their mobiles (`phone` null, the CSV phone column empty).',
  })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', SessionId) id: string,
    @Query() query: SignupListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (query.format !== 'csv') return this.lists.list(actor, id);
    const csv = await this.lists.listCsv(actor, id, { separator: query.separator });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${csv.filename}"`);
    return csv.body;
  }

  @Delete(':id/signups/:signupId')
  @HttpCode(204)
  removeSignup(
    @CurrentActor() actor: Actor,
    @Param('id', SessionId) id: string,
    @Param('signupId', SignupId) signupId: string,
  ) {
    return this.organisers.remove(actor, id, signupId);
  }

  @Post(':id/signups/:signupId/move')
  @HttpCode(200)
  move(
    @CurrentActor() actor: Actor,
    @Param('id', SessionId) id: string,
    @Param('signupId', SignupId) signupId: string,
    @Body() dto: MoveSignupDto,
  ) {
    return this.organisers.move(actor, id, signupId, dto.toSessionId);
  }

  @Patch(':id/signups/:signupId/attendance')
  @ApiOperation({
    summary: 'Mark whether a confirmed person came (once the session or its bus has started)',
    description: "Organisers and the session's facilitators only: 403 for hosts and anyone else.",
  })
  attendance(
    @CurrentActor() actor: Actor,
    @Param('id', SessionId) id: string,
    @Param('signupId', SignupId) signupId: string,
    @Body() dto: AttendanceDto,
  ) {
    return this.organisers.markAttendance(actor, id, signupId, dto.attended);
  }
}
