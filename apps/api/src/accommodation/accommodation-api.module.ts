import { Module } from '@nestjs/common';
import { AccommodationModule } from '#accommodation';
import { AccommodationController } from './accommodation.controller.js';
import { StayController } from './stay.controller.js';

/** Hotels, rooms and stays over HTTP; one import in AppModule keeps that shared file's edit small. */
@Module({
  imports: [AccommodationModule],
  controllers: [AccommodationController, StayController],
})
export class AccommodationApiModule {}
