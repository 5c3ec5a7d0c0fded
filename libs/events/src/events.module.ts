import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventAccess } from './event-access.service.js';
import { EventStaff } from './event-staff.entity.js';
import { Event } from './event.entity.js';
import { EventsService } from './events.service.js';
import {
  LogStaffInvitationDelivery,
  OUTBOUND_STAFF_INVITATION_DELIVERY,
  StaffInvitationDelivery,
} from './staff-invitation-delivery.js';

@Module({
  imports: [TypeOrmModule.forFeature([Event, EventStaff])],
  providers: [
    EventsService,
    EventAccess,
    LogStaffInvitationDelivery,
    {
      provide: StaffInvitationDelivery,
      inject: [
        LogStaffInvitationDelivery,
        { token: OUTBOUND_STAFF_INVITATION_DELIVERY, optional: true },
      ],
      useFactory: (fallback: StaffInvitationDelivery, outbound?: StaffInvitationDelivery) =>
        outbound ?? fallback,
    },
  ],
  exports: [EventsService, EventAccess, TypeOrmModule],
})
export class EventsModule {}
