import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '#events';
import { RegistrationLifecycle, RegistrationsModule } from '#registrations';
import { AgendaService } from './agenda.service.js';
import { OrganiserSignups } from './organiser-signups.service.js';
import { ParticipantAgenda } from './participant-agenda.service.js';
import { RegistrationGate } from './registration-gate.js';
import { Room } from './room.entity.js';
import { RoomsService } from './rooms.service.js';
import { SessionChange } from './session-change.entity.js';
import { SessionFacilitator } from './session-facilitator.entity.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionReader } from './session-reader.js';
import { SessionWriter } from './session-writer.service.js';
import { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';
import { SignupAccess } from './signup-access.service.js';
import { SignupLists } from './signup-lists.service.js';
import { SignupRelease } from './signup-release.service.js';
import { SignupSeats } from './signup-seats.service.js';
import { Signup } from './signup.entity.js';
import { SignupsService } from './signups.service.js';
import { SiteVisit } from './site-visit.entity.js';
import { WaitlistPromoter } from './waitlist-promoter.js';

/**
 * Rooms, sessions, site visits, conflicts and sign-ups. Needs MessagingModule (global).
 * Depends on registrations (for its lifecycle hook); registrations never import this.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Room, Session, SiteVisit, SessionFacilitator, Signup, SessionChange]),
    EventsModule,
    RegistrationsModule,
  ],
  providers: [
    RoomsService,
    SessionsService,
    SessionWriter,
    SignupsService,
    OrganiserSignups,
    SignupLists,
    SignupSeats,
    SignupRelease,
    SignupAccess,
    WaitlistPromoter,
    AgendaService,
    ParticipantAgenda,
    SessionReader,
    SessionNotifier,
    RegistrationGate,
  ],
  exports: [
    RoomsService,
    SessionsService,
    SessionWriter,
    SignupsService,
    OrganiserSignups,
    SignupLists,
    AgendaService,
    ParticipantAgenda,
    TypeOrmModule,
  ],
})
export class AgendaModule implements OnModuleInit {
  constructor(
    private readonly lifecycle: RegistrationLifecycle,
    private readonly release: SignupRelease,
  ) {}

  /** A cancelled or rejected registration frees the person's seats in the same transaction. */
  onModuleInit(): void {
    this.lifecycle.onRegistrationEnded((manager, ended) =>
      this.release.releaseAll(manager, ended).then(() => undefined),
    );
  }
}
