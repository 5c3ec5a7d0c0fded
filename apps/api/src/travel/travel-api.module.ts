import { Module } from '@nestjs/common';
import { TravelModule } from '#travel';
import { EventTravelController, RegistrationTravelController } from './travel.controller.js';
import { VerifyController } from './verify.controller.js';

/** Travel and visas over HTTP; one import in AppModule keeps that shared file's edit small. */
@Module({
  imports: [TravelModule],
  controllers: [RegistrationTravelController, EventTravelController, VerifyController],
})
export class TravelApiModule {}
