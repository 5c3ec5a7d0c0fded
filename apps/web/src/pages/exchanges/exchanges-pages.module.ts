import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { ExchangesModule } from '#exchanges';
import { ExchangeVisitorsPagesController } from './exchange-visitors.controller.js';
import { ProgrammesPagesController } from './programmes.controller.js';

/** The network's programmes, an exchange's visitors and the managers' nominations. */
@Module({
  imports: [EventsModule, ExchangesModule],
  controllers: [ProgrammesPagesController, ExchangeVisitorsPagesController],
})
export class ExchangesPagesModule {}
