import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { type CsvSeparator, CsvSeparatorQuery, Trim, TrimUpper } from '#core';
import { MAX_AMOUNT_MINOR } from '../money.js';
import {
  COST_KINDS,
  COST_STATUSES,
  type CostKind,
  type CostStatus,
  PAYERS,
  type Payer,
} from '../payers.js';
import { IsCurrencyCode } from './coverage.dto.js';

const leftOutOrSet = () => ValidateIf((_o: unknown, v: unknown) => v !== undefined);

/** POST /registrations/:id/costs: one cost line (a flight, a visa fee, a taxi). */
export class CreateCostItemDto {
  @ApiProperty({ enum: COST_KINDS })
  @IsIn(COST_KINDS, { message: `kind must be one of ${COST_KINDS.join(', ')}` })
  kind!: CostKind;

  @ApiPropertyOptional({ example: 'Royal Air Maroc AT571 Ouagadougou - Tangier, return' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'description must be text' })
  @MaxLength(200, { message: 'description must be at most 200 characters' })
  description?: string;

  @ApiProperty({ example: 64500, description: 'Minor units of currency (64500 = 645.00 EUR)' })
  @IsInt({ message: 'amountMinor must be a whole number of minor units (cents)' })
  @Min(0, { message: 'amountMinor must not be negative' })
  @Max(MAX_AMOUNT_MINOR, { message: 'amountMinor is too large' })
  amountMinor!: number;

  @ApiProperty({ example: 'EUR' })
  @TrimUpper()
  @IsCurrencyCode()
  currency!: string;

  @ApiPropertyOptional({
    enum: PAYERS,
    description: "Who bears it; defaults to the participant's coverage for this kind",
  })
  @leftOutOrSet()
  @IsIn(PAYERS, { message: `payer must be one of ${PAYERS.join(', ')}` })
  payer?: Payer;

  @ApiPropertyOptional({
    enum: PAYERS,
    description:
      'Who booked or paid it up front (a flight booked by the network or by the partner); ' +
      'defaults to the payer. A participant who advanced a cost the network bears is reimbursed.',
  })
  @leftOutOrSet()
  @IsIn(PAYERS, { message: `advancedBy must be one of ${PAYERS.join(', ')}` })
  advancedBy?: Payer;
}

/** PATCH /cost-items/:itemId: any field of the line but its status. */
export class UpdateCostItemDto {
  @ApiPropertyOptional({ enum: COST_KINDS })
  @leftOutOrSet()
  @IsIn(COST_KINDS, { message: `kind must be one of ${COST_KINDS.join(', ')}` })
  kind?: CostKind;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Trim()
  @IsString({ message: 'description must be text' })
  @MaxLength(200, { message: 'description must be at most 200 characters' })
  description?: string | null;

  @ApiPropertyOptional({ example: 64500 })
  @leftOutOrSet()
  @IsInt({ message: 'amountMinor must be a whole number of minor units (cents)' })
  @Min(0, { message: 'amountMinor must not be negative' })
  @Max(MAX_AMOUNT_MINOR, { message: 'amountMinor is too large' })
  amountMinor?: number;

  @ApiPropertyOptional({ example: 'MAD' })
  @leftOutOrSet()
  @TrimUpper()
  @IsCurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ enum: PAYERS })
  @leftOutOrSet()
  @IsIn(PAYERS, { message: `payer must be one of ${PAYERS.join(', ')}` })
  payer?: Payer;

  @ApiPropertyOptional({ enum: PAYERS })
  @leftOutOrSet()
  @IsIn(PAYERS, { message: `advancedBy must be one of ${PAYERS.join(', ')}` })
  advancedBy?: Payer;
}

/** POST /cost-items/:itemId/status */
export class MoveCostStatusDto {
  @ApiProperty({
    enum: COST_STATUSES,
    description:
      'to_pay -> paid (the network paid the supplier or the participant) or reimbursed (the ' +
      'participant or partner advanced it and the network paid them back); back to to_pay to correct.',
  })
  @IsIn(COST_STATUSES, { message: `status must be one of ${COST_STATUSES.join(', ')}` })
  status!: CostStatus;

  @ApiPropertyOptional({ example: 'Bank transfer 2027-11-04' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'note must be text' })
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;
}

/** GET /events/:id/finance */
export class FinanceQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @CsvSeparatorQuery()
  separator?: CsvSeparator;
}
