import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  type CsvSeparator,
  CsvSeparatorQuery,
  IsCountryCode,
  LOCALES,
  type Locale,
  PageQueryDto,
  Trim,
  TrimUpper,
  TrimLower,
} from '#core';
import { CONSENT_VERSIONS } from '../consent.js';
import {
  PROFESSIONS,
  REGISTRATION_STATUSES,
  type Profession,
  type RegistrationStatus,
} from '../registration.entity.js';

/** Loose on purpose: + and the country code, then digits with the spaces, dots, dashes and brackets people type. */
const PHONE = /^\+[1-9][0-9 ().-]{5,30}$/;

export class EmergencyContactDto {
  @ApiProperty({ example: 'Moussa Traoré' })
  @Trim()
  @IsString({ message: 'emergencyContact.name must be text' })
  @Length(1, 200, { message: 'emergencyContact.name must be 1 to 200 characters' })
  name!: string;

  @ApiProperty({ example: '+226 70 12 34 56' })
  @Trim()
  @IsString({ message: 'emergencyContact.phone must be text' })
  @Matches(/^\+?[0-9][0-9 ().-]{4,29}$/, {
    message: 'emergencyContact.phone must be a phone number such as +226 70 12 34 56',
  })
  phone!: string;

  @ApiPropertyOptional({ example: 'brother' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'emergencyContact.relation must be text' })
  @MaxLength(100, { message: 'emergencyContact.relation must be at most 100 characters' })
  relation?: string;
}

export class ConsentDto {
  @ApiProperty({
    example: true,
    description: 'Consent to the processing of personal data; must be true to register',
  })
  @Equals(true, { message: 'consent.dataProcessing must be true to register' })
  dataProcessing!: boolean;

  @ApiPropertyOptional({
    enum: CONSENT_VERSIONS,
    description: 'The version of the consent text the person read; the current one when omitted',
  })
  @IsOptional()
  @IsIn(CONSENT_VERSIONS, {
    message: `consent.version must be one of ${CONSENT_VERSIONS.join(', ')}`,
  })
  version?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language the consent text was shown in' })
  @IsOptional()
  @IsIn(LOCALES, { message: 'consent.locale must be one of fr, en, es' })
  locale?: Locale;
}

/** The fields a participant fills in, shared by create and update. */
export class RegistrationDetailsDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The person's organisation; defaults to the account's organisation",
  })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiProperty({ enum: PROFESSIONS })
  @IsIn(PROFESSIONS, { message: `profession must be one of ${PROFESSIONS.join(', ')}` })
  profession!: Profession;

  @ApiPropertyOptional({
    example: 'Family mediator',
    description: 'Required when profession is other',
  })
  @IsOptional()
  @Trim()
  @IsString({ message: 'professionOther must be text' })
  @Length(1, 200, { message: 'professionOther must be 1 to 200 characters' })
  professionOther?: string;

  @ApiPropertyOptional({
    example: ['fr', 'en', 'wo'],
    description: 'Languages spoken, as ISO 639 codes',
    type: [String],
  })
  @IsOptional()
  @TrimLower()
  @IsArray({ message: 'languages must be a list of language codes' })
  @ArrayMaxSize(20, { message: 'languages must hold at most 20 languages' })
  @ArrayUnique({ message: 'languages must not repeat a language' })
  @Matches(/^[a-z]{2,3}$/, {
    each: true,
    message: 'languages must only contain ISO 639 language codes such as fr, en, ar',
  })
  languages?: string[];

  @ApiPropertyOptional({ example: 'Vegetarian, no nuts' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'dietary must be text' })
  @MaxLength(500, { message: 'dietary must be at most 500 characters' })
  dietary?: string;

  @ApiPropertyOptional({ example: 'Wheelchair access to the rooms' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'accessibility must be text' })
  @MaxLength(1000, { message: 'accessibility must be at most 1000 characters' })
  accessibility?: string;

  @ApiPropertyOptional({
    type: String,
    example: '+212 600 000 000',
    nullable: true,
    maxLength: 32,
    description:
      "The participant's own mobile, reachable during the event, in international form (+ and the " +
      'country code). Used only for the logistics of this event (the site-visit bus list, finding ' +
      'people on the day); seen only by the participant, the organisers and the facilitators of ' +
      'the sessions they join. Send null to remove it.',
  })
  @IsOptional()
  @Trim()
  @IsString({ message: 'phone must be text' })
  @MaxLength(32, { message: 'phone must be at most 32 characters' })
  @Matches(PHONE, {
    message:
      'phone must be an international number starting with + and the country code, such as +212 600 000 000',
  })
  phone?: string | null;

  @ApiPropertyOptional({ type: EmergencyContactDto })
  @IsOptional()
  @IsObject({ message: 'emergencyContact must be an object with name and phone' })
  @ValidateNested()
  @Type(() => EmergencyContactDto)
  emergencyContact?: EmergencyContactDto;
}

