import { Module } from '@nestjs/common';
import { AgendaModule } from '#agenda';
import { MessagesModule } from '#messaging';
import { RegistrationsModule } from '#registrations';
import { TravelModule } from '#travel';
import { ConsoleAnnouncementsController } from './announcements.controller.js';
import { ConsoleDashboardController } from './dashboard.controller.js';
import { ConsoleMessagesController } from './messages.controller.js';

/** The console-messages pages: their controllers, and the domain modules whose services they call. */
@Module({
  imports: [RegistrationsModule, TravelModule, AgendaModule, MessagesModule],
  controllers: [
    ConsoleAnnouncementsController,
    ConsoleMessagesController,
    ConsoleDashboardController,
  ],
})
export class ConsoleMessagesPagesModule {}
