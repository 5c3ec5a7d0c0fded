import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of journals and the exchange report (the services return these shapes). */
export class LearningErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode!: number;
  @ApiProperty({ example: 'Not Found' })
  error!: string;
  @ApiProperty({ example: 'Journal entry not found' })
  message!: string;
  @ApiProperty({ required: false, type: Object, example: { field: 'day' } })
  details?: Record<string, unknown>;
}

class JournalAuthorResponse {
  @ApiProperty({ example: 'Awa Traoré' })
  name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Kogl Taaba' })
  organisation!: string | null;
}

class JournalAnswerResponse {
  @ApiProperty()
  body!: string;
  @ApiProperty({ example: '2027-03-09T18:20:00.000Z' })
  answeredAt!: string;
  @ApiProperty({ type: String, nullable: true })
  authorName!: string | null;
}

export class JournalEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ example: '2027-03-09', description: 'A day of the immersion (its own dates)' })
  day!: string;
  @ApiProperty()
  observations!: string;
  @ApiProperty()
  questions!: string;
  @ApiProperty()
  practice!: string;
  @ApiProperty({ enum: ['private', 'host', 'network'] })
  sharing!: string;
  @ApiProperty({ type: JournalAuthorResponse })
  author!: JournalAuthorResponse;
  @ApiProperty({
    type: JournalAnswerResponse,
    nullable: true,
    description: 'The host’s answer, only while the entry is shared',
  })
  answer!: JournalAnswerResponse | null;
  @ApiProperty({ example: '2027-03-09T17:05:00.000Z' })
  updatedAt!: string;
}

class JournalDayResponse {
  @ApiProperty({ example: '2027-03-09' })
  day!: string;
  @ApiProperty({ type: JournalEntryResponse, nullable: true })
  entry!: JournalEntryResponse | null;
}

export class MyJournalResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ type: [JournalDayResponse] })
  days!: JournalDayResponse[];
}

export class SharedJournalResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ type: [JournalEntryResponse] })
  entries!: JournalEntryResponse[];
}

class ReportOrganisationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'CD' })
  country!: string | null;
  @ApiProperty({ type: String, nullable: true })
  city!: string | null;
}

class ReportPartnersResponse {
  @ApiProperty({ type: ReportOrganisationResponse, nullable: true })
  host!: ReportOrganisationResponse | null;
  @ApiProperty({ type: [ReportOrganisationResponse] })
  visiting!: ReportOrganisationResponse[];
}

class ReportEventResponse {
  @ApiProperty()
  name!: string;
  @ApiProperty({ example: '2027-03-08' })
  startDate!: string;
  @ApiProperty({ example: '2027-03-12' })
  endDate!: string;
  @ApiProperty({ example: 'Africa/Kinshasa' })
  timezone!: string;
  @ApiProperty({ example: '8 March 2027 to 12 March 2027' })
  dates!: string;
  @ApiProperty({ example: 'Kinshasa' })
  place!: string;
  @ApiProperty({ example: 'Times are Kinshasa time.' })
  zone!: string;
}

class ReportSessionResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'workshop' })
  kind!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty({ example: '2027-03-09T08:00:00.000Z' })
  startsAt!: string;
  @ApiProperty({ example: '2027-03-09T10:00:00.000Z' })
  endsAt!: string;
  @ApiProperty({
    example: 'Tue 9 Mar',
    description: 'In the report’s language and the event’s zone',
  })
  date!: string;
  @ApiProperty({ example: '09:00–11:00' })
  hours!: string;
  @ApiProperty({ type: 'integer', description: 'Visitors recorded as attending' })
  attended!: number;
  @ApiProperty({ type: [String] })
  attendees!: string[];
}

class ReportVisitorResponse {
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: String, nullable: true })
  organisation!: string | null;
  @ApiProperty({ type: 'integer' })
  sessionsAttended!: number;
}

export class ExchangeReportResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty()
  slug!: string;
  @ApiProperty({ enum: ['fr', 'en', 'es'] })
  locale!: string;
  @ApiProperty({ type: [String], example: ['fr', 'en'], description: 'The partners’ languages' })
  languages!: string[];
  @ApiProperty({ example: 'KNS27-X0001' })
  reference!: string;
  @ApiProperty({ example: 'https://convene.example/verify/3q2-7wE…' })
  verifyUrl!: string;
  @ApiProperty({ example: '2027-03-12' })
  issuedOn!: string;
  @ApiProperty({ type: ReportEventResponse })
  event!: ReportEventResponse;
  @ApiProperty({ type: ReportPartnersResponse })
  partners!: ReportPartnersResponse;
  @ApiProperty({ type: [ReportSessionResponse] })
  programme!: ReportSessionResponse[];
  @ApiProperty({ type: [ReportVisitorResponse] })
  visitors!: ReportVisitorResponse[];
  @ApiProperty({
    type: [JournalEntryResponse],
    description: 'Only the entries their authors shared with the network',
  })
  entries!: JournalEntryResponse[];
}
