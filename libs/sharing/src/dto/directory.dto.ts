import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class PutDirectoryListingDto {
  @ApiProperty({ description: 'True to appear in the directory of the event, false to withdraw' })
  @IsBoolean()
  listed!: boolean;
}
