import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COST_KINDS, COST_STATUSES, PAYERS } from '#finance';

/** OpenAPI shapes of the finance answers (the services return plain objects of these shapes). */
export class CoverageLineResponse {
  @ApiProperty({ enum: PAYERS, nullable: true })
  payer!: string | null;
  @ApiProperty({ description: "True when this participant's payer differs from the event's" })
  overridden!: boolean;
}

export class PerDiemCoverageResponse extends CoverageLineResponse {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 3000,
    description: 'Minor units per day',
  })
  dailyMinor!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'EUR' })
  currency!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Days set by hand for this participant',
  })
  days!: number | null;
}

export class CoverageResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ format: 'uuid', nullable: true })
  registrationId!: string | null;
  @ApiProperty({ description: "False until the organisers set the event's coverage" })
  configured!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'EUR' })
  currency!: string | null;
  @ApiProperty({ type: CoverageLineResponse })
  travel!: CoverageLineResponse;
  @ApiProperty({ type: CoverageLineResponse })
  visaFees!: CoverageLineResponse;
  @ApiProperty({ type: CoverageLineResponse })
  accommodation!: CoverageLineResponse;
  @ApiProperty({ type: CoverageLineResponse })
  meals!: CoverageLineResponse;
  @ApiProperty({ type: PerDiemCoverageResponse })
  perDiem!: PerDiemCoverageResponse;
  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2027-09-01T10:00:00+00:00' })
  updatedAt?: string | null;
}

export class ReceiptResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'boarding-pass.pdf' })
  fileName!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] })
  contentType!: string;
  @ApiProperty()
  sizeBytes!: number;
  @ApiProperty({ example: '2027-10-20T11:00:00+00:00' })
  uploadedAt!: string;
}

export class CostStatusChangeResponse {
  @ApiProperty({ enum: COST_STATUSES, nullable: true })
  from!: string | null;
  @ApiProperty({ enum: COST_STATUSES })
  to!: string;
  @ApiProperty()
  changedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Name of who changed it' })
  changedBy!: string | null;
  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

export class CostItemResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ enum: COST_KINDS })
  kind!: string;
  @ApiProperty({ type: String, nullable: true })
  description!: string | null;
  @ApiProperty({ example: 64500, description: 'Minor units of currency' })
  amountMinor!: number;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "In the event's currency; null without a rate",
  })
  eventAmountMinor!: number | null;
  @ApiProperty({ enum: PAYERS })
  payer!: string;
  @ApiProperty({ enum: PAYERS })
  advancedBy!: string;
  @ApiProperty({ enum: COST_STATUSES, nullable: true })
  status!: string | null;
  @ApiProperty()
  statusChangedAt!: string;
  @ApiProperty({ type: String, nullable: true })
  statusChangedBy!: string | null;
  @ApiProperty({ type: [ReceiptResponse] })
  receipts!: ReceiptResponse[];
  @ApiProperty({ type: [CostStatusChangeResponse] })
  history!: CostStatusChangeResponse[];
}

export class CostTotalsResponse {
  @ApiProperty({ type: String, nullable: true, example: 'EUR' })
  currency!: string | null;
  @ApiProperty()
  networkBearsMinor!: number;
  @ApiProperty()
  settledMinor!: number;
  @ApiProperty()
  outstandingMinor!: number;
  @ApiProperty({ description: 'Owed to the participant: their advances and per diem' })
  toReimburseMinor!: number;
  @ApiProperty({ type: [String], description: 'Currencies without a rate (left out of totals)' })
  missingRates!: string[];
}

export class RegistrationCostsResponse {
  @ApiProperty({ format: 'uuid' })
  registrationId!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({
    example: { name: 'Awa Traoré', organisation: 'Maison des Familles', country: 'BF' },
  })
  participant!: Record<string, string>;
  @ApiProperty({ type: CoverageResponse })
  coverage!: CoverageResponse;
  @ApiProperty({
    example: { checkIn: '2027-10-24', checkOut: '2027-10-31', nights: 7, source: 'flights' },
  })
  stay!: Record<string, unknown>;
  @ApiProperty({
    example: {
      payer: 'network',
      days: 8,
      daysSetByHand: false,
      dailyMinor: 3000,
      currency: 'EUR',
      amountMinor: 24000,
      itemId: null,
    },
  })
  perDiem!: Record<string, unknown>;
  @ApiProperty({ type: [CostItemResponse] })
  items!: CostItemResponse[];
  @ApiProperty({ type: CostTotalsResponse })
  totals!: CostTotalsResponse;
}

export class FinanceGroupResponse {
  @ApiProperty()
  key!: string;
  @ApiProperty()
  label!: string;
  @ApiProperty()
  participants!: number;
  @ApiProperty()
  networkBearsMinor!: number;
  @ApiProperty()
  settledMinor!: number;
  @ApiProperty()
  outstandingMinor!: number;
  @ApiProperty()
  toReimburseMinor!: number;
}

export class FinanceSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ type: String, nullable: true })
  currency!: string | null;
  @ApiProperty()
  configured!: boolean;
  @ApiProperty({ type: [RegistrationCostsResponse] })
  participants!: RegistrationCostsResponse[];
  @ApiProperty({ type: [FinanceGroupResponse] })
  byOrganisation!: FinanceGroupResponse[];
  @ApiProperty({ type: [FinanceGroupResponse] })
  byCountry!: FinanceGroupResponse[];
  @ApiProperty({
    example: {
      participants: 26,
      networkBearsMinor: 2500000,
      settledMinor: 0,
      outstandingMinor: 2500000,
      toReimburseMinor: 400000,
    },
  })
  totals!: Record<string, number>;
  @ApiProperty({ type: [String] })
  missingRates!: string[];
}

export class RateResponse {
  @ApiProperty({ example: 'MAD' })
  currency!: string;
  @ApiProperty({ example: '0.0925' })
  rate!: string;
  @ApiProperty()
  updatedAt!: string;
}

export class ErrorResponse {
  @ApiProperty({ example: 409 })
  statusCode!: number;
  @ApiProperty({ example: 'Conflict' })
  error!: string;
  @ApiProperty()
  message!: string;
  @ApiProperty({ required: false, type: Object })
  details?: Record<string, unknown>;
}
