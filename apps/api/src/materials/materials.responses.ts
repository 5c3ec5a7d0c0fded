import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI shapes of shared materials and the directory (services return these shapes). */
export class MaterialResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sessionId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  sessionTitle!: string | null;
  @ApiProperty({ example: 'Participant guide' })
  title!: string;
  @ApiProperty({ example: 'Participant guide.pdf' })
  fileName!: string;
  @ApiProperty({ example: 'application/pdf', description: 'From the bytes, not the name' })
  contentType!: string;
  @ApiProperty({ type: 'integer' })
  sizeBytes!: number;
  @ApiProperty({ example: '2027-10-20T10:00:00+01:00' })
  uploadedAt!: string;
  @ApiProperty({ description: 'Whether the reader may delete it' })
  canDelete!: boolean;
}

export class DirectoryOrganisationResponse {
  @ApiProperty()
  name!: string;
  @ApiProperty({ example: 'BF' })
  country!: string;
}

export class DirectoryEntryResponse {
  @ApiProperty({ format: 'uuid' })
  registrationId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: DirectoryOrganisationResponse })
  organisation!: DirectoryOrganisationResponse;
  @ApiProperty({ example: 'social_worker' })
  profession!: string;
  @ApiProperty({ type: String, nullable: true })
  professionOther!: string | null;
  @ApiProperty({ type: [String], example: ['fr', 'en'] })
  languages!: string[];
  @ApiProperty({ description: "The reader's own entry" })
  isMe!: boolean;
}

export class DirectoryListingResponse {
  @ApiProperty()
  listed!: boolean;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
}

export class SharingErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode!: number;
  @ApiProperty({ example: 'Not Found' })
  error!: string;
  @ApiProperty()
  message!: string;
  @ApiProperty({ required: false, type: Object })
  details?: Record<string, unknown>;
}
