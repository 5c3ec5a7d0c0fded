import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '#events';
import { AgendaService } from './agenda.service.js';
import { RegistrationGate } from './registration-gate.js';
import { Room } from './room.entity.js';
import { RoomsService } from './rooms.service.js';
import { SessionChange } from './session-change.entity.js';
import { SessionFacilitator } from './session-facilitator.entity.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionReader } from './session-reader.js';
import { Session } from './session.entity.js';
import { SessionsService } from './sessions.service.js';
import { Signup } from './signup.entity.js';
import { SignupsService } from './signups.service.js';
import { SiteVisit } from './site-visit.entity.js';

/** Rooms, sessions, site visits, conflicts and sign-ups. Needs MessagingModule (global). */
@Module({
  imports: [
    TypeOrmModule.forFeature([Room, Session, SiteVisit, SessionFacilitator, Signup, SessionChange]),
    EventsModule,
  ],
  providers: [
    RoomsService,
    SessionsService,
    SignupsService,
    AgendaService,
    SessionReader,
    SessionNotifier,
    RegistrationGate,
  ],
  exports: [RoomsService, SessionsService, SignupsService, AgendaService, TypeOrmModule],
})
export class AgendaModule {}
