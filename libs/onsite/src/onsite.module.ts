import { Module } from '@nestjs/common';
import { AgendaModule } from '#agenda';
import { EventsModule } from '#events';
import { RegistrationsModule } from '#registrations';
import { BadgeCodes } from './badge-codes.service.js';
import { Badges } from './badges.service.js';
import { CheckIns } from './check-ins.service.js';
import { DoorAttendance } from './door-attendance.service.js';

/** The week on site: badges, the front desk's check-in, attendance at session doors. */
@Module({
  imports: [EventsModule, RegistrationsModule, AgendaModule],
  providers: [BadgeCodes, Badges, CheckIns, DoorAttendance],
  exports: [BadgeCodes, Badges, CheckIns, DoorAttendance],
})
export class OnsiteModule {}
