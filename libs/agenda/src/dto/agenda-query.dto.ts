import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SESSION_KINDS, type SessionKind } from '../session.entity.js';

export class AgendaQueryDto {
  @ApiPropertyOptional({ enum: SESSION_KINDS })
  @IsOptional()
  @IsIn(SESSION_KINDS, { message: `kind must be one of ${SESSION_KINDS.join(', ')}` })
  kind?: SessionKind;

  @ApiPropertyOptional({ example: 'Parenting support' })
  @IsOptional()
  @IsString({ message: 'theme must be text' })
  @MaxLength(120, { message: 'theme must be at most 120 characters' })
  theme?: string;

  @ApiPropertyOptional({ example: 'fr', description: 'Working or interpretation language' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be a language code such as fr, en, es or ar' })
  language?: string;

  @ApiPropertyOptional({
    enum: ['fr', 'en', 'es'],
    description:
      'Language to read titles and descriptions in (else Accept-Language, else the event first language); each text says its own language',
  })
  @IsOptional()
  @IsIn(['fr', 'en', 'es'], { message: 'lang must be one of fr, en, es' })
  lang?: 'fr' | 'en' | 'es';
}

export class MyAgendaQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this event' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId?: string;

  @ApiPropertyOptional({
    enum: ['fr', 'en', 'es'],
    description:
      'Language to read titles and descriptions in (else Accept-Language, else the event first language); each text says its own language',
  })
  @IsOptional()
  @IsIn(['fr', 'en', 'es'], { message: 'lang must be one of fr, en, es' })
  lang?: 'fr' | 'en' | 'es';
}
