import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsStrongPassword } from '#core';

/** A new password chosen through an emailed reset link. */
export class PasswordResetDto {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  token!: string;

  @ApiProperty({
    description: '10 to 200 characters, not a common, breached or easily guessed password',
  })
  @IsStrongPassword()
  password!: string;
}
