import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** A new password chosen through an emailed reset link. */
export class PasswordResetDto {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  token!: string;

  @ApiProperty({ description: 'At least 10 characters' })
  @IsString()
  @Length(10, 200)
  password!: string;
}
