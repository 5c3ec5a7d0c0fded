import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';

import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Trim } from '#core';

export class CreateRoomDto {
  @ApiProperty({ example: 'Salle Ibn Battuta' })
  @Trim()
  @IsString({ message: 'name must be text' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @ApiPropertyOptional({
    example: 40,
    minimum: 1,
    description: 'Seats; omit when there is no limit',
  })
  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(100000, { message: 'capacity must be at most 100000' })
  capacity?: number | null;

  @ApiPropertyOptional({ example: '1st floor' })
  @IsOptional()
  @IsString({ message: 'floor must be text' })
  @MaxLength(100, { message: 'floor must be at most 100 characters' })
  floor?: string;

  @ApiPropertyOptional({ example: 'Step-free access from the lobby' })
  @IsOptional()
  @IsString({ message: 'notes must be text' })
  @MaxLength(2000, { message: 'notes must be at most 2000 characters' })
  notes?: string;

  @ApiPropertyOptional({ example: ['projector', 'interpretation_booth'], type: [String] })
  @IsOptional()
  @ArrayMaxSize(30, { message: 'equipment must list at most 30 items' })
  @Matches(/^[a-z0-9_ -]{1,60}$/i, {
    each: true,
    message: 'equipment items must be short names such as projector or interpretation_booth',
  })
  equipment?: string[];
}

export class UpdateRoomDto extends PartialType(CreateRoomDto) {}
