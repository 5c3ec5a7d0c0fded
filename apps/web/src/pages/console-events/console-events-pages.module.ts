import { Module } from '@nestjs/common';
import { OrganisationsModule } from '#organisations';
import { ConsoleEventsController } from './console-events.controller.js';
import { ConsoleStaffController } from './console-staff.controller.js';

/** The console-events pages: their controllers, and the domain modules whose services they call. */
@Module({
  imports: [OrganisationsModule],
  controllers: [ConsoleEventsController, ConsoleStaffController],
})
export class ConsoleEventsPagesModule {}
