import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of programmes and exchanges (the services return these shapes). */
export class OrganisationRefResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'Kogl Taaba' })
  name!: string;
  @ApiProperty({ example: 'BF' })
  country!: string;
}

export class ReturnEventResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  slug!: string;
  @ApiProperty({ example: '2027-05-10' })
  startDate!: string;
  @ApiProperty({ example: '2027-05-14' })
  endDate!: string;
}

export class ExchangeResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty()
  eventSlug!: string;
  @ApiProperty({ enum: ['draft', 'published', 'closed', 'archived'] })
  eventStatus!: string;
  @ApiProperty({ example: '2027-03-08' })
  startDate!: string;
  @ApiProperty({ example: '2027-03-12' })
  endDate!: string;
  @ApiProperty({ example: 'Africa/Kinshasa' })
  timezone!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  programmeId!: string | null;
  @ApiProperty({ type: OrganisationRefResponse })
  visitingOrganisation!: OrganisationRefResponse;
  @ApiProperty({ type: OrganisationRefResponse })
  hostOrganisation!: OrganisationRefResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  returnExchangeId!: string | null;
  @ApiProperty({ type: ReturnEventResponse, nullable: true })
  returnEvent!: ReturnEventResponse | null;
  @ApiProperty()
  returnNotNeeded!: boolean;
  @ApiProperty({
    enum: ['planned', 'done', 'awaiting_return'],
    description:
      'planned until the visit ends; then done once the return visit ended (or none is needed), else awaiting_return',
  })
  state!: string;
}

export class VisitorResponse {
  @ApiProperty({ format: 'uuid' })
  registrationId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: OrganisationRefResponse })
  organisation!: OrganisationRefResponse;
  @ApiProperty({ example: 'social_worker' })
  profession!: string;
  @ApiProperty({ type: String, nullable: true })
  professionOther!: string | null;
  @ApiProperty({ type: [String] })
  languages!: string[];
  @ApiProperty({ type: String, nullable: true })
  dietary!: string | null;
  @ApiProperty({ type: String, nullable: true })
  accessibility!: string | null;
  @ApiProperty({ example: 'confirmed' })
  status!: string;
}

export class ExchangeVisitorsResponse {
  @ApiProperty({ type: ExchangeResponse })
  exchange!: ExchangeResponse;
  @ApiProperty({ type: [VisitorResponse], description: 'Never a phone or a passport' })
  visitors!: VisitorResponse[];
}

export class NominationResponse {
  @ApiProperty({
    allOf: [{ $ref: '#/components/schemas/Registration' }],
    description: 'The registration, awaiting_consent',
  })
  registration!: Record<string, unknown>;
  @ApiProperty({ description: 'Whether the person had no account yet' })
  accountCreated!: boolean;
}

export class ProgrammeSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ example: 'family-support-2027' })
  slug!: string;
  @ApiProperty({ example: 2027 })
  year!: number;
  @ApiProperty({ example: 'Family support 2027', description: "In the reader's language" })
  name!: string;
  @ApiProperty({ type: Object, example: { en: 'Family support 2027' } })
  names!: Record<string, string>;
}

export class ProgrammeItemResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty()
  slug!: string;
  @ApiProperty({ enum: ['meeting', 'immersion'] })
  kind!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  startDate!: string;
  @ApiProperty()
  endDate!: string;
  @ApiProperty({ type: String, nullable: true })
  venueCity!: string | null;
  @ApiProperty({ type: String, nullable: true })
  venueCountry!: string | null;
  @ApiProperty({ type: ExchangeResponse, nullable: true })
  exchange!: ExchangeResponse | null;
}

export class ProgrammeFiguresResponse {
  @ApiProperty({ example: 4 })
  immersions!: number;
  @ApiProperty({ example: 11, description: 'Confirmed visitors who are social workers' })
  socialWorkers!: number;
  @ApiProperty({ example: 4, description: 'Countries of the partners of the immersions' })
  countries!: number;
}

export class ProgrammeResponse extends ProgrammeSummaryResponse {
  @ApiProperty({ type: [ProgrammeItemResponse] })
  items!: ProgrammeItemResponse[];
  @ApiProperty({ type: ProgrammeFiguresResponse, description: 'Of the items shown' })
  figures!: ProgrammeFiguresResponse;
  @ApiProperty({ type: [OrganisationRefResponse] })
  partners!: OrganisationRefResponse[];
  @ApiProperty({ type: [String] })
  countries!: string[];
  @ApiProperty({ type: [Number] })
  years!: number[];
}

export class ManagerResponse {
  @ApiProperty({ format: 'uuid' })
  accountId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  email!: string;
}

export class EventProgrammeResponse {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  programmeId!: string | null;
}

export class ExchangeErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode!: number;
  @ApiProperty({ example: 'Not Found' })
  error!: string;
  @ApiProperty()
  message!: string;
  @ApiProperty({ required: false, type: Object })
  details?: Record<string, unknown>;
}
