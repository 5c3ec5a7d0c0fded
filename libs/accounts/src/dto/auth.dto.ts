import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsStrongPassword, LOCALES, type Locale, Trim, TrimLower } from '#core';

export class SignupDto {
  @ApiProperty({ example: 'awa.traore@example.org' })
  @TrimLower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Awa Traoré' })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    description:
      '10 to 200 characters, not a common, breached or easily guessed password ' +
      '(codes passwordTooShort, passwordTooCommon). Omit to log in by magic link only.',
  })
  @IsOptional()
  @IsStrongPassword()
  password?: string;

  @ApiProperty({ enum: LOCALES })
  @IsIn(LOCALES, { message: 'locale must be one of fr, en, es' })
  locale!: Locale;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;
}

export class LoginDto {
  @ApiProperty()
  @TrimLower()
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class MagicLinkRequestDto {
  @ApiProperty()
  @TrimLower()
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;
}

export class MagicLinkVerifyDto {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  token!: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES, { message: 'locale must be one of fr, en, es' })
  locale?: Locale;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string | null;

  @ApiPropertyOptional({
    description: 'New password: 10 to 200 characters, not a common, breached or easily guessed one',
  })
  @IsOptional()
  @IsStrongPassword()
  password?: string;

  @ApiPropertyOptional({ description: 'Required with password when the account already has one' })
  @IsOptional()
  @IsString()
  currentPassword?: string;
}

export class AuthResultDto {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The account: id, email, name, locale, organisationId, platformRole, createdAt',
  })
  account!: Record<string, unknown>;
}
