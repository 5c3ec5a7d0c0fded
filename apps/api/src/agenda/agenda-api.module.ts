import { Module } from '@nestjs/common';
import { AgendaModule } from '#agenda';
import { EventAgendaController } from './event-agenda.controller.js';
import { RoomsController } from './rooms.controller.js';
import { SessionsController } from './sessions.controller.js';

/** The agenda's HTTP surface; one import in AppModule keeps that shared file's edit small. */
@Module({
  imports: [AgendaModule],
  controllers: [RoomsController, EventAgendaController, SessionsController],
})
export class AgendaApiModule {}
