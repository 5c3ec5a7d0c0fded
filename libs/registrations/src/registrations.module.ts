import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule, EventsService } from '#events';
import { ParticipantRegistrations } from './participant-registrations.service.js';
import { RegistrationAccess } from './registration-access.service.js';
import { RegistrationConsent } from './registration-consent.service.js';
import { RegistrationChartsService } from './registration-charts.service.js';
import { RegistrationLedger } from './registration-ledger.service.js';
import { RegistrationLifecycle } from './registration-lifecycle.js';
import { RegistrationReports } from './registration-reports.service.js';
import { RegistrationStatusChange } from './registration-status-change.entity.js';
import { RegistrationWorkflow } from './registration-workflow.service.js';
import { Registration } from './registration.entity.js';
import { RegistrationsService } from './registrations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Registration, RegistrationStatusChange]), EventsModule],
  providers: [
    RegistrationsService,
    ParticipantRegistrations,
    RegistrationWorkflow,
    RegistrationReports,
    RegistrationChartsService,
    RegistrationAccess,
    RegistrationLedger,
    RegistrationLifecycle,
    RegistrationConsent,
  ],
  exports: [
    RegistrationConsent,
    RegistrationAccess,
    RegistrationsService,
    ParticipantRegistrations,
    RegistrationWorkflow,
    RegistrationReports,
    RegistrationChartsService,
    RegistrationLedger,
    RegistrationLifecycle,
    TypeOrmModule,
  ],
})
export class RegistrationsModule implements OnModuleInit {
  constructor(
    private readonly events: EventsService,
    private readonly ledger: RegistrationLedger,
  ) {}

  /** A larger capacity lets waitlisted people in, in the same transaction as the change. */
  onModuleInit(): void {
    this.events.onCapacityChanged((manager, eventId) =>
      this.ledger.promoteWaitlist(manager, eventId).then(() => undefined),
    );
  }
}
