import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
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
import { AgendaQueryDto } from './agenda-query.dto.js';
import {
  SESSION_KINDS,
  SESSION_STATUSES,
  type SessionKind,
  type SessionStatus,
} from '../session.entity.js';
import { Trim } from '#core';

const LANGUAGE = /^[a-z]{2,3}$/;
const TIME_HELP =
  'ISO 8601: without an offset it is read in the event time zone (2027-10-26T10:00), or with one (2027-10-26T10:00:00+01:00)';

export class ExternalFacilitatorDto {
  @ApiProperty({ example: 'Dr Amina Benali' })
  @Trim()
  @IsString({ message: 'externalFacilitators.name must be text' })
  @Length(1, 200, { message: 'externalFacilitators.name must be 1 to 200 characters' })
  name!: string;

  @ApiPropertyOptional({ example: 'Université Abdelmalek Essaâdi' })
  @IsOptional()
  @IsString({ message: 'externalFacilitators.organisation must be text' })
  @MaxLength(200, { message: 'externalFacilitators.organisation must be at most 200 characters' })
  organisation?: string;

  @ApiPropertyOptional({ example: 'amina@example.org' })
  @IsOptional()
  @IsEmail({}, { message: 'externalFacilitators.email must be an email address' })
  email?: string;
}

/** A text per language: `{ fr: "...", en: "...", es: "..." }`, each optional. */
export class SessionTitlesDto {
  @ApiPropertyOptional({ example: 'Comment soutenir autrement les familles ?' })
  @IsOptional()
  @IsString({ message: 'titles.fr must be text' })
  @MaxLength(200, { message: 'titles.fr must be at most 200 characters' })
  fr?: string;

  @ApiPropertyOptional({ example: 'How can we support families differently?' })
  @IsOptional()
  @IsString({ message: 'titles.en must be text' })
  @MaxLength(200, { message: 'titles.en must be at most 200 characters' })
  en?: string;

  @ApiPropertyOptional({ example: '¿Cómo apoyar de otra manera a las familias?' })
  @IsOptional()
  @IsString({ message: 'titles.es must be text' })
  @MaxLength(200, { message: 'titles.es must be at most 200 characters' })
  es?: string;
}

export class SessionDescriptionsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'descriptions.fr must be text' })
  @MaxLength(5000, { message: 'descriptions.fr must be at most 5000 characters' })
  fr?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'descriptions.en must be text' })
  @MaxLength(5000, { message: 'descriptions.en must be at most 5000 characters' })
  en?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'descriptions.es must be text' })
  @MaxLength(5000, { message: 'descriptions.es must be at most 5000 characters' })
  es?: string;
}

/** A visit's rules per language: `{ fr: ["..."], en: ["..."] }`, each optional. */
export class LocalizedRulesDto {
  @ApiPropertyOptional({ type: [String], example: ['Pas de photos des bénéficiaires'] })
  @IsOptional()
  @IsArray({ message: 'siteVisit.rulesByLanguage.fr must be a list' })
  @ArrayMaxSize(20, { message: 'siteVisit.rulesByLanguage.fr must list at most 20 rules' })
  @IsString({ each: true, message: 'siteVisit.rulesByLanguage.fr must be a list of texts' })
  @MaxLength(500, {
    each: true,
    message: 'siteVisit.rulesByLanguage.fr items must be at most 500 characters',
  })
  fr?: string[];

  @ApiPropertyOptional({ type: [String], example: ['No photos of beneficiaries'] })
  @IsOptional()
  @IsArray({ message: 'siteVisit.rulesByLanguage.en must be a list' })
  @ArrayMaxSize(20, { message: 'siteVisit.rulesByLanguage.en must list at most 20 rules' })
  @IsString({ each: true, message: 'siteVisit.rulesByLanguage.en must be a list of texts' })
  @MaxLength(500, {
    each: true,
    message: 'siteVisit.rulesByLanguage.en items must be at most 500 characters',
  })
  en?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Sin fotos de las personas acompañadas'] })
  @IsOptional()
  @IsArray({ message: 'siteVisit.rulesByLanguage.es must be a list' })
  @ArrayMaxSize(20, { message: 'siteVisit.rulesByLanguage.es must list at most 20 rules' })
  @IsString({ each: true, message: 'siteVisit.rulesByLanguage.es must be a list of texts' })
  @MaxLength(500, {
    each: true,
    message: 'siteVisit.rulesByLanguage.es items must be at most 500 characters',
  })
  es?: string[];
}

