import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  type CsvSeparator,
  CsvSeparatorQuery,
  IsCountryCode,
  PageQueryDto,
  Trim,
  TrimUpper,
} from '#core';
import { VISA_STATUSES, type VisaStatus } from '../visa-rules.js';
import { IATA_AIRPORT } from './travel-plan.dto.js';

export class MoveVisaDto {
  @ApiProperty({
    enum: VISA_STATUSES,
    description:
      'Organisers move the visa along not_required -> letter_requested -> letter_issued -> applied -> ' +
      'granted | refused (and back where it makes sense); a participant may only ask for a letter ' +
      '(letter_requested).',
  })
  @IsIn(VISA_STATUSES, { message: `status must be one of ${VISA_STATUSES.join(', ')}` })
  status!: VisaStatus;

  @ApiPropertyOptional({ example: 'Appointment at the consulate on 2027-09-02' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;

  @ApiPropertyOptional({
    description:
      'Moving letter_requested -> letter_issued before the participant gave their date of birth ' +
      'and passport issue date is a 409 (details.reason letter_details_missing) unless this is true',
  })
  @IsOptional()
  @IsBoolean({ message: 'withoutLetterDetails must be true or false' })
  withoutLetterDetails?: boolean;
}

export class PutVisaRulesDto {
  @ApiProperty({
    type: [String],
    example: ['BF', 'CD', 'PH', 'KH'],
    description:
      "Nationalities (ISO 3166-1 alpha-2) that need a visa for the event's country. A new travel plan " +
      'starts at letter_requested for these and not_required for the others; plans already ' +
      'started keep their status.',
  })
  @TrimUpper()
  @IsArray({ message: 'visaRequiredFor must be a list of country codes' })
  @ArrayMaxSize(250, { message: 'visaRequiredFor must hold at most 250 countries' })
  @ArrayUnique({ message: 'visaRequiredFor must not repeat a country' })
  @IsCountryCode({
    each: true,
    message: 'visaRequiredFor must only contain ISO 3166-1 alpha-2 country codes such as BF',
  })
  visaRequiredFor!: string[];
}

export const VISA_LIST_STATUSES = [...VISA_STATUSES, 'unknown'] as const;
export type VisaListStatus = (typeof VISA_LIST_STATUSES)[number];

export class ListVisasQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: VISA_LIST_STATUSES,
    description: 'unknown: no passport nationality entered yet',
  })
  @IsOptional()
  @IsIn(VISA_LIST_STATUSES, { message: `status must be one of ${VISA_LIST_STATUSES.join(', ')}` })
  status?: VisaListStatus;

  @ApiPropertyOptional({ example: 'BF', description: 'Passport nationality' })
  @IsOptional()
  @TrimUpper()
  @IsCountryCode({ message: 'nationality must be an ISO 3166-1 alpha-2 country code such as BF' })
  nationality?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only passports expiring less than 6 months after the event ends',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'passportExpiring must be true or false' })
  passportExpiring?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Searches name, email and organisation' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'q must be text' })
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  q?: string;
}

export class ArrivalsQueryDto {
  @ApiPropertyOptional({ example: 'TNG', description: 'Only this airport (IATA code)' })
  @IsOptional()
  @TrimUpper()
  @IsString({ message: 'airport must be text' })
  @Matches(IATA_AIRPORT, { message: 'airport must be the 3-letter IATA code of an airport' })
  airport?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @CsvSeparatorQuery()
  separator?: CsvSeparator;
}
