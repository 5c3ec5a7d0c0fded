import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsCountryCode, Trim, TrimUpper } from '#core';
import { LETTER_IMAGE_TYPES, type LetterImageType } from './letter-settings.entity.js';
import { COVERAGE_PAYERS, type CoveragePayer } from './visa-letter-sources.js';

/** Largest logo or signature image accepted (bytes). */
export const LETTER_IMAGE_MAX_BYTES = 512 * 1024;

const payerMessage = (field: string) =>
  `coverage.${field} must be one of ${COVERAGE_PAYERS.join(', ')}, or null`;

export class LetterImageDto {
  @ApiProperty({ enum: LETTER_IMAGE_TYPES, example: 'image/png' })
  @IsIn(LETTER_IMAGE_TYPES, { message: 'contentType must be image/png or image/jpeg' })
  contentType!: LetterImageType;

  @ApiProperty({
    description: `The image, base64. PNG or JPEG, at most ${LETTER_IMAGE_MAX_BYTES / 1024} KB; checked by its bytes.`,
  })
  @IsString({ message: 'data must be base64 text' })
  @Matches(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'data must be base64 text' })
  data!: string;
}

export class ConsulateWordingDto {
  @ApiPropertyOptional({ example: 'Consulat général du Royaume du Maroc' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'consulateWording.fr must be text' })
  @MaxLength(200, { message: 'consulateWording.fr must be at most 200 characters' })
  fr?: string;

  @ApiPropertyOptional({ example: 'Consulate General of the Kingdom of Morocco' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'consulateWording.en must be text' })
  @MaxLength(200, { message: 'consulateWording.en must be at most 200 characters' })
  en?: string;

  @ApiPropertyOptional({ example: 'Consulado General del Reino de Marruecos' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'consulateWording.es must be text' })
  @MaxLength(200, { message: 'consulateWording.es must be at most 200 characters' })
  es?: string;
}

export class CoverageDto {
  @ApiPropertyOptional({ enum: COVERAGE_PAYERS, nullable: true })
  @IsOptional()
  @IsIn(COVERAGE_PAYERS, { message: payerMessage('travel') })
  travel?: CoveragePayer | null;

  @ApiPropertyOptional({ enum: COVERAGE_PAYERS, nullable: true })
  @IsOptional()
  @IsIn(COVERAGE_PAYERS, { message: payerMessage('accommodation') })
  accommodation?: CoveragePayer | null;

  @ApiPropertyOptional({ enum: COVERAGE_PAYERS, nullable: true })
  @IsOptional()
  @IsIn(COVERAGE_PAYERS, { message: payerMessage('meals') })
  meals?: CoveragePayer | null;

  @ApiPropertyOptional({ enum: COVERAGE_PAYERS, nullable: true })
  @IsOptional()
  @IsIn(COVERAGE_PAYERS, { message: payerMessage('visaFees') })
  visaFees?: CoveragePayer | null;

  @ApiPropertyOptional({ enum: COVERAGE_PAYERS, nullable: true })
  @IsOptional()
  @IsIn(COVERAGE_PAYERS, { message: payerMessage('perDiem') })
  perDiem?: CoveragePayer | null;
}

function OptionalText(field: string, max: number) {
  return (target: object, key: string) => {
    IsOptional()(target, key);
    Trim()(target, key);
    IsString({ message: `${field} must be text` })(target, key);
    MaxLength(max, { message: `${field} must be at most ${max} characters` })(target, key);
  };
}

/**
 * PUT /events/:id/letter-settings. Every text field is replaced (left out or empty: none);
 * `logo` and `signature` are kept when left out and removed when null.
 */
export class PutLetterSettingsDto {
  @ApiPropertyOptional({
    example: 'Association Darna Tanger',
    description: 'Letterhead: inviting organisation',
  })
  @OptionalText('orgName', 200)
  orgName?: string | null;

  @ApiPropertyOptional({ example: '23, rue de la Liberté\n90000 Tanger\nMaroc' })
  @OptionalText('orgAddress', 500)
  orgAddress?: string | null;

