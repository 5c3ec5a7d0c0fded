// What other libs and apps use: the module, its services, the session view the calendar
// builds on, the pure conflict sweep (the benchmark runs it), and the HTTP DTOs.
export { AgendaModule } from './agenda.module.js';
export { AgendaService } from './agenda.service.js';
export { RoomsService } from './rooms.service.js';
export { SessionsService } from './sessions.service.js';
export { SessionWriter } from './session-writer.service.js';
export { SignupsService } from './signups.service.js';
export { OrganiserSignups } from './organiser-signups.service.js';
export { SignupLists, type ListPerson } from './signup-lists.service.js';
export {
  ParticipantAgenda,
  type HostedEvent,
  type MySignup,
  type WeekEvent,
  type WeekReason,
  type WeekSession,
} from './participant-agenda.service.js';
export {
  readerOf,
  type SessionReaderLocale,
  type SessionView,
  toSessionView,
} from './session.view.js';
export {
  type LocalizedLists,
  rulesIn,
  sessionTextsIn,
  type SessionTextsView,
} from './session-texts.js';
export {
  type Conflict,
  type ConflictInput,
  type ConflictSession,
  detectConflicts,
} from './conflicts.js';
export * from './dto/room.dto.js';
export * from './dto/session.dto.js';
export * from './dto/signup.dto.js';
export * from './dto/agenda-query.dto.js';
