import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { ExchangeReports } from './exchange-report.service.js';
import { Journals } from './journals.service.js';
import { LearningAccess } from './learning-access.js';

/**
 * Learning journals of immersions and the exchange report. Reads the agenda, on-site and
 * exchanges tables in its own queries; imports none of their modules.
 */
@Module({
  imports: [EventsModule],
  providers: [LearningAccess, Journals, ExchangeReports],
  exports: [LearningAccess, Journals, ExchangeReports],
})
export class LearningModule {}
