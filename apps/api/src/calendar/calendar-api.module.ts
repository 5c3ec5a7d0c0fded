import { Module } from '@nestjs/common';
import { CalendarModule } from '#calendar';
import { CalendarController } from './calendar.controller.js';

/** The calendar's HTTP surface; one import in AppModule keeps that shared file's edit small. */
@Module({
  imports: [CalendarModule],
  controllers: [CalendarController],
})
export class CalendarApiModule {}
