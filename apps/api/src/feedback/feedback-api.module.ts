import { Module } from '@nestjs/common';
import { FeedbackModule } from '#feedback';
import { FeedbackController } from './feedback.controller.js';

/** Feedback forms over HTTP; one import in AppModule. */
@Module({
  imports: [FeedbackModule],
  controllers: [FeedbackController],
})
export class FeedbackApiModule {}
