/*
 * What each operation answers when it succeeds, and its summary where the controller
 * gives none, keyed by operationId (Controller_method). Controllers that declare their
 * own @ApiOkResponse/@ApiCreatedResponse/@ApiOperation keep them: this table only fills
 * what is missing. An operation in neither place fails the contract test.
 */

export type Body =
  { schema: string; list?: boolean } | { media: 'text/csv' | 'application/pdf' | 'text/calendar' };

export interface OperationContract {
  summary?: string;
  /** The success body; absent for 202/204 answers with none. */
  body?: Body;
  /** Also answers text/csv (?format=csv). */
  csv?: boolean;
}

const json = (schema: string): Body => ({ schema });
const list = (schema: string): Body => ({ schema, list: true });

export const OPERATIONS: Record<string, OperationContract> = {
  ApiIndexController_index: { summary: 'Where the documentation and health checks are' },

  AuthController_signup: { summary: 'Create an account', body: json('SignupResult') },
  AuthController_login: { summary: 'Log in with email and password' },
  AuthController_magicLink: { summary: 'Email a sign-in link' },
  AuthController_verify: { summary: 'Exchange a sign-in link token for an access token' },
  AuthController_verifyEmail: { summary: 'Confirm an email address' },
  AuthController_requestPasswordReset: { summary: 'Email a password reset link' },
  AuthController_resetPassword: { summary: 'Set a new password with a reset token' },
  MeController_me: { summary: 'My account', body: json('Account') },
  MeController_updateMe: {
    summary: 'Change my name, language or organisation',
    body: json('Account'),
  },
  PrivacyController_eraseMe: { summary: 'Erase my account and personal data' },
  MeController_logout: { summary: 'End this access token' },
  MeController_get: { summary: 'An account (itself, or platform admins)', body: json('Account') },
  MeController_update: {
    summary: 'Change an account (itself, or platform admins)',
    body: json('Account'),
  },

  OrganisationsController_list: {
    summary: 'List the partner organisations',
    body: json('OrganisationPage'),
  },
  OrganisationsController_create: { body: json('Organisation') },
  OrganisationsController_get: { summary: 'A partner organisation', body: json('Organisation') },
  OrganisationsController_update: { body: json('Organisation') },
  OrganisationsController_remove: {},

  EventsController_list: { summary: 'List the events I can see', body: json('EventPage') },
  EventsController_create: {
    summary: 'Create an event (I become its organiser)',
    body: json('Event'),
  },
  EventsController_get: { summary: 'An event', body: json('Event') },
  EventsController_update: { summary: 'Change an event (organisers)', body: json('Event') },
  EventsController_remove: { summary: 'Delete a draft event (organisers)' },
  EventsController_publish: {
    summary: 'Publish an event: registration can open',
    body: json('Event'),
  },
  EventsController_close: { summary: 'Close an event to new registrations', body: json('Event') },
  EventsController_reopen: { summary: 'Reopen a closed event', body: json('Event') },
  EventsController_archive: {
    summary: 'Archive an event (read-only from then on)',
    body: json('Event'),
  },
  EventsController_staff: {
    summary: "An event's organisers, facilitators and hosts",
    body: list('StaffMember'),
  },
  EventsController_addStaff: {
    summary: 'Give someone a role on an event',
    body: list('StaffMember'),
  },
  EventsController_removeStaff: { summary: 'Take a role on an event away' },

  HealthController_live: { summary: 'The process answers', body: json('Health') },
  HealthController_ready: {
    summary: 'PostgreSQL and Redis answer (503 with details when not)',
    body: json('Readiness'),
  },

  EventMessagesController_announce: { summary: 'Send an announcement to participants' },
  EventMessagesController_list: {
    summary: "An event's emails and their delivery",
    body: json('MessagePage'),
  },
  EventMessagesController_retryFailed: {},
  MessagesController_retry: { summary: 'Send a failed email again' },

  EventRegistrationsController_create: {
    summary: 'Register for an event',
    body: json('Registration'),
  },
  EventRegistrationsController_list: {
    summary: "An event's registrations (organisers), as JSON or CSV",
    body: json('RegistrationPage'),
    csv: true,
  },
  EventRegistrationsController_onBehalf: {
    summary: 'Register someone else (organisers)',
    body: json('Registration'),
  },
  EventRegistrationsController_prefill: {
    summary: 'What my registration can start from (my last one)',
    body: json('RegistrationPrefill'),
  },
  EventRegistrationsController_stats: {
    summary: 'Participants, organisations and countries of an event',
    body: json('EventStats'),
  },
  RegistrationsController_mine: { summary: 'My registrations', body: list('MyRegistration') },
  RegistrationsController_get: {
    summary: 'A registration (its holder or organisers)',
    body: json('Registration'),
  },
  RegistrationsController_update: { summary: 'Change a registration', body: json('Registration') },
  RegistrationsController_approve: {
    summary: 'Approve a pending registration (organisers)',
    body: json('Registration'),
  },
  RegistrationsController_reject: {
    summary: 'Reject a pending registration (organisers)',
    body: json('Registration'),
  },
  RegistrationsController_cancel: { summary: 'Cancel a registration', body: json('Registration') },
  RegistrationsController_answerConsent: {
    summary: 'Answer the consent asked after an on-behalf registration',
    body: json('Registration'),
  },
  RegistrationsController_resendConsent: {
    summary: 'Send the consent request again (organisers)',
    body: json('Registration'),
  },
  RegistrationsController_history: {
    summary: "A registration's status changes",
    body: list('RegistrationHistoryEntry'),
  },
  RegistrationsController_editions: {
    summary: "The same person's registrations to other editions",
    body: list('RegistrationEdition'),
  },
  PrivacyController_exportMe: {
    summary: 'Everything Convene holds about me',
    body: json('PersonalDataExport'),
  },
  PrivacyController_eraseEvent: {
    summary: "Erase a finished event's personal data (organisers)",
    body: json('ErasureResult'),
  },

  RoomsController_list: { summary: "An event's rooms", body: list('Room') },
  RoomsController_create: { summary: 'Add a room (organisers)', body: json('Room') },
  RoomsController_get: { summary: 'A room', body: json('Room') },
  RoomsController_update: { summary: 'Change a room (organisers)', body: json('Room') },
  RoomsController_remove: { summary: 'Remove a room no session uses (organisers)' },
  EventAgendaController_list: {
    summary: "An event's sessions, drafts included for organisers",
    body: list('Session'),
  },
  EventAgendaController_create: { summary: 'Add a session (organisers)', body: json('Session') },
  EventAgendaController_publish: {
    summary: 'Publish the agenda: every draft session',
    body: json('AgendaPublishResult'),
  },
  EventAgendaController_agenda: {
    summary: 'The published agenda, day by day',
    body: json('Agenda'),
  },
  EventAgendaController_conflicts: {
    summary: "What clashes in an event's agenda (organisers)",
    body: json('AgendaConflicts'),
  },
  EventAgendaController_mine: { summary: 'My sessions', body: json('MyAgenda') },
  SessionsController_get: { summary: 'A session', body: json('Session') },
  SessionsController_update: { summary: 'Change a session (organisers)', body: json('Session') },
  SessionsController_remove: { summary: 'Delete a session nobody signed up for (organisers)' },
  SessionsController_publish: { summary: 'Publish a session', body: json('Session') },
  SessionsController_cancel: {
    summary: 'Cancel a session: its people are told',
    body: json('Session'),
  },
  SessionsController_signUp: {
    summary: 'Sign up for a session (or join its waitlist)',
    body: json('Signup'),
  },
  SessionsController_list: { body: json('SignupList') },
  SessionsController_cancelMine: { summary: 'Leave a session' },
  SessionsController_removeSignup: { summary: 'Take someone off a session (organisers)' },
  SessionsController_move: {
    summary: 'Move someone to another session (organisers)',
    body: json('Signup'),
  },
  SessionsController_attendance: { body: json('Signup') },

  CalendarController_event: {},
  CalendarController_session: {},
  CalendarController_mine: {},
  CalendarController_rotate: {},
  CalendarController_revoke: {},
  CalendarController_feed: {},

  RegistrationTravelController_get: { body: json('TravelPlan') },
  RegistrationTravelController_put: { body: json('TravelPlan') },
  RegistrationTravelController_moveVisa: { body: json('TravelPlan') },
  RegistrationTravelController_letter: {
    summary: 'The invitation letter for a visa (PDF)',
    body: { media: 'application/pdf' },
  },
  EventTravelController_getRules: {
    summary: 'Which nationalities need a visa',
    body: json('VisaRules'),
  },
  EventTravelController_putRules: {
    summary: 'Set which nationalities need a visa (organisers)',
    body: json('VisaRules'),
  },
  EventTravelController_visas: { summary: 'The visa board (organisers)', body: json('VisaBoard') },
  EventTravelController_listArrivals: { body: json('Arrivals'), csv: true },
  LetterSettingsController_get: { body: json('LetterSettings') },
  LetterSettingsController_put: { body: json('LetterSettings') },
  VisaLetterRequestController_get: { body: json('VisaLetterRequest') },
  VisaLetterRequestController_put: { body: json('VisaLetterRequest') },

  AccommodationController_occupancy: { body: json('Occupancy') },
  AccommodationController_list: { body: list('Hotel') },
  AccommodationController_create: { body: json('Hotel') },
  AccommodationController_get: { body: json('Hotel') },
  AccommodationController_update: { body: json('Hotel') },
  AccommodationController_inventory: { body: json('Hotel') },
  AccommodationController_rename: { body: json('HotelRoom') },
  AccommodationController_assign: { body: json('GuestStay') },
  AccommodationController_unassign: { body: json('GuestStay') },
  AccommodationController_suggest: { body: json('AccommodationSuggestion') },
  AccommodationController_roomingList: { body: json('RoomingList') },
  AccommodationController_markSent: { body: json('RoomingList') },
  StayController_get: { body: json('Stay') },
  StayController_put: { body: json('Stay') },
  StayController_setNights: { body: json('Stay') },
  StayController_clearNights: { body: json('Stay') },
};
