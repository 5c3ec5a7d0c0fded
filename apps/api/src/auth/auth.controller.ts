import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AccountLinksService,
  AuthResultDto,
  AuthService,
  LoginDto,
  MagicLinkRequestDto,
  MagicLinkVerifyDto,
  PasswordResetDto,
  SignupDto,
} from '#accounts';
import type { AuthedRequest } from '../http/request-context.js';
import { Public } from './auth.decorators.js';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly links: AccountLinksService,
  ) {}

  @Post('signup')
  @ApiCreatedResponse({
    description:
      '{account, verificationSent} and, only when a password was given, accessToken. Without a ' +
      'password a link to confirm the address is emailed: it signs the person in. An account ' +
      'cannot register for an event until its address is confirmed (403 email_not_verified). ' +
      'An address that already has an account gets the same answer (never a 409: that would ' +
      'tell anyone who has an account); the owner is emailed a sign-in link instead, and the ' +
      "answer's account and token belong to nobody. 400 passwordTooCommon for a common, " +
      'breached or guessable password.',
  })
  signup(@Body() dto: SignupDto, @Req() req: AuthedRequest) {
    return this.auth.signup(dto, req.ip ?? 'unknown');
  }

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResultDto })
  login(@Body() dto: LoginDto, @Req() req: AuthedRequest) {
    return this.auth.login(dto, req.ip ?? 'unknown');
  }

  @Post('magic-link')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      'A single-use login link valid 15 minutes is on its way if the account exists (the same ' +
      'answer otherwise); it retires the older unused ones. Limited per address and per email ' +
      'from one address, apart from password attempts: wrong passwords never stop it.',
  })
  async magicLink(@Body() dto: MagicLinkRequestDto, @Req() req: AuthedRequest) {
    await this.auth.requestMagicLink(dto, req.ip ?? 'unknown');
    return { message: 'If an account exists for this email, a login link is on its way.' };
  }

  @Post('magic-link/verify')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResultDto })
  verify(@Body() dto: MagicLinkVerifyDto) {
    return this.auth.verifyMagicLink(dto.token);
  }

  @Post('verify-email')
  @HttpCode(200)
  @ApiOkResponse({
    type: AuthResultDto,
    description:
      'Spends the token of an emailed confirmation link (single use, 48 hours): the address is ' +
      'confirmed, so the account may register, and a token is handed out',
  })
  async verifyEmail(@Body() dto: MagicLinkVerifyDto) {
    return this.auth.issue(await this.links.verifyEmail(dto.token));
  }

  @Post('password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      'Emails a single-use link (one hour) to choose a new password, if the account exists; ' +
      'always the same answer. It is also how an account without a password sets its first one.',
  })
  async requestPasswordReset(@Body() dto: MagicLinkRequestDto, @Req() req: AuthedRequest) {
    await this.links.requestPasswordReset(dto.email, req.ip ?? 'unknown');
    return {
      message: 'If an account exists for this email, a link to choose a password is on its way.',
    };
  }

  @Post('password-reset/confirm')
  @HttpCode(200)
  @ApiOkResponse({
    type: AuthResultDto,
    description:
      'Spends the emailed token and sets the password. Every other session ends: browsers are ' +
      'logged out and every bearer token signed before stops working; a new token is handed out.',
  })
  async resetPassword(@Body() dto: PasswordResetDto) {
    return this.auth.issue(await this.links.resetPassword(dto.token, dto.password));
  }
}