  @ApiPropertyOptional({ example: '+212 539 00 00 00' })
  @OptionalText('orgPhone', 40)
  orgPhone?: string | null;

  @ApiPropertyOptional({ example: 'contact@darna-tanger.ma' })
  @IsOptional()
  @Trim()
  @ValidateIf((_o, v) => v !== '' && v !== null && v !== undefined)
  @IsEmail({}, { message: 'orgEmail must be an email address such as contact@example.org' })
  @MaxLength(200, { message: 'orgEmail must be at most 200 characters' })
  orgEmail?: string | null;

  @ApiPropertyOptional({ example: 'Fatima Zahra El Amrani' })
  @OptionalText('signatoryName', 200)
  signatoryName?: string | null;

  @ApiPropertyOptional({ example: 'Présidente' })
  @OptionalText('signatoryTitle', 200)
  signatoryTitle?: string | null;

  @ApiPropertyOptional({
    type: ConsulateWordingDto,
    description:
      'How the letter names the consulate, per language (no article): the letter adds "À l\'attention du", the city and the date. Defaults to the consulate of the venue country.',
  })
  @IsOptional()
  @IsObject({ message: 'consulateWording must be an object with fr, en and es' })
  @ValidateNested()
  @Type(() => ConsulateWordingDto)
  consulateWording?: ConsulateWordingDto;

  @ApiPropertyOptional({
    description:
      "Letter in the participant's language followed by the host country's (French for Morocco)",
  })
  @IsOptional()
  @IsBoolean({ message: 'bilingual must be true or false' })
  bilingual?: boolean;

  @ApiPropertyOptional({ type: CoverageDto, description: 'Who pays what, stated in every letter' })
  @IsOptional()
  @IsObject({ message: 'coverage must be an object such as {"travel": "organisers"}' })
  @ValidateNested()
  @Type(() => CoverageDto)
  coverage?: CoverageDto;

  @ApiPropertyOptional({ example: 'Hôtel Continental, 36 rue Dar Baroud, 90000 Tanger, Maroc' })
  @OptionalText('stayAddress', 500)
  stayAddress?: string | null;

  @ApiPropertyOptional({ type: LetterImageDto, nullable: true, description: 'Letterhead logo' })
  @IsOptional()
  @IsObject({ message: 'logo must be an object with contentType and data' })
  @ValidateNested()
  @Type(() => LetterImageDto)
  logo?: LetterImageDto | null;

  @ApiPropertyOptional({ type: LetterImageDto, nullable: true, description: 'Signature image' })
  @IsOptional()
  @IsObject({ message: 'signature must be an object with contentType and data' })
  @ValidateNested()
  @Type(() => LetterImageDto)
  signature?: LetterImageDto | null;
}

/** PUT /registrations/:id/visa-letter-request: what only the letter needs, asked then. */
export class VisaLetterRequestDto {
  @ApiProperty({
    example: '1988-04-12',
    description: 'Date of birth, YYYY-MM-DD; stored encrypted',
  })
  @Trim()
  @IsCalendarDate({ message: 'birthDate must be a calendar date written YYYY-MM-DD' })
  birthDate!: string;

  @ApiProperty({
    example: '2022-02-01',
    description: 'Passport issue date, YYYY-MM-DD, not in the future; stored encrypted',
  })
  @Trim()
  @IsCalendarDate({ message: 'passportIssuedOn must be a calendar date written YYYY-MM-DD' })
  passportIssuedOn!: string;

  @ApiProperty({ example: 'SN', description: 'Country of the consulate serving you (ISO 3166-1)' })
  @TrimUpper()
  @IsCountryCode({
    message: 'consulateCountry must be an ISO 3166-1 alpha-2 country code such as SN or KH',
  })
  consulateCountry!: string;

  @ApiProperty({ example: 'Dakar', description: 'City of that consulate' })
  @Trim()
  @IsString({ message: 'consulateCity must be text' })
  @MinLength(1, { message: 'consulateCity must name the city of the consulate' })
  @MaxLength(100, { message: 'consulateCity must be at most 100 characters' })
  consulateCity!: string;
}
