import { Module } from '@nestjs/common';
import { AgendaModule } from '#agenda';
import { FeedbackModule } from '#feedback';
import { SharingModule } from '#sharing';
import { TravelModule } from '#travel';
import { AgendaPagesController } from './agenda.controller.js';
import { HostPagesController } from './host.controller.js';
import { MyAgendaController } from './my-agenda.controller.js';

/** The participant-agenda pages: their controllers, and the domain modules whose services they call. */
@Module({
  imports: [AgendaModule, TravelModule, SharingModule, FeedbackModule],
  controllers: [AgendaPagesController, MyAgendaController, HostPagesController],
})
export class ParticipantAgendaPagesModule {}
