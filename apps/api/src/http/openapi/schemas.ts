import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { API_ERROR_CODES } from '#core';

/*
 * The response bodies of the API, as OpenAPI 3.0 schemas (components.schemas). The
 * services return plain views (EventView, SessionView, ...); these schemas say what
 * those views hold. Objects stay open (a new field is not a breaking change), but every
 * documented field has its type, and nullable says where null is an answer. The
 * contract test (test/openapi-contract.e2e-spec.ts) checks real answers against them.
 */

type Schema = SchemaObject | ReferenceObject;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: 'string' };
const nstr: Schema = { type: 'string', nullable: true };
const int: Schema = { type: 'integer' };
const nint: Schema = { type: 'integer', nullable: true };
const bool: Schema = { type: 'boolean' };
const nbool: Schema = { type: 'boolean', nullable: true };
const uuid: Schema = { type: 'string', format: 'uuid' };
const nuuid: Schema = { type: 'string', format: 'uuid', nullable: true };
/** Instants go out as ISO 8601 with the event's offset. */
const instant: Schema = { type: 'string', format: 'date-time' };
const ninstant: Schema = { type: 'string', format: 'date-time', nullable: true };
const date: Schema = { type: 'string', format: 'date' };
const ndate: Schema = { type: 'string', format: 'date', nullable: true };
const arr = (items: Schema): Schema => ({ type: 'array', items });
const strings = arr(str);
/** A $ref takes no siblings: a nullable reference wraps it in allOf. */
const nullable = (s: Schema): Schema =>
  '$ref' in s ? { type: 'object', nullable: true, allOf: [s] } : { ...s, nullable: true };
/** Text per language (fr, en, es), only the languages it exists in. */
const texts: Schema = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { fr: 'Semaine des communautés de pratique', en: 'Communities of Practice week' },
};
const counts: Schema = { type: 'object', additionalProperties: { type: 'integer' } };

/** An object whose listed properties are all present (the view always writes them). */
export function obj(properties: Record<string, Schema>, optional: string[] = []): Schema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
  };
}

/** A page of a list: items, how many in all, which page and its size. */
export const pageOf = (item: string, extra: Record<string, Schema> = {}): Schema =>
  obj({ items: arr(ref(item)), total: int, page: int, pageSize: int, ...extra });

