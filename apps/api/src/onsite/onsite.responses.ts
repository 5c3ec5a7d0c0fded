import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of the on-site answers (the services return plain objects of these shapes). */
export class CheckInResponse {
  @ApiProperty({ enum: ['checked_in', 'already_checked_in'] })
  status!: string;
  @ApiProperty({ format: 'uuid' })
  registrationId!: string;
  @ApiProperty({ example: 'Awa Diallo' })
  name!: string;
  @ApiProperty()
  organisation!: string;
  @ApiProperty({ example: '2027-10-26', description: 'The day, in the event’s zone' })
  day!: string;
  @ApiProperty({ example: '2027-10-26T08:52:00+00:00' })
  checkedInAt!: string;
  @ApiProperty({ example: '08:52', description: 'In the event’s zone' })
  time!: string;
  @ApiProperty({ example: 'Awa Diallo: already checked in at 08:52' })
  message!: string;
}

export class DoorAttendanceResponse {
  @ApiProperty({ enum: ['attended', 'already_attended'] })
  status!: string;
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;
  @ApiProperty({ format: 'uuid' })
  registrationId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  organisation!: string;
  @ApiProperty({ description: 'False when the session asks for sign-ups and the person had none' })
  signedUp!: boolean;
  @ApiProperty({ example: '2027-10-26T09:05:00+00:00' })
  attendedAt!: string;
  @ApiProperty({ example: '09:05' })
  time!: string;
  @ApiProperty()
  message!: string;
}

/** Documents the error responses here; the OpenAPI document maps them to its one ErrorResponse. */
export class OnsiteErrorResponse {
  @ApiProperty({ example: 409 })
  statusCode!: number;
  @ApiProperty({ example: 'Conflict' })
  error!: string;
  @ApiProperty()
  message!: string;
  @ApiProperty({ required: false, type: Object })
  details?: Record<string, unknown>;
}
