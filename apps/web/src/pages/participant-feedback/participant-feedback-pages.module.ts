import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { FeedbackModule } from '#feedback';
import { ParticipantFeedbackController } from './participant-feedback.controller.js';

/** The participant's feedback pages: the forms open to them, answering, thank you. */
@Module({
  imports: [EventsModule, FeedbackModule],
  controllers: [ParticipantFeedbackController],
})
export class ParticipantFeedbackPagesModule {}
