import { Module } from '@nestjs/common';
import { OrganisationsModule } from '#organisations';
import { RegistrationsModule } from '#registrations';
import { ConsentController } from './consent.controller.js';
import { RegisterOnBehalfController } from './register-on-behalf.controller.js';
import { RegistrationDetailController } from './registration-detail.controller.js';
import { RegistrationsListController } from './registrations-list.controller.js';

/**
 * The console-registrations pages: their controllers, and the domain modules whose services
 * they call. Order matters: `registrations/new` and `export.csv` before `registrations/:regId`.
 */
@Module({
  imports: [RegistrationsModule, OrganisationsModule],
  controllers: [
    RegistrationsListController,
    RegisterOnBehalfController,
    RegistrationDetailController,
    ConsentController,
  ],
})
export class ConsoleRegistrationsPagesModule {}
