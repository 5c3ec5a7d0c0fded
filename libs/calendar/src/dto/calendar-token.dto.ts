import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsString, IsUrl } from 'class-validator';

/** The answer to POST /me/calendar-token: the only time the secret URL is shown. */
export class CalendarTokenDto {
  @ApiProperty({
    example:
      'https://convene.example.org/api/calendar/Qm9vay1tZS1pbi10aGUtY2FsZW5kYXItcGxlYXNl.ics',
    description:
      'Subscription URL for a calendar app; it works without a login, so keep it private. ' +
      'Rotating (POST again) or revoking (DELETE) stops it at once.',
  })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  url!: string;

  @ApiProperty({
    example:
      'webcal://convene.example.org/api/calendar/Qm9vay1tZS1pbi10aGUtY2FsZW5kYXItcGxlYXNl.ics',
    description: 'The same URL with the webcal scheme: phones open it as a subscription',
  })
  @IsString()
  webcalUrl!: string;

  @ApiProperty({ format: 'date-time', example: '2027-09-01T10:00:00.000Z' })
  @IsDateString()
  createdAt!: string;
}
