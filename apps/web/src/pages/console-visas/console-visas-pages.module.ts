import { Module } from '@nestjs/common';
import { TravelModule } from '#travel';
import { ConsoleArrivalsController } from './console-arrivals.controller.js';
import { ConsoleVisasController } from './console-visas.controller.js';

/** The console-visas pages: their controllers, and the domain modules whose services they call. */
@Module({
  imports: [TravelModule],
  controllers: [ConsoleVisasController, ConsoleArrivalsController],
})
export class ConsoleVisasPagesModule {}
