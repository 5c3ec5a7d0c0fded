import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { type CsvSeparator, CsvSeparatorQuery, IsCalendarDate, Trim, TrimLower } from '#core';
import { MAX_ROOMS_PER_NIGHT, ROOM_TYPES, type RoomType } from '../room-types.js';

export class CreateHotelDto {
  @ApiProperty({ example: 'Hôtel Continental' })
  @Trim()
  @IsString({ message: 'name must be text' })
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiProperty({ example: '36 Rue Dar El Baroud' })
  @Trim()
  @IsString({ message: 'address must be text' })
  @IsNotEmpty({ message: 'address is required' })
  @MaxLength(300, { message: 'address must be at most 300 characters' })
  address!: string;

  @ApiProperty({ example: 'Tanger' })
  @Trim()
  @IsString({ message: 'city must be text' })
  @IsNotEmpty({ message: 'city is required' })
  @MaxLength(120, { message: 'city must be at most 120 characters' })
  city!: string;

  @ApiPropertyOptional({ nullable: true, example: '+212 539 93 10 24' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'phone must be text' })
  @MaxLength(40, { message: 'phone must be at most 40 characters' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'reservations@continental.example' })
  @IsOptional()
  @TrimLower()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(200, { message: 'email must be at most 200 characters' })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Mme Naima Benali, groups desk' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'contactName must be text' })
  @MaxLength(200, { message: 'contactName must be at most 200 characters' })
  contactName?: string | null;
}

export class UpdateHotelDto extends PartialType(CreateHotelDto) {}

export class InventoryCellDto {
  @ApiProperty({ enum: ROOM_TYPES })
  @IsIn(ROOM_TYPES, { message: 'roomType must be single, twin or double' })
  roomType!: RoomType;

  @ApiProperty({ example: '2027-10-25', description: 'The night (its evening date)' })
  @IsCalendarDate({ message: 'night must be a date (YYYY-MM-DD)' })
  night!: string;

  @ApiProperty({ example: 8, minimum: 0, maximum: MAX_ROOMS_PER_NIGHT })
  @IsInt({ message: 'rooms must be a whole number' })
  @Min(0, { message: 'rooms must be 0 or more' })
  @Max(MAX_ROOMS_PER_NIGHT, { message: `rooms must be at most ${MAX_ROOMS_PER_NIGHT}` })
  rooms!: number;
}

/** Sets the listed cells of the per-night table; cells left out keep their value. */
export class PutInventoryDto {
  @ApiProperty({ type: [InventoryCellDto] })
  @IsArray({ message: 'cells must be a list' })
  @ArrayMaxSize(300, { message: 'cells must hold at most 300 cells' })
  @ValidateNested({ each: true })
  @Type(() => InventoryCellDto)
  cells!: InventoryCellDto[];
}

export class RenameRoomDto {
  @ApiProperty({ nullable: true, example: 'Room 12', description: 'null prints "Twin 3"' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'label must be text' })
  @MaxLength(60, { message: 'label must be at most 60 characters' })
  label!: string | null;
}

export class AssignRoomDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'roomId must be a room id' })
  roomId!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['2027-10-25'],
    description: 'Nights to put them in this room; every night of their stay when left out',
  })
  @IsOptional()
  @IsArray({ message: 'nights must be a list of dates' })
  @ArrayMaxSize(60, { message: 'nights must hold at most 60 dates' })
  @IsCalendarDate({ each: true, message: 'nights must be dates (YYYY-MM-DD)' })
  nights?: string[];
}

export class UnassignQueryDto {
  @ApiPropertyOptional({ example: '2027-10-25', description: 'One night only' })
  @IsOptional()
  @IsCalendarDate({ message: 'night must be a date (YYYY-MM-DD)' })
  night?: string;
}

export class RoomingListQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @CsvSeparatorQuery()
  separator?: CsvSeparator;
}
