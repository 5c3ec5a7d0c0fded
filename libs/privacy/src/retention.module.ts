import { Module } from '@nestjs/common';
import { EventsModule } from '#events';
import { PersonalDataRetention } from './personal-data-retention.service.js';

/** What the worker needs for its sweep; no registration workflow, no mail. */
@Module({
  imports: [EventsModule],
  providers: [PersonalDataRetention],
  exports: [PersonalDataRetention],
})
export class RetentionModule {}
