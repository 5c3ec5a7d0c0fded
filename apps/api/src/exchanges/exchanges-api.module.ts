import { Module } from '@nestjs/common';
import { ExchangesModule } from '#exchanges';
import { ExchangesController } from './exchanges.controller.js';
import { ProgrammesController } from './programmes.controller.js';

/** Programmes and immersion exchanges over HTTP; one import in AppModule. */
@Module({
  imports: [ExchangesModule],
  controllers: [ProgrammesController, ExchangesController],
})
export class ExchangesApiModule {}
