import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { LearningModule } from '#learning';
import { HostJournalPagesController } from './host-journal.controller.js';
import { JournalPagesController } from './journal.controller.js';
import { ReportPagesController } from './report.controller.js';

/** Immersion journals (visitor and host pages) and the exchange report page and PDFs. */
@Module({
  imports: [EventsModule, LearningModule],
  controllers: [JournalPagesController, HostJournalPagesController, ReportPagesController],
})
export class ParticipantLearningPagesModule {}
