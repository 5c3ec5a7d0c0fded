import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule } from '#agenda';
import { EventsModule } from '#events';
import { CalendarFeed } from './calendar-feed.entity.js';
import { CalendarFeeds } from './calendar-feeds.service.js';
import { CalendarService } from './calendar.service.js';

/** Calendar files and subscription feeds of the agenda; emailed invites are the worker's (#ics). */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarFeed]), EventsModule, AgendaModule],
  providers: [CalendarService, CalendarFeeds],
  exports: [CalendarService, CalendarFeeds],
})
export class CalendarModule {}
