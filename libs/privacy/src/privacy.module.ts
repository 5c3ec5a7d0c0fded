import { Module } from '@nestjs/common';
import { RegistrationsModule } from '#registrations';
import { TravelModule } from '#travel';
import { AccountErasure } from './account-erasure.service.js';
import { PersonalDataExport } from './personal-data-export.service.js';
import { RetentionModule } from './retention.module.js';

@Module({
  imports: [RetentionModule, RegistrationsModule, TravelModule],
  providers: [AccountErasure, PersonalDataExport],
  exports: [AccountErasure, PersonalDataExport, RetentionModule],
})
export class PrivacyModule {}
