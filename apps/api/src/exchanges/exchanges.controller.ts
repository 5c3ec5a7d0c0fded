import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, UuidParamPipe } from '#core';
import {
  CreateExchangeDto,
  ExchangesService,
  LinkReturnDto,
  ManagerDto,
  OrganisationManagers,
  UpdateExchangeDto,
} from '#exchanges';
import { RegisterOnBehalfDto } from '#registrations';
import { CurrentActor } from '../auth/auth.decorators.js';
import {
  ExchangeErrorResponse,
  ExchangeResponse,
  ExchangeVisitorsResponse,
  ManagerResponse,
  NominationResponse,
} from './exchanges.responses.js';

const ExchangeId = new UuidParamPipe('Exchange');
const OrganisationId = new UuidParamPipe('Organisation');
const ERROR = (description: string) => ({ type: ExchangeErrorResponse, description });

/** Immersion exchanges between two partners, their return visits, visitors and managers. */
@ApiTags('exchanges')
@ApiBearerAuth()
@Controller()
export class ExchangesController {
  constructor(
    private readonly exchanges: ExchangesService,
    private readonly managers: OrganisationManagers,
  ) {}

  @Get('api/exchanges')
  @ApiOperation({ summary: 'The immersion exchanges (anyone signed in; drafts for their staff)' })
  @ApiOkResponse({ type: [ExchangeResponse] })
  list(@CurrentActor() actor: Actor) {
    return this.exchanges.list(actor);
  }

  @Post('api/exchanges')
  @ApiOperation({
    summary: 'Make an immersion an exchange: who visits whom (its organisers)',
    description: "The host is the immersion's host organisation (set on it when it had none).",
  })
  @ApiCreatedResponse({ type: ExchangeResponse })
  @ApiBadRequestResponse(ERROR('Not an immersion, unknown or same organisations (details.field)'))
  @ApiForbiddenResponse(ERROR('Not an organiser of the immersion'))
  @ApiNotFoundResponse(ERROR('Unknown immersion'))
  @ApiConflictResponse(ERROR('The immersion already is an exchange'))
  create(@CurrentActor() actor: Actor, @Body() dto: CreateExchangeDto) {
    return this.exchanges.create(actor, dto);
  }

  @Get('api/exchanges/:id')
  @ApiOperation({ summary: 'An exchange with its state and return visit' })
  @ApiOkResponse({ type: ExchangeResponse })
  @ApiNotFoundResponse(ERROR('Unknown, or its immersion is hidden from you'))
  get(@CurrentActor() actor: Actor, @Param('id', ExchangeId) id: string) {
    return this.exchanges.get(actor, id);
  }

