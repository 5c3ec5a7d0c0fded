import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '#core';
import { type LetterVerification, VisaLetters } from '#travel';

/**
 * GET /api/verify/:code: is this invitation letter genuine and still valid? Public. The
 * page /verify/<code> owns the "verify" root, so this path carries its /api itself (see
 * API_UNDER_WEB_ROOTS in apps/web/src/web-routes.ts).
 */
@ApiTags('verify')
@Controller('api/verify')
export class VerifyController {
  constructor(private readonly letters: VisaLetters) {}

  @Public()
  @Get(':code')
  @ApiOperation({
    summary:
      'Verify a document by the code printed under its QR code: valid or revoked, for whom (name, last four passport characters), for which event. Rate limited.',
  })
  @ApiOkResponse({ description: 'The document is known; see status.' })
  verify(@Param('code') code: string, @Req() req: Request): Promise<LetterVerification> {
    return this.letters.verify(code, req.ip ?? 'unknown');
  }
}
