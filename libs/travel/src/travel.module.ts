import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccommodationModule } from '#accommodation';
import { RateLimiter } from '#core';
import { EventsModule } from '#events';
import { FinanceModule } from '#finance';
import { RegistrationsModule } from '#registrations';
import { Arrivals } from './arrivals.service.js';
import { EventVisaRules } from './event-visa-rules.entity.js';
import { EventLetterSettings } from './letter-settings.entity.js';
import { LetterSettingsService, SettingsLetterData } from './letter-settings.service.js';
import { PassportCipher } from './passport-cipher.js';
import { TravelPlan } from './travel-plan.entity.js';
import { TravelPlans } from './travel-plans.service.js';
import { VisaLetterRequests } from './visa-letter-request.service.js';
import { DomainLetterData } from './visa-letter-data.js';
import { LETTER_DATA_SOURCE } from './visa-letter-sources.js';
import { VisaLetters } from './visa-letters.service.js';
import { VisaReports } from './visa-reports.service.js';
import { VisaRulesService } from './visa-rules.service.js';
import { VisaStatusChange } from './visa-status-change.entity.js';
import { VisaStatuses } from './visa-statuses.service.js';

/**
 * Passports, visas, flights and pick-up groups. Needs MessagingModule (global) for the
 * letter-issued email. Builds on registrations; nothing below imports it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([TravelPlan, VisaStatusChange, EventVisaRules, EventLetterSettings]),
    EventsModule,
    RegistrationsModule,
    FinanceModule,
    AccommodationModule,
  ],
  providers: [
    PassportCipher,
    TravelPlans,
    VisaStatuses,
    VisaRulesService,
    VisaReports,
    VisaLetters,
    Arrivals,
    RateLimiter,
    LetterSettingsService,
    VisaLetterRequests,
    SettingsLetterData,
    DomainLetterData,
    // Who pays and where people stay, as the letter states them: finance's coverage and
    // accommodation's stay per participant, else the letter settings' event-wide statement.
    { provide: LETTER_DATA_SOURCE, useExisting: DomainLetterData },
  ],
  exports: [
    TravelPlans,
    VisaStatuses,
    VisaRulesService,
    VisaReports,
    VisaLetters,
    Arrivals,
    LetterSettingsService,
    VisaLetterRequests,
  ],
})
export class TravelModule {}
