import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Certificates } from '#certificates';
import { type Actor, UuidParamPipe } from '#core';
import { CurrentActor } from '../auth/auth.decorators.js';
import { ApiErrorResponse } from './certificates.responses.js';

const ids = {
  registration: new UuidParamPipe('Registration'),
  event: new UuidParamPipe('Event'),
};

@ApiTags('certificates')
@ApiBearerAuth()
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: Certificates) {}

  @Get('registrations/:id/certificate.pdf')
  @ApiOperation({
    summary:
      'Certificate of attendance in the participant’s language: the sessions attended with their dates and local hours, the total, the signature, a reference and a verification QR code. Once the event has ended; the participant and the event’s organisers.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF' })
  @ApiNotFoundResponse({
    type: ApiErrorResponse,
    description: 'No such registration, or neither its holder nor an organiser of its event',
  })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description:
      'details.reason: event_not_ended (details.endsAt), registration_not_confirmed, no_attendance',
  })
  async certificate(@CurrentActor() actor: Actor, @Param('id', ids.registration) id: string) {
    const { filename, pdf } = await this.certificates.certificate(actor, id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
      length: pdf.length,
    });
  }

  @Get('events/:id/certificates.zip')
  @ApiOperation({
    summary:
      'Every certificate of attendance of an event as one ZIP (one PDF per person with attended sessions, named reference + name in ASCII), streamed. Organisers, once the event has ended.',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The ZIP' })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such event' })
  @ApiForbiddenResponse({ type: ApiErrorResponse, description: 'Not an organiser of the event' })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description: 'details.reason: event_not_ended (details.endsAt)',
  })
  async zip(@CurrentActor() actor: Actor, @Param('id', ids.event) id: string) {
    const { filename, stream } = await this.certificates.zip(actor, id);
    return new StreamableFile(stream, {
      type: 'application/zip',
      disposition: `attachment; filename="${filename}"`,
    });
  }
}
