import { Module } from '@nestjs/common';
import { AccommodationModule } from '#accommodation';
import { ConsoleAccommodationController } from './console-accommodation.controller.js';
import { ConsoleHotelsController } from './console-hotels.controller.js';

/** The console-accommodation pages: their controllers, and the domain module they call. */
@Module({
  imports: [AccommodationModule],
  controllers: [ConsoleAccommodationController, ConsoleHotelsController],
})
export class ConsoleAccommodationPagesModule {}