export class SiteVisitDto {
  @ApiProperty({ format: 'uuid', description: 'The partner receiving the visit' })
  @IsUUID('all', { message: 'siteVisit.hostOrganisationId must be a UUID' })
  hostOrganisationId!: string;

  @ApiProperty({ example: '12 rue de la Liberté, Tangier' })
  @Trim()
  @IsString({ message: 'siteVisit.address must be text' })
  @Length(1, 500, { message: 'siteVisit.address must be 1 to 500 characters' })
  address!: string;

  @ApiProperty({ example: 'Hotel lobby' })
  @Trim()
  @IsString({ message: 'siteVisit.meetingPoint must be text' })
  @Length(1, 300, { message: 'siteVisit.meetingPoint must be 1 to 300 characters' })
  meetingPoint!: string;

  @ApiPropertyOptional({
    example: '2027-10-27T09:00',
    description: `${TIME_HELP}; defaults to startsAt`,
  })
  @IsOptional()
  @IsString({ message: 'siteVisit.departureAt must be an ISO 8601 date-time' })
  departureAt?: string;

  @ApiPropertyOptional({
    example: '2027-10-27T13:00',
    description: `${TIME_HELP}; defaults to endsAt`,
  })
  @IsOptional()
  @IsString({ message: 'siteVisit.returnAt must be an ISO 8601 date-time' })
  returnAt?: string;

  @ApiProperty({ example: 'bus' })
  @Trim()
  @IsString({ message: 'siteVisit.transport must be text' })
  @Length(1, 60, { message: 'siteVisit.transport must be 1 to 60 characters' })
  transport!: string;

  @ApiProperty({ example: 12, minimum: 1 })
  @IsInt({ message: 'siteVisit.seats must be a whole number' })
  @Min(1, { message: 'siteVisit.seats must be at least 1' })
  @Max(10000, { message: 'siteVisit.seats must be at most 10000' })
  seats!: number;

  @ApiPropertyOptional({
    example: 15,
    minimum: 1,
    description: 'How many visitors the host can receive',
  })
  @IsOptional()
  @IsInt({ message: 'siteVisit.hostLimit must be a whole number' })
  @Min(1, { message: 'siteVisit.hostLimit must be at least 1' })
  hostLimit?: number;

  @ApiPropertyOptional({ example: 'Samira El Amrani' })
  @IsOptional()
  @IsString({ message: 'siteVisit.hostContactName must be text' })
  @MaxLength(200, { message: 'siteVisit.hostContactName must be at most 200 characters' })
  hostContactName?: string;

  @ApiPropertyOptional({ example: '+212 600 000 000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ().-]{4,30}$/, {
    message: 'siteVisit.hostContactPhone must be a phone number',
  })
  hostContactPhone?: string;

  @ApiPropertyOptional({ example: 'contact@example.org' })
  @IsOptional()
  @IsEmail({}, { message: 'siteVisit.hostContactEmail must be an email address' })
  hostContactEmail?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['No photos of beneficiaries', 'Confidentiality'],
  })
  @IsOptional()
  @IsArray({ message: 'siteVisit.rules must be a list' })
  @ArrayMaxSize(20, { message: 'siteVisit.rules must list at most 20 rules' })
  @IsString({ each: true, message: 'siteVisit.rules must be a list of texts' })
  @MaxLength(500, { each: true, message: 'siteVisit.rules items must be at most 500 characters' })
  rules?: string[];

  @ApiPropertyOptional({
    type: LocalizedRulesDto,
    description:
      "The rules in each language (fr, en, es); `rules` is then the event's first language's",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedRulesDto)
  rulesByLanguage?: LocalizedRulesDto;
}

export class CreateSessionDto {
  @ApiProperty({ enum: SESSION_KINDS })
  @IsIn(SESSION_KINDS, { message: `kind must be one of ${SESSION_KINDS.join(', ')}` })
  kind!: SessionKind;

  @ApiProperty({
    example: 'How can we support families differently?',
    description:
      "The title in the event's first language; optional when `titles` is given (then its text in that language, else the first written)",
  })
  @ValidateIf((o: CreateSessionDto) => o.titles === undefined || o.title !== undefined)
  @Trim()
  @IsString({ message: 'title must be text' })
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title!: string;

