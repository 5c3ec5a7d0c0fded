import { Module } from '@nestjs/common';
import { RegistrationsModule } from '#registrations';
import { AccountErasure } from './account-erasure.service.js';
import { RetentionModule } from './retention.module.js';

@Module({
  imports: [RetentionModule, RegistrationsModule],
  providers: [AccountErasure],
  exports: [AccountErasure, RetentionModule],
})
export class PrivacyModule {}
