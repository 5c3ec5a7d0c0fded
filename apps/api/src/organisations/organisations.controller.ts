import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, UuidParamPipe } from '#core';
import {
  CreateOrganisationDto,
  ListOrganisationsQueryDto,
  OrganisationsService,
  UpdateOrganisationDto,
} from '#organisations';
import { CurrentActor } from '../auth/auth.decorators.js';

const OrganisationId = new UuidParamPipe('Organisation');

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  list(@Query() query: ListOrganisationsQueryDto) {
    return this.organisations.list(query);
  }

  @Get(':id')
  get(@Param('id', OrganisationId) id: string) {
    return this.organisations.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a partner (platform admins and event organisers)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganisationDto) {
    return this.organisations.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a partner (platform admins only)',
    description: "Its name and country appear in every event's visa letters: 403 for anyone else.",
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', OrganisationId) id: string,
    @Body() dto: UpdateOrganisationDto,
  ) {
    return this.organisations.update(actor, id, dto);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a partner no event or registration uses (platform admins only)',
  })
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', OrganisationId) id: string) {
    return this.organisations.remove(actor, id);
  }
}
