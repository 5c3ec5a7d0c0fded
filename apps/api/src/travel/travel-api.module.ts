import { Module } from '@nestjs/common';
import { TravelModule } from '#travel';
import {
  LetterSettingsController,
  VisaLetterRequestController,
} from './letter-settings.controller.js';
import { EventTravelController, RegistrationTravelController } from './travel.controller.js';

/** Travel and visas over HTTP; one import in AppModule keeps that shared file's edit small. */
@Module({
  imports: [TravelModule],
  controllers: [
    RegistrationTravelController,
    EventTravelController,
    LetterSettingsController,
    VisaLetterRequestController,
  ],
})
export class TravelApiModule {}
