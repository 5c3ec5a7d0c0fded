import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { FeedbackAccess } from './feedback-access.js';
import { FeedbackAnswers } from './feedback-answers.service.js';
import { FeedbackForms } from './feedback-forms.service.js';
import { FeedbackResults } from './feedback-results.service.js';

/** Feedback forms after sessions and events, their answers (optionally anonymous) and results. */
@Module({
  imports: [EventsModule],
  providers: [FeedbackAccess, FeedbackForms, FeedbackAnswers, FeedbackResults],
  exports: [FeedbackForms, FeedbackAnswers, FeedbackResults],
})
export class FeedbackModule {}
