import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';

import { IsEmail, IsIn, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { IsCountryCode, PageQueryDto, Trim, TrimUpper } from '#core';
import { ORGANISATION_KINDS, type OrganisationKind } from '../organisation.entity.js';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Maison des Familles de Ouagadougou' })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'BF', description: 'ISO 3166-1 alpha-2' })
  @TrimUpper()
  @IsCountryCode()
  country!: string;

  @ApiPropertyOptional({ example: 'Ouagadougou' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 120)
  city?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS, default: 'ngo' })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` })
  kind?: OrganisationKind;

  @ApiPropertyOptional({ example: 'https://example.org' })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'website must be an http(s) URL' },
  )
  @MaxLength(300)
  website?: string;

  @ApiPropertyOptional({ example: 'contact@example.org' })
  @IsOptional()
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail?: string;
}

export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {}

export class ListOrganisationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Search in name and city' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'MA' })
  @IsOptional()
  @TrimUpper()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` })
  kind?: OrganisationKind;
}
