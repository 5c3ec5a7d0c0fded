import { Module } from '@nestjs/common';
import { OnsiteModule } from '#onsite';
import {
  EventOnsiteController,
  RegistrationBadgeController,
  SessionDoorController,
} from './onsite.controller.js';

/** Badges, check-in and door attendance over HTTP; one import in AppModule. */
@Module({
  imports: [OnsiteModule],
  controllers: [RegistrationBadgeController, EventOnsiteController, SessionDoorController],
})
export class OnsiteApiModule {}
