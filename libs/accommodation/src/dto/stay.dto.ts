import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, Trim } from '#core';
import { ROOM_PREFERENCES, type RoomPreference } from '../room-types.js';

/** What the participant tells the organisers about their room (all optional). */
export class PutStayPreferencesDto {
  @ApiPropertyOptional({ enum: ROOM_PREFERENCES, nullable: true })
  @IsOptional()
  @IsIn(ROOM_PREFERENCES, { message: 'roomPreference must be single or shared' })
  roomPreference?: RoomPreference | null;

  @ApiPropertyOptional({
    nullable: true,
    example: 'Lucía Fernández',
    description: 'Who they would share with: a name or an email, free text',
  })
  @IsOptional()
  @Trim()
  @IsString({ message: 'shareWith must be text' })
  @MaxLength(200, { message: 'shareWith must be at most 200 characters' })
  shareWith?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Ground floor or a lift; step-free shower' })
  @IsOptional()
  @Trim()
  @IsString({ message: 'roomNeeds must be text' })
  @MaxLength(500, { message: 'roomNeeds must be at most 500 characters' })
  roomNeeds?: string | null;

  @ApiPropertyOptional({
    description: 'The hotel may read roomNeeds on its rooming list (false: organisers only)',
  })
  @IsOptional()
  @IsBoolean({ message: 'shareNeedsWithHotel must be true or false' })
  shareNeedsWithHotel?: boolean;
}

/** The organiser's dates for one person; they win over the flights until cleared. */
export class PutStayNightsDto {
  @ApiProperty({ example: '2027-10-24', description: 'First night (event zone)' })
  @IsCalendarDate({ message: 'checkIn must be a date (YYYY-MM-DD)' })
  checkIn!: string;

  @ApiProperty({ example: '2027-10-30', description: 'Departure morning (event zone)' })
  @IsCalendarDate({ message: 'checkOut must be a date (YYYY-MM-DD)' })
  checkOut!: string;
}