export class CreateRegistrationDto extends RegistrationDetailsDto {
  @ApiProperty({ type: ConsentDto })
  @IsDefined({ message: 'consent is required: send consent.dataProcessing = true' })
  @IsObject({ message: 'consent must be an object such as {"dataProcessing": true}' })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent!: ConsentDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'No longer accepted for someone else (400): organisers register people by email, ' +
      'POST /api/events/{id}/registrations/on-behalf, and the person consents',
  })
  @IsOptional()
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId?: string;
}

export class UpdateRegistrationDto extends PartialType(RegistrationDetailsDto) {}

export class ReasonDto {
  @ApiPropertyOptional({ example: 'The immersion is for social workers only' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'reason must be text' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason?: string;
}

export const REGISTRATION_SORTS = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'organisation',
  '-organisation',
  'country',
  '-country',
  'status',
  '-status',
  'profession',
  '-profession',
  'visaStatus',
  '-visaStatus',
  'waitlist',
  '-waitlist',
] as const;

/**
 * The travel plan's visa status (travel's VISA_STATUSES: this lib may not import it),
 * or `none` for no plan or no nationality yet.
 */
export const VISA_STATUS_FILTERS = [
  'none',
  'not_required',
  'letter_requested',
  'letter_issued',
  'applied',
  'granted',
  'refused',
] as const;
export type VisaStatusFilter = (typeof VISA_STATUS_FILTERS)[number];
export type RegistrationSort = (typeof REGISTRATION_SORTS)[number];

export class ListRegistrationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, {
    message: `status must be one of ${REGISTRATION_STATUSES.join(', ')}`,
  })
  status?: RegistrationStatus;

  @ApiPropertyOptional({ example: 'BF', description: "The organisation's country" })
  @IsOptional()
  @TrimUpper()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ enum: PROFESSIONS })
  @IsOptional()
  @IsIn(PROFESSIONS, { message: `profession must be one of ${PROFESSIONS.join(', ')}` })
  profession?: Profession;

  @ApiPropertyOptional({ enum: VISA_STATUS_FILTERS, description: 'none: no visa status yet' })
  @IsOptional()
  @IsIn(VISA_STATUS_FILTERS, {
    message: `visaStatus must be one of ${VISA_STATUS_FILTERS.join(', ')}`,
  })
  visaStatus?: VisaStatusFilter;

  @ApiPropertyOptional({ description: 'Searches name, email and organisation' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'q must be text' })
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  q?: string;

  @ApiPropertyOptional({ enum: REGISTRATION_SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(REGISTRATION_SORTS, { message: `sort must be one of ${REGISTRATION_SORTS.join(', ')}` })
  sort?: RegistrationSort;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @CsvSeparatorQuery()
  separator?: CsvSeparator;
}

/** The reason an organiser must give to reject or cancel from the console (sent to the person). */
export class RequiredReasonDto {
  @ApiProperty({ example: 'The immersion is for social workers only' })
  @Trim()
  @IsString({ message: 'reason must be text' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;
}

/**
 * An organiser registers someone (who may have no account yet): the person confirms
 * their consent themselves from the email they receive.
 */
export class RegisterOnBehalfDto extends RegistrationDetailsDto {
  @ApiProperty({ example: 'awa.traore@example.org' })
  @TrimLower()
  @IsString({ message: 'email must be text' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @ApiProperty({ example: 'Awa Traoré', description: 'Used when the account is created' })
  @Trim()
  @IsString({ message: 'name must be text' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @ApiProperty({ enum: LOCALES, description: 'The language of their emails and pages' })
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale!: Locale;
}

/** The answer to a registration an organiser made: signed in, or with the emailed token. */
export class ConsentAnswerDto {
  @ApiProperty({
    description: 'true gives consent; false declines (the registration is cancelled)',
  })
  @IsBoolean({ message: 'agree must be true or false' })
  agree!: boolean;

  @ApiPropertyOptional({ description: 'The token of the emailed link, when not signed in' })
  @IsOptional()
  @IsString({ message: 'token must be text' })
  @MaxLength(200)
  token?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language the consent text was read in' })
  @IsOptional()
  @IsIn(LOCALES, { message: 'locale must be one of fr, en, es' })
  locale?: Locale;
}
