import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, UuidParamPipe } from '#core';
import { JournalAnswerDto, JournalEntryDto, Journals, JournalSharingDto } from '#learning';
import { CurrentActor } from '../auth/auth.decorators.js';
import {
  JournalEntryResponse,
  LearningErrorResponse,
  MyJournalResponse,
  SharedJournalResponse,
} from './learning.responses.js';

const EventId = new UuidParamPipe('Event');
const EntryId = new UuidParamPipe('Journal entry');
const NOT_YOURS = {
  type: LearningErrorResponse,
  description: 'Unknown, or not yours to see (a private entry is found by its author only)',
};
const BAD_FIELD = {
  type: LearningErrorResponse,
  description:
    'details.field names the field: day, observations, questions, practice, sharing, body',
};

/**
 * The visitors' daily journals of an immersion: the author writes and shares; the host
 * (organisers, host staff, the host organisation) reads what was shared and answers.
 */
@ApiTags('learning')
@ApiBearerAuth()
@Controller()
export class JournalsController {
  constructor(private readonly journals: Journals) {}

  @Get('events/:id/journal')
  @ApiOperation({
    summary:
      'My learning journal of an immersion: every day of it, with my entry when written (visitors)',
  })
  @ApiOkResponse({ type: MyJournalResponse })
  @ApiNotFoundResponse({
    ...NOT_YOURS,
    description: 'No such immersion, or not one of its visitors',
  })
  async mine(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    const { event, days } = await this.journals.mine(actor, id);
    return { eventId: event.id, days };
  }

  @Put('events/:id/journal/:day')
  @ApiOperation({
    summary:
      'Writes or rewrites my entry for one day of the immersion (three short texts, at least one written; private unless sharing says otherwise)',
  })
  @ApiParam({ name: 'day', example: '2027-03-09', description: 'A day of the immersion' })
  @ApiOkResponse({ type: JournalEntryResponse })
  @ApiBadRequestResponse(BAD_FIELD)
  @ApiNotFoundResponse({
    ...NOT_YOURS,
    description: 'No such immersion, or not one of its visitors',
  })
  saveDay(
    @CurrentActor() actor: Actor,
    @Param('id', EventId) id: string,
    @Param('day') day: string,
    @Body() body: JournalEntryDto,
  ) {
    return this.journals.saveDay(actor, id, day, body);
  }

  @Get('journal-entries/:entryId')
  @ApiOperation({ summary: 'One journal entry: its author, or the host once it is shared' })
  @ApiOkResponse({ type: JournalEntryResponse })
  @ApiNotFoundResponse(NOT_YOURS)
  get(@CurrentActor() actor: Actor, @Param('entryId', EntryId) entryId: string) {
    return this.journals.get(actor, entryId);
  }

  @Patch('journal-entries/:entryId')
  @ApiOperation({ summary: 'Changes my entry’s texts or its sharing (its author)' })
  @ApiOkResponse({ type: JournalEntryResponse })
  @ApiBadRequestResponse(BAD_FIELD)
  @ApiNotFoundResponse(NOT_YOURS)
  update(
    @CurrentActor() actor: Actor,
    @Param('entryId', EntryId) entryId: string,
    @Body() body: JournalEntryDto,
  ) {
    return this.journals.update(actor, entryId, body);
  }

  @Put('journal-entries/:entryId/sharing')
  @ApiOperation({
    summary:
      'Shares my entry with the host or the network, or makes it private again (which hides the host’s answer too)',
  })
  @ApiOkResponse({ type: JournalEntryResponse })
  @ApiBadRequestResponse(BAD_FIELD)
  @ApiNotFoundResponse(NOT_YOURS)
  share(
    @CurrentActor() actor: Actor,
    @Param('entryId', EntryId) entryId: string,
    @Body() body: JournalSharingDto,
  ) {
    return this.journals.setSharing(actor, entryId, body.sharing);
  }

  @Delete('journal-entries/:entryId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes my entry and any answer to it (its author)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse(NOT_YOURS)
  async remove(@CurrentActor() actor: Actor, @Param('entryId', EntryId) entryId: string) {
    await this.journals.remove(actor, entryId);
  }

  @Get('events/:id/shared-journal')
  @ApiOperation({
    summary:
      'The entries the visitors shared with the host, with the answers (organisers, host staff and the host organisation)',
  })
  @ApiOkResponse({ type: SharedJournalResponse })
  @ApiNotFoundResponse({ ...NOT_YOURS, description: 'No such immersion, or not its host' })
  async shared(@CurrentActor() actor: Actor, @Param('id', EventId) id: string) {
    const { event, entries } = await this.journals.sharedWithHost(actor, id);
    return { eventId: event.id, entries };
  }

  @Put('journal-entries/:entryId/answer')
  @ApiOperation({
    summary: 'The host’s answer to a shared entry (one per entry: writing again replaces it)',
  })
  @ApiOkResponse({ type: JournalEntryResponse })
  @ApiBadRequestResponse(BAD_FIELD)
  @ApiNotFoundResponse({ ...NOT_YOURS, description: 'Unknown, private, or not its host' })
  answer(
    @CurrentActor() actor: Actor,
    @Param('entryId', EntryId) entryId: string,
    @Body() body: JournalAnswerDto,
  ) {
    return this.journals.answer(actor, entryId, body.body);
  }
}
