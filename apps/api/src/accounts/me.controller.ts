import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccountsService, UpdateMeDto } from '#accounts';
import { type Actor, UuidParamPipe } from '#core';
import { CurrentActor } from '../auth/auth.decorators.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.accounts.get(actor, actor.accountId);
  }

  @Patch('me')
  updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto) {
    return this.accounts.update(actor, actor.accountId, dto);
  }

  @Get('accounts/:id')
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParamPipe('Account')) id: string) {
    return this.accounts.get(actor, id);
  }

  @Patch('accounts/:id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParamPipe('Account')) id: string,
    @Body() dto: UpdateMeDto,
  ) {
    return this.accounts.update(actor, id, dto);
  }
}