  @ApiPropertyOptional({
    type: SessionTitlesDto,
    description:
      'The title in each language (fr, en, es); replaces every translation. Readers get theirs, else the event languages in order (`titleLanguage` says which)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionTitlesDto)
  titles?: SessionTitlesDto;

  @ApiPropertyOptional({ description: "The description in the event's first language" })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string;

  @ApiPropertyOptional({
    type: SessionDescriptionsDto,
    description: 'The description in each language (fr, en, es); replaces every translation',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionDescriptionsDto)
  descriptions?: SessionDescriptionsDto;

  @ApiPropertyOptional({ example: 'Parenting support' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'theme must be text' })
  @MaxLength(120, { message: 'theme must be at most 120 characters' })
  theme?: string;

  @ApiProperty({ example: '2027-10-26T10:00', description: TIME_HELP })
  @IsString({ message: 'startsAt must be an ISO 8601 date-time' })
  startsAt!: string;

  @ApiProperty({ example: '2027-10-26T12:00', description: TIME_HELP })
  @IsString({ message: 'endsAt must be an ISO 8601 date-time' })
  endsAt!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'roomId must be a UUID' })
  roomId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Accounts facilitating' })
  @IsOptional()
  @IsArray({ message: 'facilitatorIds must be a list' })
  @ArrayMaxSize(20, { message: 'facilitatorIds must list at most 20 accounts' })
  @ArrayUnique({ message: 'facilitatorIds must not repeat an account' })
  @IsUUID('all', { each: true, message: 'facilitatorIds must only contain UUIDs' })
  facilitatorIds?: string[];

  @ApiPropertyOptional({
    type: [ExternalFacilitatorDto],
    description: 'Named guests without an account',
  })
  @IsOptional()
  @IsArray({ message: 'externalFacilitators must be a list' })
  @ArrayMaxSize(20, { message: 'externalFacilitators must list at most 20 guests' })
  @ValidateNested({ each: true })
  @Type(() => ExternalFacilitatorDto)
  externalFacilitators?: ExternalFacilitatorDto[];

  @ApiPropertyOptional({ example: 'fr', description: 'Working language' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'language must be a language code such as fr, en, es or ar' })
  language?: string;

  @ApiPropertyOptional({ example: ['en', 'es'], type: [String] })
  @IsOptional()
  @IsArray({ message: 'interpretationLanguages must be a list' })
  @ArrayMaxSize(10, { message: 'interpretationLanguages must list at most 10 languages' })
  @ArrayUnique({ message: 'interpretationLanguages must not repeat a language' })
  @Matches(LANGUAGE, {
    each: true,
    message: 'interpretationLanguages must only contain language codes',
  })
  interpretationLanguages?: string[];

  @ApiPropertyOptional({ example: 20, minimum: 1, description: 'Seats; omit for no limit' })
  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(100000, { message: 'capacity must be at most 100000' })
  capacity?: number | null;

  @ApiPropertyOptional({ default: false, description: 'Participants must sign up to attend' })
  @IsOptional()
  @IsBoolean({ message: 'signupRequired must be true or false' })
  signupRequired?: boolean;

  @ApiPropertyOptional({ enum: SESSION_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(SESSION_STATUSES, { message: `status must be one of ${SESSION_STATUSES.join(', ')}` })
  status?: SessionStatus;

  @ApiPropertyOptional({ type: SiteVisitDto, description: 'Required when kind is site_visit' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SiteVisitDto)
  siteVisit?: SiteVisitDto;

  @ApiPropertyOptional({
    default: false,
    description:
      'Save despite a clash (room, facilitator, capacity above the room, outside the event dates); it then shows in the conflicts',
  })
  @IsOptional()
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;
}

export class UpdateSessionDto extends PartialType(CreateSessionDto) {}

/** The agenda's filters, plus a status filter for staff. */
export class ListSessionsQueryDto extends AgendaQueryDto {
  @ApiPropertyOptional({ enum: SESSION_STATUSES, description: 'Staff only' })
  @IsOptional()
  @IsIn(SESSION_STATUSES, { message: `status must be one of ${SESSION_STATUSES.join(', ')}` })
  status?: SessionStatus;
}

/** Publishing the agenda: refused while a session to publish has a conflict, unless forced. */
export class PublishAgendaDto {
  @ApiPropertyOptional({
    default: false,
    description:
      'Publish even though sessions to publish have conflicts (room, facilitator, capacity above the room, outside the event dates, participant overlap)',
  })
  @IsOptional()
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;
}
