import { Module } from '@nestjs/common';
import { FeedbackModule } from '#feedback';
import { ConsoleFeedbackResultsController } from './console-feedback-results.controller.js';
import { ConsoleFeedbackController } from './console-feedback.controller.js';

/** The console's feedback pages: forms, their questions, results with charts, CSV. */
@Module({
  imports: [FeedbackModule],
  controllers: [ConsoleFeedbackResultsController, ConsoleFeedbackController],
})
export class ConsoleFeedbackPagesModule {}
