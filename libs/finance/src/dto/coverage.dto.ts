import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import { Trim, TrimUpper } from '#core';
import { isCurrencyCode } from '../money.js';
import { PAYERS, type Payer } from '../payers.js';

/** An ISO 4217 currency code in use (EUR, MAD, XOF). */
export function IsCurrencyCode(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCurrencyCode',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an ISO 4217 currency code such as EUR, MAD or XOF`,
        ...options,
      },
      validator: { validate: isCurrencyCode },
    });
}

const payerMessage = (field: string) => ({
  message: `${field} must be one of ${PAYERS.join(', ')}`,
});

/** PUT /events/:id/cost-coverage: the event's rule for every participant. */
export class PutCoverageDto {
  @ApiProperty({ example: 'EUR', description: "The event's accounting currency (ISO 4217)" })
  @TrimUpper()
  @IsCurrencyCode()
  currency!: string;

  @ApiProperty({ enum: PAYERS, description: 'Flights and ground transport' })
  @IsIn(PAYERS, payerMessage('travel'))
  travel!: Payer;

  @ApiProperty({ enum: PAYERS })
  @IsIn(PAYERS, payerMessage('visaFees'))
  visaFees!: Payer;

  @ApiProperty({ enum: PAYERS })
  @IsIn(PAYERS, payerMessage('accommodation'))
  accommodation!: Payer;

  @ApiProperty({ enum: PAYERS })
  @IsIn(PAYERS, payerMessage('meals'))
  meals!: Payer;

  @ApiProperty({ enum: PAYERS })
  @IsIn(PAYERS, payerMessage('perDiem'))
  perDiem!: Payer;

  @ApiProperty({ example: 3000, description: 'Per diem per day in minor units (3000 = 30.00 EUR)' })
  @IsInt({ message: 'perDiemDailyMinor must be a whole number of minor units (cents)' })
  @Min(0, { message: 'perDiemDailyMinor must not be negative' })
  @Max(100_000_000, { message: 'perDiemDailyMinor is too large' })
  perDiemDailyMinor!: number;

  @ApiProperty({ example: 'EUR', description: 'Currency of the per diem (ISO 4217)' })
  @TrimUpper()
  @IsCurrencyCode()
  perDiemCurrency!: string;
}

const setOrNull = () => ValidateIf((_o: unknown, v: unknown) => v !== undefined && v !== null);

/** PUT /registrations/:id/cost-coverage: one participant's exceptions (null follows the event). */
export class PutCoverageOverrideDto {
  @ApiPropertyOptional({ enum: PAYERS, nullable: true })
  @setOrNull()
  @IsIn(PAYERS, payerMessage('travel'))
  travel?: Payer | null;

  @ApiPropertyOptional({ enum: PAYERS, nullable: true })
  @setOrNull()
  @IsIn(PAYERS, payerMessage('visaFees'))
  visaFees?: Payer | null;

  @ApiPropertyOptional({ enum: PAYERS, nullable: true })
  @setOrNull()
  @IsIn(PAYERS, payerMessage('accommodation'))
  accommodation?: Payer | null;

  @ApiPropertyOptional({ enum: PAYERS, nullable: true })
  @setOrNull()
  @IsIn(PAYERS, payerMessage('meals'))
  meals?: Payer | null;

  @ApiPropertyOptional({ enum: PAYERS, nullable: true })
  @setOrNull()
  @IsIn(PAYERS, payerMessage('perDiem'))
  perDiem?: Payer | null;

  @ApiPropertyOptional({
    example: 2500,
    nullable: true,
    description: "Minor units of the event's per-diem currency",
  })
  @setOrNull()
  @IsInt({ message: 'perDiemDailyMinor must be a whole number of minor units (cents)' })
  @Min(0, { message: 'perDiemDailyMinor must not be negative' })
  @Max(100_000_000, { message: 'perDiemDailyMinor is too large' })
  perDiemDailyMinor?: number | null;

  @ApiPropertyOptional({
    example: 5,
    nullable: true,
    description: 'Per diem days, when not counted from the dates',
  })
  @setOrNull()
  @IsInt({ message: 'perDiemDays must be a whole number of days' })
  @Min(0, { message: 'perDiemDays must not be negative' })
  @Max(366, { message: 'perDiemDays must be at most 366' })
  perDiemDays?: number | null;

  @ApiPropertyOptional({ example: 'Her organisation pays her flight from Manila' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string | null;
}

/** PUT /events/:id/currency-rates/:currency */
export class PutRateDto {
  @ApiProperty({
    example: '0.0925',
    description: "Units of the event's currency for one unit of this currency, as decimal text",
  })
  @Trim()
  @IsString({ message: 'rate must be decimal text such as 0.0925' })
  @MaxLength(24, { message: 'rate must be decimal text such as 0.0925' })
  rate!: string;
}
