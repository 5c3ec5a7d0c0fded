import { Module } from '@nestjs/common';
import { AgendaModule } from '#agenda';
import { OrganisationsModule } from '#organisations';
import { RegistrationsModule } from '#registrations';
import { AccountPagesController } from './account-pages.controller.js';
import { EventPagesController } from './event-pages.controller.js';
import { MyRegistrationsController } from './my-registrations.controller.js';

/** The participant-access pages: their controllers, and the domain modules whose services they call. */
@Module({
  imports: [RegistrationsModule, AgendaModule, OrganisationsModule],
  controllers: [AccountPagesController, EventPagesController, MyRegistrationsController],
})
export class ParticipantAccessPagesModule {}
