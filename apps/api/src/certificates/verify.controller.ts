import { Controller, Get, Param, Req } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { type DocumentVerification, DocumentVerifications } from '#certificates';
import { Public } from '#core';
import { ApiErrorResponse, DocumentVerificationResponse } from './certificates.responses.js';

/**
 * GET /api/verify/:code: is this document (invitation letter, certificate of attendance,
 * badge) genuine and still valid? Public. The page /verify/<code> owns the "verify" root,
 * so this path carries its /api itself (see API_UNDER_WEB_ROOTS in apps/web/src/web-routes.ts).
 */
@ApiTags('verify')
@Controller('api/verify')
export class VerifyController {
  constructor(private readonly documents: DocumentVerifications) {}

  @Public()
  @Get(':code')
  @ApiOperation({
    summary:
      'Verify a document by the code its QR code carries: which kind (invitation_letter, certificate, badge), valid or revoked, for whom (name; last four passport characters on a letter), for which event; a certificate also gives the sessions and minutes it certifies. 30 lookups a minute per client.',
  })
  @ApiOkResponse({
    type: DocumentVerificationResponse,
    description: 'The document is known; see status.',
  })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No document has this code' })
  @ApiTooManyRequestsResponse({ type: ApiErrorResponse, description: 'Too many lookups' })
  verify(@Param('code') code: string, @Req() req: Request): Promise<DocumentVerification> {
    return this.documents.verify(code, req.ip ?? 'unknown');
  }
}
