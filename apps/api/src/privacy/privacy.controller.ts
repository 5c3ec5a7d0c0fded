import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, UuidParamPipe } from '#core';
import { AccountErasure, PersonalDataExport, PersonalDataRetention } from '#privacy';
import { CurrentActor } from '../auth/auth.decorators.js';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller()
export class PrivacyController {
  constructor(
    private readonly retention: PersonalDataRetention,
    private readonly erasure: AccountErasure,
    private readonly exporter: PersonalDataExport,
  ) {}

  @Get('me/export')
  @ApiOkResponse({
    description:
      'Everything Convene holds about the caller, and only about them, as one JSON document ' +
      '(GDPR art. 15 and 20): account, registrations with their history, travel (passport ' +
      'number masked), sign-ups, calendar feed status, emails sent (subjects). The same ' +
      'document as /my/data/export.json on the pages.',
  })
  async exportMe(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const data = await this.exporter.export(actor);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="convene-my-data-${data.exportedAt.slice(0, 10)}.json"`,
    );
    return data;
  }

  @Post('events/:id/erase-personal-data')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'Erases phones, dietary and accessibility needs, emergency contacts, passports and flights of the event’s registrations, ' +
      'and its delivered emails. Organisers only, once the event is over.',
  })
  eraseEvent(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe('Event')) id: string) {
    return this.retention.eraseEvent(actor, id);
  }

  @Delete('me')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'Cancels the person’s live registrations and anonymises the account; their session ends at once.',
  })
  eraseMe(@CurrentActor() actor: Actor) {
    return this.erasure.eraseSelf(actor);
  }
}
