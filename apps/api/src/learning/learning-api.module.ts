import { Module } from '@nestjs/common';
import { LearningModule } from '#learning';
import { ExchangeReportController } from './exchange-report.controller.js';
import { JournalsController } from './journals.controller.js';

/** Learning journals of immersions and their exchange report, over HTTP. */
@Module({
  imports: [LearningModule],
  controllers: [JournalsController, ExchangeReportController],
})
export class LearningApiModule {}
