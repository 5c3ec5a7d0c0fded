import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsObject,
  IsOptional,
  IsString,
  Matches,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { IsCalendarDate, IsCountryCode, IsTimeZone, parseInstant, Trim, TrimUpper } from '#core';
import { normalisePassportNumber, PASSPORT_NUMBER } from '../passport.js';

/** Optional, but never null: class-validator's IsOptional would let null through to the service. */
const LeftOutOrSet = () => ValidateIf((_o: unknown, value: unknown) => value !== undefined);

/** An ISO 8601 date-time that exists, with or without an offset (the zone is applied later). */
function IsDateTimeText(options: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDateTimeText',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (v: unknown) => typeof v === 'string' && parseInstant(v, 'UTC') !== undefined,
      },
    });
}

export const FLIGHT_NUMBER = /^([A-Z][A-Z0-9]|[A-Z0-9][A-Z])[0-9]{1,4}[A-Z]?$/;
export const IATA_AIRPORT = /^[A-Z]{3}$/;
const TIME_HELP =
  'Local time at the airport, ISO 8601: with an offset (2027-10-24T14:05:00+00:00), or wall-clock ' +
  '(2027-10-24T14:05) read in airportTimezone, or in the event time zone when airportTimezone is left out. ' +
  'Returned with the offset of that zone.';

const compact = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value;

/** The same leg for arrival and departure; each names its own fields in error messages. */
function legDto(leg: 'arrival' | 'departure') {
  const when = leg === 'arrival' ? 'lands' : 'takes off';
  class FlightLeg {
    @ApiProperty({ example: leg === 'arrival' ? 'AT571' : 'AT570', description: 'IATA flight' })
    @Transform(compact)
    @IsString({ message: `${leg}.flightNumber must be text` })
    @Matches(FLIGHT_NUMBER, {
      message: `${leg}.flightNumber must be an airline code and a number, such as AT571 or 2J 512`,
    })
    flightNumber!: string;

    @ApiProperty({ example: 'TNG', description: 'IATA code of the airport (3 letters)' })
    @TrimUpper()
    @IsString({ message: `${leg}.airport must be text` })
    @Matches(IATA_AIRPORT, {
      message: `${leg}.airport must be the 3-letter IATA code of an airport, such as TNG`,
    })
    airport!: string;

    @ApiProperty({
      example: '2027-10-24T14:05',
      description: `When the plane ${when}. ${TIME_HELP}`,
    })
    @Trim()
    @IsDateTimeText({
      message: `${leg}.at must be an ISO 8601 date-time such as 2027-10-24T14:05 or 2027-10-24T14:05:00+00:00`,
    })
    at!: string;

    @ApiPropertyOptional({
      example: 'Africa/Casablanca',
      description: "IANA zone of the airport, for a wall-clock `at`; defaults to the event's zone",
    })
    @LeftOutOrSet()
    @IsTimeZone({
      message: `${leg}.airportTimezone must be an IANA time zone such as Africa/Casablanca`,
    })
    airportTimezone?: string;
  }
  return FlightLeg;
}

export class ArrivalDto extends legDto('arrival') {}
export class DepartureDto extends legDto('departure') {}

export class PassportDto {
  @ApiProperty({ example: 'BF', description: 'Nationality of the passport, ISO 3166-1 alpha-2' })
  @TrimUpper()
  @IsCountryCode({
    message: 'passport.nationality must be an ISO 3166-1 alpha-2 country code such as BF or CD',
  })
  nationality!: string;

  @ApiPropertyOptional({
    example: 'B1234567',
    description:
      'Stored encrypted. Returned in full only to the holder; organisers see "•••••4567" and find ' +
      'the full number only in the invitation letter. Leave out to keep the number on file.',
  })
  @LeftOutOrSet()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalisePassportNumber(value) : value,
  )
  @IsString({ message: 'passport.number must be text' })
  @Matches(PASSPORT_NUMBER, {
    message: 'passport.number must be 5 to 20 letters and digits, as printed on the passport',
  })
  number?: string;

  @ApiPropertyOptional({
    example: '2031-01-31',
    description:
      'YYYY-MM-DD, not in the past. A passport expiring less than 6 months after the event ends ' +
      'is accepted with a warning. Leave out to keep the date on file.',
  })
  @LeftOutOrSet()
  @IsCalendarDate({ message: 'passport.expiresOn must be a calendar date written YYYY-MM-DD' })
  expiresOn?: string;
}

/**
 * PUT replaces the sections it sends and keeps those it leaves out; a section sent as
 * null is removed. (Organisers fixing a flight never see the passport number, so the
 * number can be left out and stays as it is.)
 */
export class PutTravelPlanDto {
  @ApiPropertyOptional({ type: PassportDto, nullable: true })
  @IsOptional()
  @IsObject({ message: 'passport must be an object with nationality, number and expiresOn' })
  @ValidateNested()
  @Type(() => PassportDto)
  passport?: PassportDto | null;

  @ApiPropertyOptional({ type: ArrivalDto, nullable: true, description: 'The flight in' })
  @IsOptional()
  @IsObject({ message: 'arrival must be an object with flightNumber, airport and at' })
  @ValidateNested()
  @Type(() => ArrivalDto)
  arrival?: ArrivalDto | null;

  @ApiPropertyOptional({ type: DepartureDto, nullable: true, description: 'The flight home' })
  @IsOptional()
  @IsObject({ message: 'departure must be an object with flightNumber, airport and at' })
  @ValidateNested()
  @Type(() => DepartureDto)
  departure?: DepartureDto | null;
}
