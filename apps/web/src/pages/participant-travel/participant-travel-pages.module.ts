import { Module } from '@nestjs/common';
import { CalendarModule } from '#calendar';
import { PrivacyModule } from '#privacy';
import { RegistrationsModule } from '#registrations';
import { TravelModule } from '#travel';
import { FinanceModule } from '#finance';
import { AccommodationModule } from '#accommodation';
import { CalendarPageController } from './calendar.controller.js';
import { MyDataPageController } from './my-data.controller.js';
import { StayPageController } from './stay.controller.js';
import { TravelPageController } from './travel.controller.js';

/** The participant-travel pages: their controllers, and the domain modules whose services they call. */
@Module({
  imports: [
    RegistrationsModule,
    TravelModule,
    CalendarModule,
    PrivacyModule,
    FinanceModule,
    AccommodationModule,
  ],
  controllers: [
    TravelPageController,
    CalendarPageController,
    MyDataPageController,
    StayPageController,
  ],
})
export class ParticipantTravelPagesModule {}
