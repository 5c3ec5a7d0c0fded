import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { AnnouncementsService } from './announcements/announcements.service.js';
import { MessagesService } from './messages/messages.service.js';
import { UnsubscribeService } from './unsubscribe/unsubscribe.service.js';

/** The organisers' side of email, for the API: announcements and delivery status. */
@Module({
  imports: [EventsModule],
  providers: [AnnouncementsService, MessagesService, UnsubscribeService],
  exports: [AnnouncementsService, MessagesService, UnsubscribeService],
})
export class MessagesModule {}
