import { Module, type OnModuleInit } from '@nestjs/common';
import { conflict } from '#core';
import { EventsModule, EventsService } from '#events';
import { RegistrationsModule } from '#registrations';
import { exchangeForEvent } from './exchange-for-event.js';
import { ExchangesService } from './exchanges.service.js';
import { OrganisationManagers } from './managers.service.js';
import { ProgrammesService } from './programmes.service.js';

/** The programme of the year, immersion exchanges and their return visits, visitors. */
@Module({
  imports: [EventsModule, RegistrationsModule],
  providers: [ExchangesService, ProgrammesService, OrganisationManagers],
  exports: [ExchangesService, ProgrammesService, OrganisationManagers],
})
export class ExchangesModule implements OnModuleInit {
  constructor(private readonly events: EventsService) {}

  /**
   * An exchange names its immersion's host organisation (and its return visit the two
   * partners swapped): once one links the immersion, the event's host may not change, or
   * the exchange's host side would silently disagree with the event's.
   */
  onModuleInit(): void {
    this.events.beforeHostOrganisationChange(async (manager, eventId) => {
      if (!(await exchangeForEvent(manager, eventId))) return;
      throw conflict(
        'hostOrganisationId cannot change: an exchange links this immersion to its host organisation',
        {
          reason: 'exchange_linked',
          fields: [{ field: 'hostOrganisationId', codes: ['hostFixedByExchange'] }],
        },
      );
    });
  }
}
