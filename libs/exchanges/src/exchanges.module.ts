import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { RegistrationsModule } from '#registrations';
import { ExchangesService } from './exchanges.service.js';
import { OrganisationManagers } from './managers.service.js';
import { ProgrammesService } from './programmes.service.js';

/** The programme of the year, immersion exchanges and their return visits, visitors. */
@Module({
  imports: [EventsModule, RegistrationsModule],
  providers: [ExchangesService, ProgrammesService, OrganisationManagers],
  exports: [ExchangesService, ProgrammesService, OrganisationManagers],
})
export class ExchangesModule {}
