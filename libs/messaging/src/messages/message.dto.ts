import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto, Trim } from '#core';
import { MESSAGE_STATUSES, type MessageStatus } from '../message.entity.js';
import { TEMPLATE_NAMES, type TemplateName } from '../template-names.js';

export class ListMessagesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES, { message: `status must be one of ${MESSAGE_STATUSES.join(', ')}` })
  status?: MessageStatus;

  @ApiPropertyOptional({ enum: TEMPLATE_NAMES })
  @IsOptional()
  @IsIn(TEMPLATE_NAMES, { message: `template must be one of ${TEMPLATE_NAMES.join(', ')}` })
  template?: TemplateName;

  @ApiPropertyOptional({ description: "Part of the recipient's email or name", example: 'amina' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'q must be text' })
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  q?: string;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: TEMPLATE_NAMES }) template!: string;
  @ApiProperty({ enum: ['fr', 'en', 'es'] }) locale!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) eventId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recipientAccountId!: string | null;
  @ApiProperty({ type: String, nullable: true }) recipientName!: string | null;
  @ApiProperty() recipientEmail!: string;
  @ApiProperty({ type: String, nullable: true, description: 'For announcements, the subject sent' })
  subject!: string | null;
  @ApiProperty({ enum: MESSAGE_STATUSES }) status!: MessageStatus;
  @ApiProperty({ description: 'Send attempts so far' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed' })
  lastError!: string | null;
  @ApiProperty({ type: String, nullable: true }) providerMessageId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) enqueuedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'While delayed (the mail server refused for now or could not be reached): when the next attempt is made',
  })
  nextAttemptAt!: string | null;
}

export class RetryFailedResultView {
  @ApiProperty({ description: 'Failed messages put back in the outbox', example: 3 })
  requeued!: number;
}