export const RESPONSE_SCHEMAS: Record<string, Schema> = {
  ErrorResponse: {
    ...obj(
      {
        statusCode: { type: 'integer', example: 404 },
        error: { type: 'string', example: 'Not Found', description: 'The HTTP reason phrase' },
        message: {
          type: 'string',
          example: 'Event not found',
          description: 'For people, in the language of Accept-Language (fr, en, es)',
        },
        code: {
          type: 'string',
          enum: [...API_ERROR_CODES],
          description: 'Stable: what a client branches on',
        },
        details: {
          type: 'object',
          description:
            'What the client can act on: `fields` (each field at fault with its stable `codes`), ' +
            '`field`, `retryAfterSeconds`, `conflicts`, `status`...',
          additionalProperties: true,
          properties: {
            field: str,
            fields: arr(obj({ field: str, problems: strings, codes: strings }, ['problems'])),
            retryAfterSeconds: int,
          },
        },
      },
      ['details'],
    ),
    description: 'The one shape of every API error',
  },
  ApiIndex: obj({
    name: { type: 'string', example: 'Convene API' },
    version: str,
    links: obj({
      docs: { type: 'string', example: '/docs' },
      openapi: { type: 'string', example: '/docs-json' },
      health: { type: 'string', example: '/api/health/ready' },
      live: { type: 'string', example: '/api/health/live' },
    }),
  }),
  Health: obj({ status: { type: 'string', enum: ['ok'] } }),
  Readiness: obj({
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    database: { type: 'string', enum: ['up', 'down'] },
    redis: { type: 'string', enum: ['up', 'down'] },
    tzdata: { type: 'string', example: '2026f' },
  }),
  Account: obj({
    id: uuid,
    email: { type: 'string', format: 'email' },
    name: str,
    locale: { type: 'string', enum: ['fr', 'en', 'es'] },
    organisationId: nuuid,
    platformRole: { type: 'string', enum: ['admin', 'member'] },
    createdAt: instant,
  }),
  SignupResult: obj({ accessToken: str, account: ref('Account'), verificationSent: bool }, [
    'accessToken',
  ]),
  Organisation: obj({
    id: uuid,
    name: str,
    country: { type: 'string', example: 'BF', description: 'ISO 3166-1 alpha-2' },
    city: str,
    kind: str,
    website: nstr,
    contactEmail: nstr,
    createdAt: instant,
    updatedAt: instant,
  }),
  OrganisationPage: pageOf('Organisation'),
  Event: obj({
    id: uuid,
    slug: str,
    name: str,
    description: nstr,
    names: texts,
    descriptions: texts,
    practicalInfo: texts,
    kind: { type: 'string', enum: ['meeting', 'immersion'] },
    timezone: { type: 'string', example: 'Africa/Casablanca' },
    startDate: date,
    endDate: date,
    venue: obj({ name: nstr, city: nstr, country: nstr }),
    capacity: int,
    requiresApproval: bool,
    registrationOpensAt: ninstant,
    registrationClosesAt: ninstant,
    languages: strings,
    hostOrganisationId: nuuid,
    contactEmail: nstr,
    status: { type: 'string', enum: ['draft', 'published', 'closed', 'archived'] },
    publishedAt: ninstant,
    personalDataErasedAt: ninstant,
    createdAt: instant,
  }),
  EventPage: pageOf('Event'),
  StaffMember: obj({
    accountId: uuid,
    name: str,
    email: str,
    role: { type: 'string', enum: ['organiser', 'facilitator', 'host'] },
    invited: bool,
  }),
  EventStats: obj({
    eventId: uuid,
    capacity: int,
    seatsLeft: int,
    participants: int,
    organisations: int,
    countries: int,
    summary: str,
    byCountry: arr(obj({ country: str, participants: int, organisations: int })),
    byProfession: arr(obj({ profession: str, participants: int })),
    byStatus: counts,
    waitlist: int,
  }),
  Consent: obj({ dataProcessing: bool, at: instant, version: str, locale: str }, [
    'at',
    'version',
    'locale',
  ]),
  EmergencyContact: obj({ name: str, phone: str, relation: nstr }, ['relation']),
  Registration: obj(
    {
      id: uuid,
      eventId: uuid,
      accountId: uuid,
      status: {
        type: 'string',
        enum: ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'],
      },
      organisationId: nuuid,
      profession: nstr,
      professionOther: nstr,
      languages: strings,
      dietary: nstr,
      accessibility: nstr,
      phone: nstr,
      emergencyContact: nullable(ref('EmergencyContact')),
      consent: nullable(ref('Consent')),
      waitlistPosition: nint,
      statusChangedAt: ninstant,
      createdAt: instant,
      updatedAt: instant,
    },
    ['consent', 'updatedAt', 'statusChangedAt'],
  ),
  RegistrationListItem: obj(
    {
      id: uuid,
      status: str,
      account: obj({ id: uuid, name: str, email: str }),
      organisation: nullable(obj({ id: uuid, name: str, country: str })),
      profession: nstr,
      professionOther: nstr,
      languages: strings,
      dietary: nstr,
      accessibility: nstr,
      phone: nstr,
      emergencyContact: nullable(ref('EmergencyContact')),
      consentAt: ninstant,
      visaStatus: nstr,
      waitlistPosition: nint,
      otherEditions: int,
      createdAt: instant,
      statusChangedAt: ninstant,
    },
    ['otherEditions', 'visaStatus', 'consentAt'],
  ),
  RegistrationPage: pageOf('RegistrationListItem'),
  RegistrationPrefill: {
    type: 'object',
    description: 'What a new registration can start from: the person’s last one',
    properties: {
      alreadyRegistered: nullable({ type: 'object', additionalProperties: true }),
      from: nullable({ type: 'object', additionalProperties: true }),
      organisationId: nuuid,
      profession: nstr,
      professionOther: nstr,
      languages: strings,
      dietary: nstr,
      accessibility: nstr,
      phone: nstr,
      emergencyContact: nullable(ref('EmergencyContact')),
    },
  },
  MyRegistration: {
    type: 'object',
    description: 'One of my registrations with its event',
    properties: { id: uuid, status: str, eventId: uuid },
    required: ['id', 'status'],
  },
  RegistrationHistoryEntry: obj({
    id: uuid,
    from: nstr,
    to: str,
    reason: nstr,
    at: instant,
    by: nullable(obj({ accountId: nuuid, name: nstr })),
  }),
  RegistrationEdition: obj({
    registrationId: uuid,
    status: str,
    profession: nstr,
    organisation: nstr,
    event: obj({ id: uuid, slug: str, name: str, kind: str, startDate: date, endDate: date }),
    current: bool,
  }),
  PersonalDataExport: {
    ...obj({
      format: str,
      exportedAt: instant,
      account: { type: 'object', additionalProperties: true },
      registrations: arr({ type: 'object', additionalProperties: true }),
      consents: arr({ type: 'object', additionalProperties: true }),
      sessionSignups: arr({ type: 'object', additionalProperties: true }),
      staffRoles: arr({ type: 'object', additionalProperties: true }),
      calendarSubscription: { type: 'object', additionalProperties: true },
      messages: arr({ type: 'object', additionalProperties: true }),
      learningJournal: { type: 'object', additionalProperties: true },
      feedback: {
        type: 'object',
        properties: {
          named: arr({ type: 'object', additionalProperties: true }),
          anonymous: arr({ type: 'object', additionalProperties: true }),
        },
      },
    }),
    description: 'Everything Convene holds about the caller (GDPR article 15 and 20)',
  },
  MessagePage: pageOf('MessageView'),
  ErasureResult: { type: 'object', additionalProperties: true },
  Room: obj({
    id: uuid,
    eventId: uuid,
    name: str,
    capacity: nint,
    floor: nstr,
    notes: nstr,
    equipment: strings,
  }),
  Session: obj(
    {
      id: uuid,
      eventId: uuid,
      kind: {
        type: 'string',
        enum: ['plenary', 'workshop', 'site_visit', 'meal', 'social', 'break'],
      },
      title: str,
      description: nstr,
      theme: nstr,
      startsAt: instant,
      endsAt: instant,
      room: nullable(obj({ id: uuid, name: nstr, capacity: nint })),
      facilitators: arr(obj({ accountId: uuid, name: str })),
      externalFacilitators: arr({ type: 'object', additionalProperties: true }),
      language: nstr,
      interpretationLanguages: strings,
      capacity: nint,
      signupRequired: bool,
      status: { type: 'string', enum: ['draft', 'published', 'cancelled'] },
      publishedAt: ninstant,
      seats: obj({ confirmed: int, waitlisted: int, remaining: nint }),
      siteVisit: nullable({
        type: 'object',
        additionalProperties: true,
        properties: { departureAt: instant, returnAt: instant },
      }),
    },
    ['siteVisit'],
  ),
  Agenda: obj({
    event: obj({
      id: uuid,
      name: str,
      kind: str,
      timezone: str,
      startDate: date,
      endDate: date,
    }),
    days: arr(obj({ date, sessions: arr(ref('Session')) })),
  }),
  Conflict: obj(
    {
      type: {
        type: 'string',
        enum: [
          'room_double_booked',
          'facilitator_overlap',
          'outside_event_dates',
          'capacity_above_room',
          'participant_overlap',
        ],
      },
      sessionIds: arr(uuid),
      roomId: uuid,
      facilitator: str,
      accountId: uuid,
      capacity: int,
      roomCapacity: int,
    },
    ['roomId', 'facilitator', 'accountId', 'capacity', 'roomCapacity'],
  ),
  AgendaConflicts: obj({
    count: int,
    conflicts: arr(ref('Conflict')),
    sessions: arr(
      obj({
        id: uuid,
        title: str,
        kind: str,
        status: str,
        startsAt: instant,
        endsAt: instant,
        roomId: nuuid,
      }),
    ),
  }),
  AgendaPublishResult: { type: 'object', additionalProperties: true },
  MyAgenda: obj({ sessions: arr({ type: 'object', additionalProperties: true }) }),
  Signup: obj({
    id: uuid,
    sessionId: uuid,
    accountId: uuid,
    status: { type: 'string', enum: ['confirmed', 'waitlisted', 'cancelled'] },
    position: nint,
    rulesAccepted: bool,
    attended: nbool,
    createdAt: instant,
  }),
  SignupList: obj({
    session: ref('Session'),
    confirmed: arr(ref('SignupListPerson')),
    waitlisted: arr(ref('SignupListPerson')),
  }),
  SignupListPerson: obj(
    {
      signupId: uuid,
      accountId: uuid,
      status: str,
      position: nint,
      name: str,
      email: str,
      organisation: nstr,
      country: nstr,
      phone: nstr,
      emergencyContact: nullable({ type: 'object', additionalProperties: true }),
      rulesAccepted: bool,
      attended: nbool,
      signedUpAt: instant,
    },
    ['email', 'phone', 'emergencyContact', 'organisation', 'country'],
  ),
  TravelPlan: obj(
    {
      registrationId: uuid,
      eventId: uuid,
      passport: nullable({ type: 'object', additionalProperties: true }),
      visa: { type: 'object', additionalProperties: true },
      arrival: nullable({ type: 'object', additionalProperties: true }),
      departure: nullable({ type: 'object', additionalProperties: true }),
      pickupGroup: nullable({ type: 'object', additionalProperties: true }),
      warnings: arr({}),
      updatedAt: ninstant,
    },
    ['pickupGroup', 'warnings'],
  ),
  VisaRules: obj({
    eventId: uuid,
    country: str,
    visaRequiredFor: strings,
    updatedAt: ninstant,
    plansToReview: int,
  }),
  VisaBoardItem: obj(
    {
      registrationId: uuid,
      registrationStatus: str,
      account: obj({ id: uuid, name: str, email: str }),
      organisation: nullable(obj({ id: uuid, name: str, country: str })),
      nationality: nstr,
      passportExpiresOn: ndate,
      passportNumberOnFile: bool,
      passportWarning: nstr,
      visaRequired: nbool,
      visaStatus: nstr,
      visaStatusChangedAt: ninstant,
      letterIssuedAt: ninstant,
      letterDetailsMissing: {
        type: 'array',
        items: { type: 'string', enum: ['birthDate', 'passportIssuedOn'] },
        description: 'While a letter is requested: the letter details not given yet',
      },
    },
    ['passportWarning'],
  ),
  VisaBoard: pageOf('VisaBoardItem', { byStatus: counts }),
  Arrivals: obj({
    eventId: uuid,
    timezone: str,
    windowMinutes: int,
    groups: arr({ type: 'object', additionalProperties: true }),
    withoutArrival: arr(obj({ registrationId: uuid, name: str, organisation: nstr })),
    departures: arr({ type: 'object', additionalProperties: true }),
  }),
  LetterSettings: {
    type: 'object',
    additionalProperties: true,
    properties: { eventId: uuid, bilingual: bool, hostLanguage: str, updatedAt: ninstant },
    required: ['eventId'],
  },
  VisaLetterRequest: {
    type: 'object',
    additionalProperties: true,
    properties: {
      registrationId: uuid,
      birthDate: ndate,
      passportIssuedOn: ndate,
      consulate: nstr,
      visaStatus: nstr,
      complete: bool,
    },
    required: ['registrationId', 'complete'],
  },
  // Accommodation: hotels, their rooms per night, who sleeps where.
  HotelRoom: obj({
    id: uuid,
    hotelId: uuid,
    roomType: str,
    position: int,
    label: str,
    customLabel: nstr,
    capacity: int,
  }),
  Hotel: obj({
    id: uuid,
    eventId: uuid,
    name: str,
    address: str,
    city: str,
    phone: nstr,
    email: nstr,
    contactName: nstr,
    inventory: arr(obj({ night: date, rooms: counts })),
    rooms: arr(ref('HotelRoom')),
  }),
  GuestStay: obj({
    registrationId: uuid,
    name: str,
    organisation: str,
    languages: strings,
    roomPreference: nstr,
    shareWith: nstr,
    roomNeeds: nstr,
    checkIn: date,
    checkOut: date,
    nightsSource: str,
    nights: arr(obj({ night: date, roomId: nuuid, roomLabel: nstr, hotelId: nuuid })),
    unassignedNights: arr(date),
  }),
  Occupancy: obj({
    eventId: uuid,
    nights: arr(date),
    hotels: arr({
      type: 'object',
      additionalProperties: true,
      properties: { id: uuid, name: str },
    }),
    guests: arr(ref('GuestStay')),
    unassigned: arr(obj({ registrationId: uuid, name: str, nights: arr(date) })),
  }),
  AccommodationSuggestion: obj({ placed: int, unassigned: int }),
  RoomingList: obj({
    eventId: uuid,
    hotel: { type: 'object', additionalProperties: true, properties: { id: uuid, name: str } },
    nights: arr(
      obj({
        night: date,
        rooms: arr(obj({ roomId: uuid, room: str, roomType: str, guests: strings })),
      }),
    ),
    lines: arr({ type: 'object', additionalProperties: true }),
    sentAt: ninstant,
    changes: nullable(arr({ type: 'object', additionalProperties: true })),
  }),
  Stay: obj({
    registrationId: uuid,
    eventId: uuid,
    preferences: obj({
      roomPreference: nstr,
      shareWith: nstr,
      roomNeeds: nstr,
      shareNeedsWithHotel: bool,
    }),
    checkIn: date,
    checkOut: date,
    nightsSource: str,
    nights: arr(obj({ night: date, roomType: nstr, roommates: strings })),
    hotel: nullable(obj({ name: str, address: str, city: str })),
    roommates: strings,
    unassignedNights: arr(date),
  }),
};
