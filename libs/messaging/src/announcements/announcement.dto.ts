import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCountryCode, Trim, TrimUpper } from '#core';

export const ANNOUNCEMENT_AUDIENCES = [
  'confirmed',
  'waitlisted',
  'all',
  'organisation',
  'country',
] as const;
export type AnnouncementAudience = (typeof ANNOUNCEMENT_AUDIENCES)[number];

/** One text per language; at least one language, the same ones for subject and body. */
export class LocalizedSubjectDto {
  @ApiPropertyOptional({ example: 'Changement de salle' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'subject.fr must be text' })
  @Length(1, 200, { message: 'subject.fr must be 1 to 200 characters' })
  fr?: string;

  @ApiPropertyOptional({ example: 'Room change' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'subject.en must be text' })
  @Length(1, 200, { message: 'subject.en must be 1 to 200 characters' })
  en?: string;

  @ApiPropertyOptional({ example: 'Cambio de sala' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'subject.es must be text' })
  @Length(1, 200, { message: 'subject.es must be 1 to 200 characters' })
  es?: string;
}

export class LocalizedBodyDto {
  @ApiPropertyOptional({ example: "L'atelier de jeudi a lieu en salle 2." })
  @IsOptional()
  @IsString({ message: 'body.fr must be text' })
  @Length(1, 20000, { message: 'body.fr must be 1 to 20000 characters' })
  fr?: string;

  @ApiPropertyOptional({ example: "Thursday's workshop is in room 2." })
  @IsOptional()
  @IsString({ message: 'body.en must be text' })
  @Length(1, 20000, { message: 'body.en must be 1 to 20000 characters' })
  en?: string;

  @ApiPropertyOptional({ example: 'El taller del jueves es en la sala 2.' })
  @IsOptional()
  @IsString({ message: 'body.es must be text' })
  @Length(1, 20000, { message: 'body.es must be 1 to 20000 characters' })
  es?: string;
}

export class CreateAnnouncementDto {
  @ApiProperty({ type: LocalizedSubjectDto, description: 'Subject per language (fr, en, es)' })
  @IsDefined({ message: 'subject is required' })
  @ValidateNested()
  @Type(() => LocalizedSubjectDto)
  subject!: LocalizedSubjectDto;

  @ApiProperty({ type: LocalizedBodyDto, description: 'Plain-text body per language' })
  @IsDefined({ message: 'body is required' })
  @ValidateNested()
  @Type(() => LocalizedBodyDto)
  body!: LocalizedBodyDto;

  @ApiProperty({
    enum: ANNOUNCEMENT_AUDIENCES,
    description:
      'confirmed or waitlisted participants; all = pending, confirmed and waitlisted; ' +
      'organisation / country = all of them from one organisation or country',
  })
  @IsIn(ANNOUNCEMENT_AUDIENCES, {
    message: `audience must be one of ${ANNOUNCEMENT_AUDIENCES.join(', ')}`,
  })
  audience!: AnnouncementAudience;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when audience is organisation' })
  @ValidateIf((o: CreateAnnouncementDto) => o.audience === 'organisation')
  @IsUUID('all', { message: 'organisationId must be a UUID (required for audience organisation)' })
  organisationId?: string;

  @ApiPropertyOptional({ example: 'BF', description: 'Required when audience is country' })
  @ValidateIf((o: CreateAnnouncementDto) => o.audience === 'country')
  @TrimUpper()
  @IsCountryCode({
    message: 'country must be an ISO 3166-1 alpha-2 code (required for audience country)',
  })
  country?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Send even though some recipients read a language it is not written in (they get the event language written first); without it that is 409 announcement_language_missing',
  })
  @IsOptional()
  @IsBoolean({ message: 'allowFallback must be true or false' })
  allowFallback?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      "A required service announcement (e.g. a change of venue): also sent to people who stopped this event's optional announcements, and without a List-Unsubscribe header",
  })
  @IsOptional()
  @IsBoolean({ message: 'essential must be true or false' })
  essential?: boolean;
}

export class AnnouncementResultView {
  @ApiProperty({ format: 'uuid' })
  announcementId!: string;

  @ApiProperty({ description: 'Messages written, one per recipient' })
  recipients!: number;

  @ApiProperty({ example: { fr: 10, en: 12, es: 8 } })
  byLocale!: Record<string, number>;
}
