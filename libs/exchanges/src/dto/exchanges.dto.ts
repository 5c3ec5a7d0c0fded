import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCountryCode, TrimUpper } from '#core';
import { EventNamesDto } from '#events';

export class CreateProgrammeDto {
  @ApiProperty({
    type: EventNamesDto,
    description: 'The name in each language (at least one): fr, en, es',
  })
  @ValidateNested()
  @Type(() => EventNamesDto)
  names!: EventNamesDto;

  @ApiProperty({ example: 2027 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year!: number;

  @ApiPropertyOptional({
    example: 'family-support-2027',
    description: 'The address part of /programmes/<slug>; made from the name when left out',
  })
  @IsOptional()
  @IsString({ message: 'slug must be text' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,120}$/, {
    message: 'slug must be lower-case letters, digits and dashes',
  })
  slug?: string;
}

export class UpdateProgrammeDto extends PartialType(CreateProgrammeDto) {}

export class ProgrammeQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this organisation takes part in' })
  @IsOptional()
  @IsUUID('all', { message: 'partner must be a UUID' })
  partner?: string;

  @ApiPropertyOptional({ example: 'KH', description: 'Only gatherings in or with this country' })
  @IsOptional()
  @TrimUpper()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ example: 2027, description: 'Only gatherings starting this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  @ApiPropertyOptional({ enum: ['fr', 'en', 'es'], description: 'Language of the names' })
  @IsOptional()
  @IsString()
  lang?: string;
}

export class CreateExchangeDto {
  @ApiProperty({ format: 'uuid', description: 'The immersion event (kind immersion)' })
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'visitingOrganisationId must be a UUID' })
  visitingOrganisationId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Defaults to the event's host organisation; must match it when both are set",
  })
  @IsOptional()
  @IsUUID('all', { message: 'hostOrganisationId must be a UUID' })
  hostOrganisationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Also file the event in this programme' })
  @IsOptional()
  @IsUUID('all', { message: 'programmeId must be a UUID' })
  programmeId?: string;

  @ApiPropertyOptional({ description: 'No return visit is expected (a one-way exchange)' })
  @IsOptional()
  @IsBoolean({ message: 'returnNotNeeded must be true or false' })
  returnNotNeeded?: boolean;
}

export class UpdateExchangeDto {
  @ApiPropertyOptional({ description: 'No return visit is expected (a one-way exchange)' })
  @IsOptional()
  @IsBoolean({ message: 'returnNotNeeded must be true or false' })
  returnNotNeeded?: boolean;
}

export class LinkReturnDto {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    description: 'The exchange the other way round (host visits visitor); null unlinks',
  })
  @ValidateIf((o: LinkReturnDto) => o.returnExchangeId !== null)
  @IsUUID('all', { message: 'returnExchangeId must be a UUID or null' })
  returnExchangeId!: string | null;
}

export class ManagerDto {
  @ApiProperty({ format: 'uuid', description: 'An account of the organisation' })
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId!: string;
}

export class EventProgrammeDto {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null takes the event out' })
  @ValidateIf((o: EventProgrammeDto) => o.programmeId !== null)
  @IsUUID('all', { message: 'programmeId must be a UUID or null' })
  programmeId!: string | null;
}
