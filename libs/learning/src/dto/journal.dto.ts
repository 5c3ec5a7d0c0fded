import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ANSWER_MAX, JOURNAL_FIELD_MAX, SHARING_LEVELS, type Sharing } from '../journal-rules.js';

const SHARING_DOC =
  'private: only the author; host: the host team too (organisers, host staff), who may answer; network: the host team and the exchange report';

/** One day's entry (PUT /events/:id/journal/:day) or a change to one (PATCH). */
export class JournalEntryDto {
  @ApiPropertyOptional({ maxLength: JOURNAL_FIELD_MAX, description: 'What I observed' })
  @IsOptional()
  @IsString()
  @MaxLength(JOURNAL_FIELD_MAX)
  observations?: string;

  @ApiPropertyOptional({ maxLength: JOURNAL_FIELD_MAX, description: 'My questions' })
  @IsOptional()
  @IsString()
  @MaxLength(JOURNAL_FIELD_MAX)
  questions?: string;

  @ApiPropertyOptional({ maxLength: JOURNAL_FIELD_MAX, description: 'A practice to try at home' })
  @IsOptional()
  @IsString()
  @MaxLength(JOURNAL_FIELD_MAX)
  practice?: string;

  @ApiPropertyOptional({
    enum: SHARING_LEVELS,
    description: `${SHARING_DOC}. New entries are private.`,
  })
  @IsOptional()
  @IsIn(SHARING_LEVELS)
  sharing?: Sharing;
}

export class JournalSharingDto {
  @ApiProperty({ enum: SHARING_LEVELS, description: SHARING_DOC })
  @IsIn(SHARING_LEVELS)
  sharing!: Sharing;
}

export class JournalAnswerDto {
  @ApiProperty({ maxLength: ANSWER_MAX, description: 'The host’s answer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANSWER_MAX)
  body!: string;
}
