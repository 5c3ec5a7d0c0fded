import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { type CsvSeparator, CsvSeparatorQuery } from '#core';

export class CreateSignupDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Organisers only: sign up someone else (their confirmed registration is used)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId?: string;

  @ApiPropertyOptional({
    description: "Required for site visits with rules: the visitor accepts the host's rules",
  })
  @IsOptional()
  @IsBoolean({ message: 'acceptRules must be true or false' })
  acceptRules?: boolean;
}

export class MoveSignupDto {
  @ApiProperty({ format: 'uuid', description: 'The session to move the person to' })
  @IsUUID('all', { message: 'toSessionId must be a UUID' })
  toSessionId!: string;
}

export class AttendanceDto {
  @ApiProperty({ description: 'Whether the person came' })
  @IsBoolean({ message: 'attended must be true or false' })
  attended!: boolean;
}

export class SignupListQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @CsvSeparatorQuery()
  separator?: CsvSeparator;
}
