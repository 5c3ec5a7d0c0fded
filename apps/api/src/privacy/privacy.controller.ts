import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, UuidParamPipe } from '#core';
import { AccountErasure, PersonalDataRetention } from '#privacy';
import { CurrentActor } from '../auth/auth.decorators.js';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller()
export class PrivacyController {
  constructor(
    private readonly retention: PersonalDataRetention,
    private readonly erasure: AccountErasure,
  ) {}

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
