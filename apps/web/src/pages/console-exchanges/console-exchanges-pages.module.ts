import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { ExchangesModule } from '#exchanges';
import { OrganisationsModule } from '#organisations';
import { ConsoleExchangesController } from './console-exchanges.controller.js';

/** The organisers' console for programmes, exchanges and return visits. */
@Module({
  imports: [EventsModule, ExchangesModule, OrganisationsModule],
  controllers: [ConsoleExchangesController],
})
export class ConsoleExchangesPagesModule {}
