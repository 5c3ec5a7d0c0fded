import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventAccess } from './event-access.service.js';
import { EventStaff } from './event-staff.entity.js';
import { Event } from './event.entity.js';
import { EventsService } from './events.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Event, EventStaff])],
  providers: [EventsService, EventAccess],
  exports: [EventsService, EventAccess, TypeOrmModule],
})
export class EventsModule {}