  @Patch('api/exchanges/:id')
  @ApiOperation({ summary: 'Say whether a return visit is expected (its organisers)' })
  @ApiOkResponse({ type: ExchangeResponse })
  @ApiBadRequestResponse(ERROR('A field is wrong (details.field)'))
  @ApiForbiddenResponse(ERROR('Not an organiser of the immersion'))
  @ApiNotFoundResponse(ERROR('Unknown exchange'))
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ExchangeId) id: string,
    @Body() dto: UpdateExchangeDto,
  ) {
    return this.exchanges.update(actor, id, dto);
  }

  @Delete('api/exchanges/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Undo an exchange (the immersion stays; its return visit is unlinked)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse(ERROR('Not an organiser of the immersion'))
  @ApiNotFoundResponse(ERROR('Unknown exchange'))
  remove(@CurrentActor() actor: Actor, @Param('id', ExchangeId) id: string) {
    return this.exchanges.remove(actor, id);
  }

  @Put('api/exchanges/:id/return')
  @ApiOperation({
    summary: 'Link the return visit (both ways at once), or unlink it with null',
    description:
      'The return visit is the same two organisations swapped; the organiser must organise both immersions.',
  })
  @ApiOkResponse({ type: ExchangeResponse })
  @ApiBadRequestResponse(
    ERROR('Not the visit the other way round (details.field returnExchangeId)'),
  )
  @ApiForbiddenResponse(ERROR('Not an organiser of the immersion'))
  @ApiNotFoundResponse(ERROR('Unknown exchange'))
  @ApiConflictResponse(ERROR('Someone changed the pair meanwhile'))
  linkReturn(
    @CurrentActor() actor: Actor,
    @Param('id', ExchangeId) id: string,
    @Body() dto: LinkReturnDto,
  ) {
    return this.exchanges.linkReturn(actor, id, dto.returnExchangeId);
  }

  @Post('api/exchanges/:id/visitors')
  @ApiOperation({
    summary: 'Nominate or invite a visitor (managers of the visiting organisation, organisers)',
    description:
      'A registration awaiting the person’s consent; they get the email. The person must belong to the visiting organisation (a new address gets an account in it).',
  })
  @ApiCreatedResponse({ type: NominationResponse })
  @ApiBadRequestResponse(ERROR('Not a member of the visiting organisation, or a wrong field'))
  @ApiForbiddenResponse(ERROR('Not a manager of the visiting organisation nor an organiser'))
  @ApiNotFoundResponse(ERROR('Unknown exchange'))
  @ApiConflictResponse(ERROR('Already registered, or the immersion is closed'))
  nominate(
    @CurrentActor() actor: Actor,
    @Param('id', ExchangeId) id: string,
    @Body() dto: RegisterOnBehalfDto,
  ) {
    return this.exchanges.nominate(actor, id, dto);
  }

  @Get('api/exchanges/:id/visitors')
  @ApiOperation({
    summary: 'The visitors: names, organisation, profession, needs (organisers, hosts, managers)',
    description: 'Never phones or passports; arrival flights are at GET /events/{id}/arrivals.',
  })
  @ApiOkResponse({ type: ExchangeVisitorsResponse })
  @ApiNotFoundResponse(ERROR('Unknown, or not yours to see'))
  visitors(@CurrentActor() actor: Actor, @Param('id', ExchangeId) id: string) {
    return this.exchanges.visitors(actor, id);
  }

  @Get('organisations/:id/managers')
  @ApiOperation({ summary: "An organisation's managers (admins, organisers of its immersions)" })
  @ApiOkResponse({ type: [ManagerResponse] })
  @ApiForbiddenResponse(ERROR('Not an admin or organiser of its immersions'))
  @ApiNotFoundResponse(ERROR('Unknown organisation'))
  listManagers(@CurrentActor() actor: Actor, @Param('id', OrganisationId) id: string) {
    return this.managers.list(actor, id);
  }

  @Post('organisations/:id/managers')
  @ApiOperation({ summary: 'Make a member of the organisation one of its managers' })
  @ApiCreatedResponse({ type: [ManagerResponse] })
  @ApiBadRequestResponse(ERROR('Unknown account or not a member (details.field accountId)'))
  @ApiForbiddenResponse(ERROR('Not an admin or organiser of its immersions'))
  @ApiNotFoundResponse(ERROR('Unknown organisation'))
  addManager(
    @CurrentActor() actor: Actor,
    @Param('id', OrganisationId) id: string,
    @Body() dto: ManagerDto,
  ) {
    return this.managers.add(actor, id, dto.accountId);
  }

  @Delete('organisations/:id/managers/:accountId')
  @HttpCode(204)
  @ApiOperation({ summary: 'No longer a manager of the organisation' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiForbiddenResponse(ERROR('Not an admin or organiser of its immersions'))
  @ApiNotFoundResponse(ERROR('Unknown organisation'))
  removeManager(
    @CurrentActor() actor: Actor,
    @Param('id', OrganisationId) id: string,
    @Param('accountId', new UuidParamPipe('Account')) accountId: string,
  ) {
    return this.managers.remove(actor, id, accountId);
  }
}
