import { Module } from '@nestjs/common';
import { AgendaModule } from '#agenda';
import { OrganisationsModule } from '#organisations';
import { AgendaPageData } from './agenda-data.js';
import { AgendaGridController } from './agenda.controller.js';
import { AgendaSessionsController } from './sessions.controller.js';

/** The console-agenda pages: their controllers, and the domain modules whose services they call. */
@Module({
  imports: [AgendaModule, OrganisationsModule],
  controllers: [AgendaSessionsController, AgendaGridController],
  providers: [AgendaPageData],
})
export class ConsoleAgendaPagesModule {}
