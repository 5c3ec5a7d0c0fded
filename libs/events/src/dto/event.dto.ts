import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IsCalendarDate,
  IsCountryCode,
  IsTimeZone,
  LOCALES,
  PageQueryDto,
  Trim,
  TrimUpper,
} from '#core';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '../event.entity.js';
import { STAFF_ROLES, type StaffRole } from '../event-staff.entity.js';

export class VenueDto {
  @ApiPropertyOptional({ example: 'Hôtel Continental' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'Tangier' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 120)
  city?: string;

  @ApiPropertyOptional({ example: 'MA' })
  @IsOptional()
  @TrimUpper()
  @IsCountryCode()
  country?: string;
}

export class CreateEventDto {
  @ApiProperty({ example: 'Communities of Practice and Knowledge 2027' })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'cpk-2027', description: 'Generated from the name when omitted' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'slug may only contain a-z, 0-9 and single dashes',
  })
  @MaxLength(80)
  slug?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS, { message: 'kind must be one of meeting, immersion' })
  kind!: EventKind;

  @ApiProperty({ example: 'Africa/Casablanca' })
  @IsTimeZone()
  timezone!: string;

  @ApiProperty({ example: '2027-10-25' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ example: '2027-10-30' })
  @IsCalendarDate()
  endDate!: string;

  @ApiPropertyOptional({ type: VenueDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueDto)
  venue?: VenueDto;

  @ApiProperty({ example: 30, minimum: 1 })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1)
  @Max(100000)
  capacity!: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  requiresApproval?: boolean;

  @ApiPropertyOptional({
    example: '2027-06-01T09:00',
    description: 'ISO 8601; without an offset it is read in the event time zone',
  })
  @IsOptional()
  @IsString()
  registrationOpensAt?: string;

  @ApiPropertyOptional({ example: '2027-09-15T23:59' })
  @IsOptional()
  @IsString()
  registrationClosesAt?: string;

  @ApiPropertyOptional({ enum: LOCALES, isArray: true, default: ['en'] })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(LOCALES, { each: true, message: 'languages must only contain fr, en, es' })
  languages?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The host partner of an immersion' })
  @IsOptional()
  @IsUUID('all', { message: 'hostOrganisationId must be a UUID' })
  hostOrganisationId?: string;
}

export class UpdateEventDto extends PartialType(CreateEventDto) {}

export class ListEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES, { message: `status must be one of ${EVENT_STATUSES.join(', ')}` })
  status?: EventStatus;

  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS, { message: 'kind must be one of meeting, immersion' })
  kind?: EventKind;
}

export class AddStaffDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: 'role must be one of organiser, facilitator, host' })
  role!: StaffRole;
}
