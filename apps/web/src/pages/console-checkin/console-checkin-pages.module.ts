import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { OnsiteModule } from '#onsite';
import { CheckInPagesController } from './checkin.controller.js';
import { MyBadgeController } from './my-badge.controller.js';

/** The check-in desk and session doors (console), and a participant's own badge. */
@Module({
  imports: [EventsModule, OnsiteModule],
  controllers: [CheckInPagesController, MyBadgeController],
})
export class ConsoleCheckinPagesModule {}
