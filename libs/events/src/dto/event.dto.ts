import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  IsCalendarDate,
  IsCountryCode,
  IsTimeZone,
  LOCALES,
  PageQueryDto,
  Trim,
  TrimLower,
  TrimUpper,
  type Locale,
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

/** An event's name in each language (the keys are languages: fr, en, es). */
export class EventNamesDto {
  @ApiPropertyOptional({ example: 'Rencontre de Tanger 2027' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  fr?: string;

  @ApiPropertyOptional({ example: 'Tangier meeting 2027' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  en?: string;

  @ApiPropertyOptional({ example: 'Encuentro de Tánger 2027' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  es?: string;
}

/** A longer text (description, practical information) in each language. */
export class EventLongTextsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 5000)
  fr?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 5000)
  en?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 5000)
  es?: string;
}

const hasSomeText = (texts: unknown) =>
  texts !== null &&
  typeof texts === 'object' &&
  Object.values(texts).some((v) => typeof v === 'string' && v.trim() !== '');

export class CreateEventDto {
  @ApiProperty({
    example: 'Communities of Practice and Knowledge 2027',
    description: 'Optional when `names` is given: then the name in the first language',
  })
  @ValidateIf((o: CreateEventDto) => o.name !== undefined || !hasSomeText(o.names))
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

  @ApiPropertyOptional({
    type: EventNamesDto,
    description: 'The name in each language; replaces the whole set when given',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventNamesDto)
  names?: EventNamesDto;

  @ApiPropertyOptional({
    type: EventLongTextsDto,
    description: 'The description in each language; replaces the whole set when given',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventLongTextsDto)
  descriptions?: EventLongTextsDto;

  @ApiPropertyOptional({
    type: EventLongTextsDto,
    description: 'Practical information (travel, what to bring) in each language',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventLongTextsDto)
  practicalInfo?: EventLongTextsDto;

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
    description: 'ISO 8601; without an offset it is read in the event time zone; null clears it',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  registrationOpensAt?: string | null;

  @ApiPropertyOptional({ example: '2027-09-15T23:59', nullable: true })
  @IsOptional()
  @IsString()
  registrationClosesAt?: string | null;

  @ApiPropertyOptional({ enum: LOCALES, isArray: true, default: ['en'] })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(LOCALES, { each: true, message: 'languages must only contain fr, en, es' })
  languages?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The host partner of an immersion; null removes it',
    nullable: true,
  })
  @IsOptional()
  @IsUUID('all', { message: 'hostOrganisationId must be a UUID' })
  hostOrganisationId?: string | null;

  @ApiPropertyOptional({
    format: 'email',
    example: 'contact@cop-network.org',
    description:
      "The organisers' address: Reply-To and signature of the event's emails; null removes it",
    nullable: true,
  })
  @IsOptional()
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Idempotency key chosen by the client: sending the same creation twice returns the first event',
  })
  @IsOptional()
  @IsUUID('all', { message: 'creationKey must be a UUID' })
  creationKey?: string;
}

/** Creation takes an idempotency key; changing an event does not need one. */
export class UpdateEventDto extends PartialType(OmitType(CreateEventDto, ['creationKey'])) {}

export class ListEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES, { message: `status must be one of ${EVENT_STATUSES.join(', ')}` })
  status?: EventStatus;

  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS, { message: 'kind must be one of meeting, immersion' })
  kind?: EventKind;

  @ApiPropertyOptional({
    enum: ['fr', 'en', 'es'],
    description:
      'Language to read names and descriptions in (else Accept-Language); nameLanguage says which one each is in',
  })
  @IsOptional()
  @IsIn(['fr', 'en', 'es'], { message: 'lang must be one of fr, en, es' })
  lang?: 'fr' | 'en' | 'es';
}

/**
 * The API's way to add staff: by email (an address the organiser was given), as the
 * pages do. An account id is accepted from platform admins only: ids are not an
 * address book, so an organiser cannot add a stranger by id and read their email.
 */
export class AddStaffDto {
  @ApiPropertyOptional({ example: 'fatou.diop@example.org', description: 'Who to add (preferred)' })
  @ValidateIf((o: AddStaffDto) => o.accountId === undefined || o.email !== undefined)
  @TrimLower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Platform admins only' })
  @IsOptional()
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId?: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: 'role must be one of organiser, facilitator, host' })
  role!: StaffRole;

  @ApiPropertyOptional({ description: "The person's name, for a new account" })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language of the invitation email (en)' })
  @IsOptional()
  @IsIn(LOCALES, { message: 'locale must be one of fr, en, es' })
  locale?: Locale;
}

/**
 * Adds a person to an event's staff by email: an existing account is added as it is;
 * an address without an account gets one (no password yet) and an invitation email
 * with a sign-in link, in the language chosen here.
 */
export class AddStaffByEmailDto {
  @ApiProperty({ example: 'fatou.diop@example.org' })
  @TrimLower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: 'role must be one of organiser, facilitator, host' })
  role!: StaffRole;

  @ApiPropertyOptional({ description: "The person's name, for a new account" })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiProperty({ enum: LOCALES, description: 'The language of the invitation email' })
  @IsIn(LOCALES, { message: 'locale must be one of fr, en, es' })
  locale!: Locale;
}
