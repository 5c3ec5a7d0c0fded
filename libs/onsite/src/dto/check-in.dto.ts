import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A scanned badge: its code, or the verification URL its QR code carries. */
export class ScanBadgeDto {
  @ApiProperty({
    description: 'The badge code (22 characters) or the URL its QR code carries',
    example: 'https://convene.example/verify/3q2-7wEVEeyQYgAAd2Fh4A',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  code!: string;
}
