import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, UuidParamPipe } from '#core';
import { ExchangeReports } from '#learning';
import { CurrentActor } from '../auth/auth.decorators.js';
import { ExchangeReportResponse, LearningErrorResponse } from './learning.responses.js';

const EventId = new UuidParamPipe('Event');
const LANG = {
  name: 'lang',
  required: false,
  enum: ['fr', 'en', 'es'],
  description: 'The report’s language; the reader’s own by default',
};
const READERS =
  'the organisers, the host organisation’s staff, the visitors and the visiting organisation’s people';

/** The exchange report of an immersion, as JSON and as a PDF per language. */
@ApiTags('learning')
@ApiBearerAuth()
@Controller()
export class ExchangeReportController {
  constructor(private readonly reports: ExchangeReports) {}

  @Get('events/:id/exchange-report')
  @ApiOperation({
    summary: `The exchange report of an immersion: programme with local times, attendance, visitors, and the journal entries shared with the network (${READERS})`,
  })
  @ApiQuery(LANG)
  @ApiOkResponse({ type: ExchangeReportResponse })
  @ApiBadRequestResponse({ type: LearningErrorResponse, description: 'details.field: lang' })
  @ApiNotFoundResponse({
    type: LearningErrorResponse,
    description: 'No such immersion, or not a reader',
  })
  report(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Query('lang') lang?: string,
  ) {
    return this.reports.report(actor, id, typeof lang === 'string' ? lang : undefined);
  }

  @Get('events/:id/exchange-report.pdf')
  @ApiOperation({
    summary: `The exchange report as a PDF in one language, with its reference and a verification QR code (${READERS})`,
  })
  @ApiQuery(LANG)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF' })
  @ApiBadRequestResponse({ type: LearningErrorResponse, description: 'details.field: lang' })
  @ApiNotFoundResponse({
    type: LearningErrorResponse,
    description: 'No such immersion, or not a reader',
  })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Query('lang') lang?: string,
  ) {
    const { filename, pdf } = await this.reports.pdf(
      actor,
      id,
      typeof lang === 'string' ? lang : undefined,
    );
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
      length: pdf.length,
    });
  }
}
