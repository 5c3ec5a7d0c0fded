import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of the certificates and verification answers (plain objects at run time). */
export class ApiErrorResponse {
  @ApiProperty({ example: 409 })
  statusCode!: number;
  @ApiProperty({ example: 'Conflict' })
  error!: string;
  @ApiProperty()
  message!: string;
  @ApiProperty({ required: false, type: Object, example: { reason: 'event_not_ended' } })
  details?: Record<string, unknown>;
}

class VerifiedHolder {
  @ApiProperty({ example: 'María Lucía Fernández' })
  name!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '0042',
    description: 'Only on an invitation letter, the one document carrying a passport number',
  })
  passportLastFour!: string | null;
}

class VerifiedEvent {
  @ApiProperty()
  name!: string;
  @ApiProperty({ example: '2027-10-25' })
  startDate!: string;
  @ApiProperty({ example: '2027-10-30' })
  endDate!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Tangier' })
  city!: string | null;
}

class VerifiedAttendance {
  @ApiProperty({ example: 6 })
  sessions!: number;
  @ApiProperty({ example: 750, description: 'Total minutes certified' })
  minutes!: number;
}

export class DocumentVerificationResponse {
  @ApiProperty({ enum: ['invitation_letter', 'certificate', 'badge', 'exchange_report'] })
  kind!: string;
  @ApiProperty({ enum: ['valid', 'revoked'] })
  status!: string;
  @ApiProperty({ nullable: true, type: String, example: 'TNG27-C0004' })
  reference!: string | null;
  @ApiProperty({ type: VerifiedHolder })
  holder!: VerifiedHolder;
  @ApiProperty({ type: VerifiedEvent })
  event!: VerifiedEvent;
  @ApiProperty({ type: VerifiedAttendance, required: false, description: 'Certificates only' })
  attendance?: VerifiedAttendance;
}
