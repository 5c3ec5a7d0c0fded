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
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type Actor,
  badRequest,
  CSV_SEPARATORS,
  type CsvSeparator,
  type Locale,
  UuidParamPipe,
} from '#core';
import { FeedbackAnswers, FeedbackForms, FeedbackResults } from '#feedback';
import { CurrentActor } from '../auth/auth.decorators.js';
import { ReaderLocale } from '../agenda/reader-locale.decorator.js';
import {
  CreateFeedbackFormBody,
  FeedbackFormResponse,
  FeedbackReceiptResponse,
  FeedbackResponsesResponse,
  FeedbackResultsResponse,
  SubmitFeedbackBody,
  UpdateFeedbackFormBody,
} from './feedback.responses.js';

const EventId = new UuidParamPipe('Event');
const FormId = new UuidParamPipe('Feedback form');
const NOT_YOURS = { description: 'Unknown, or not yours to see' };
const ORGANISERS = { description: 'Only the event’s organisers (the people who answer get 403)' };
const READERS = {
  description:
    'Only the event’s organisers and, for a session’s form, that session’s facilitators ' +
    '(the people who answer get 403)',
};
const ANONYMITY =
  'On anonymous forms no name, email, organisation, account id or time appears, and ' +
  'responses come in an order unrelated to when they were given. Below 3 answers an ' +
  'anonymous form is `withheld`: only how many answered (per question too), no counts ' +
  'per value, averages, texts or responses. Facilitators see named respondents without ' +
  'their email.';

/**
 * Feedback forms after a session or an event: organisers write and read them, the people
 * who were there answer once. Texts come in the reader's language (`?lang=` or
 * Accept-Language), else the event's languages in order.
 */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller()
export class FeedbackController {
  constructor(
    private readonly forms: FeedbackForms,
    private readonly answers: FeedbackAnswers,
    private readonly results: FeedbackResults,
  ) {}

  @Post('events/:id/feedback-forms')
  @ApiOperation({
    summary: 'Creates a feedback form for the event or one of its sessions (organisers)',
  })
  @ApiBody({ type: CreateFeedbackFormBody })
  @ApiCreatedResponse({ type: FeedbackFormResponse })
  @ApiForbiddenResponse(ORGANISERS)
  @ApiNotFoundResponse(NOT_YOURS)
  create(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Body() body: Record<string, unknown>,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.forms.create(actor, id, body, locale);
  }

  @Get('events/:id/feedback-forms')
  @ApiOperation({ summary: 'The event’s feedback forms with their answer counts (organisers)' })
  @ApiOkResponse({ type: [FeedbackFormResponse] })
  @ApiForbiddenResponse(ORGANISERS)
  @ApiNotFoundResponse(NOT_YOURS)
  list(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.forms.listForEvent(actor, id, locale);
  }

  @Get('events/:id/feedback-forms/open')
  @ApiOperation({
    summary: 'The forms open to me now (my confirmed sessions and the event), answered or not',
  })
  @ApiOkResponse({ type: [FeedbackFormResponse] })
  @ApiNotFoundResponse(NOT_YOURS)
  openForMe(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.forms.openForMe(actor, id, locale);
  }

  @Get('feedback-forms/:id')
  @ApiOperation({
    summary: 'A feedback form (its organisers, and the people who may answer it)',
  })
  @ApiOkResponse({ type: FeedbackFormResponse })
  @ApiNotFoundResponse(NOT_YOURS)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', FormId) id: string,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.forms.get(actor, id, locale);
  }

  @Patch('feedback-forms/:id')
  @ApiOperation({
    summary: 'Changes a form (organisers); its questions and anonymity are fixed once answered',
  })
  @ApiBody({ type: UpdateFeedbackFormBody })
  @ApiOkResponse({ type: FeedbackFormResponse })
  @ApiForbiddenResponse(ORGANISERS)
  @ApiNotFoundResponse(NOT_YOURS)
  @ApiConflictResponse({
    description: 'The form has answers (details.reason form_has_answers), or the event is archived',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', FormId) id: string,
    @Body() body: Record<string, unknown>,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.forms.update(actor, id, body, locale);
  }

  @Delete('feedback-forms/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a form and every answer to it (organisers)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse(ORGANISERS)
  @ApiNotFoundResponse(NOT_YOURS)
  async remove(@CurrentActor() actor: Actor, @Param('id', FormId) id: string) {
    await this.forms.remove(actor, id);
  }

  @Post('feedback-forms/:id/answers')
  @ApiOperation({
    summary: 'Answers a form, once (the people who took part, while it is open)',
    description:
      'Each answer names its question and gives `rating` (1-5), `choice` (the option’s index) or ' +
      '`text`. A second answer, even sent at the same moment, is a 409 (details.reason ' +
      'already_answered). ' +
      ANONYMITY,
  })
  @ApiBody({ type: SubmitFeedbackBody })
  @ApiCreatedResponse({ type: FeedbackReceiptResponse })
  @ApiForbiddenResponse({ description: 'Staff who did not take part' })
  @ApiNotFoundResponse(NOT_YOURS)
  @ApiConflictResponse({
    description: 'Already answered, not open yet, closed, or the event is archived',
  })
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', FormId) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    return this.answers.submit(actor, id, body);
  }

  @Get('feedback-forms/:id/results')
  @ApiOperation({
    summary:
      'Counts, averages and text answers per question (organisers, a session’s facilitators)',
    description: ANONYMITY + ' Text answers of anonymous forms are shuffled on every reading.',
  })
  @ApiOkResponse({ type: FeedbackResultsResponse })
  @ApiForbiddenResponse(READERS)
  @ApiNotFoundResponse(NOT_YOURS)
  resultsOf(
    @CurrentActor() actor: Actor,
    @Param('id', FormId) id: string,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.results.results(actor, id, locale);
  }

  @Get('feedback-forms/:id/responses')
  @ApiOperation({
    summary: 'Every response, whole (organisers, a session’s facilitators)',
    description: ANONYMITY,
  })
  @ApiOkResponse({ type: FeedbackResponsesResponse })
  @ApiForbiddenResponse(READERS)
  @ApiNotFoundResponse(NOT_YOURS)
  responses(
    @CurrentActor() actor: Actor,
    @Param('id', FormId) id: string,
    @ReaderLocale() locale: Locale | undefined,
  ) {
    return this.results.responses(actor, id, locale);
  }

  @Get('feedback-forms/:id/responses.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'Every response as CSV, one column per question (organisers, a session’s facilitators)',
    description:
      ANONYMITY +
      ' UTF-8 with a BOM; cells that a spreadsheet would run as a formula start with a quote.',
  })
  @ApiQuery({ name: 'separator', required: false, enum: CSV_SEPARATORS })
  @ApiOkResponse({ description: 'The CSV file' })
  @ApiForbiddenResponse(READERS)
  @ApiNotFoundResponse(NOT_YOURS)
  async csv(
    @CurrentActor() actor: Actor,
    @Param('id', FormId) id: string,
    @ReaderLocale() locale: Locale | undefined,
    @Res({ passthrough: true }) res: Response,
    @Query('separator') separator?: string,
  ) {
    if (separator !== undefined && !(CSV_SEPARATORS as readonly string[]).includes(separator)) {
      throw badRequest('separator must be comma or semicolon', { field: 'separator' });
    }
    const file = await this.results.csv(actor, id, locale, {
      separator: separator as CsvSeparator | undefined,
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }
}
