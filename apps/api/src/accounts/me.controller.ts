import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService, AuthService, UpdateMeDto } from '#accounts';
import { type Actor, UuidParamPipe } from '#core';
import { CurrentActor } from '../auth/auth.decorators.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class MeController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
  ) {}

  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.accounts.get(actor, actor.accountId);
  }

  @Patch('me')
  @ApiOkResponse({
    description:
      'The account. A new password ends every other session (browsers and bearer tokens): the ' +
      'answer then carries a new accessToken for this client. An account without a password ' +
      'cannot set one here (403 email_proof_required): POST /api/auth/password-reset.',
  })
  async updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto) {
    const account = await this.accounts.update(actor, actor.accountId, dto);
    if (dto.password === undefined) return account;
    return { ...account, accessToken: await this.auth.tokenFor(actor.accountId) };
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'Logs the account out everywhere: this token, every other bearer token and every browser session',
  })
  logout(@CurrentActor() actor: Actor) {
    return this.accounts.endEverySession(actor);
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
