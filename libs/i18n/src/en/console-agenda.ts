import { num } from './num.js';

/** English wording of the console-agenda pages: the reference every other language matches key for key. */
export const consoleAgenda = {
  title: 'Agenda',
  kinds: {
    plenary: 'Plenary',
    workshop: 'Workshop',
    site_visit: 'Site visit',
    team_meeting: 'Team meeting',
    family_workshop: 'Family workshop',
    observation_day: 'Observation day',
    meal: 'Meal',
    social: 'Social time',
    break: 'Break',
  },
  statuses: { draft: 'Draft', published: 'Published', cancelled: 'Cancelled' },
  // The grid
  days: 'Days of the event',
  outsideDay: 'outside the dates',
  gridLabel: (day: string) => `Sessions of ${day}, rooms by time`,
  time: 'Time',
  noRoom: 'No room',
  addSession: 'Add a session',
  addSessionIn: (room: string) => `Add a session in ${room}`,
  rooms: 'Rooms',
  manageRooms: 'Rooms and capacities',
  reviewAndPublish: 'Review conflicts and publish',
  draftsWaiting: (n: number) =>
    n === 1
      ? '1 draft session is not yet visible to participants.'
      : `${num(n)} draft sessions are not yet visible to participants.`,
  allPublished: 'Every session is published.',
  emptyDay: 'No session on this day yet.',
  noRoomsYet: 'This event has no rooms yet: add them to place sessions in the grid.',
  timesIn: (place: string) => `Times are ${place} time.`,
  seats: (confirmed: number, capacity: number | null) =>
    capacity == null
      ? `Signed up: ${num(confirmed)}`
      : `Seats taken: ${num(confirmed)} of ${num(capacity)}`,
  waitlisted: (n: number) => `On the waitlist: ${num(n)}`,
  conflictMark: 'Conflict',
  // Conflicts, in words
  conflictsTitle: 'Conflicts',
  conflictsCount: (n: number) =>
    n === 0
      ? "No conflicts: no room or facilitator is booked twice, every session fits its room and the event's dates."
      : n === 1
        ? '1 conflict to look at.'
        : `${num(n)} conflicts to look at.`,
  conflict: {
    room: (other: string, room: string) => `Room overlap with “${other}” in ${room}`,
    facilitator: (name: string, other: string) =>
      `Facilitator ${name} double-booked (also in “${other}”)`,
    capacity: (capacity: number, room: number) =>
      `Capacity ${num(capacity)} is above the room's ${num(room)} seats`,
    outside: "Outside the event's dates",
    participant: (other: string) => `A signed-up person is also in “${other}” at the same time`,
    unknownSession: 'another session',
    unknownPerson: 'a facilitator',
  },
  conflictBetween: (a: string, b: string) => `“${a}” and “${b}”`,
  keepTitle: 'This session clashes with the agenda',
  keepLead:
    'It was not saved. Change the time, the room, the capacity or the facilitators, or keep it as it is: the conflict will then stay listed on the grid until you resolve it.',
  keepAnyway: 'Keep anyway',
  // The session form
  newSession: 'New session',
  editSession: (title: string) => `Edit “${title}”`,
  fields: {
    kind: 'Kind of session',
    title: 'Title',
    description: 'Description',
    theme: 'Theme',
    day: 'Day',
    startsAt: 'Starts at',
    endsAt: 'Ends at',
    timeHint: "In the event's local time",
    departureHint: 'Between the start and the end of the visit',
    roomId: 'Room',
    facilitatorIds: 'Facilitators',
    facilitatorsHint: "Chosen among the event's staff",
    noStaff: 'No staff member can be chosen yet: add facilitators in the Staff section.',
    language: 'Working language',
    interpretationLanguages: 'Interpretation into',
    capacity: 'Seats',
    capacityHint: 'Leave empty for no limit',
    signupRequired: 'Participants must sign up to attend',
    hostOrganisationId: 'Host organisation',
    address: 'Address',
    meetingPoint: 'Meeting point',
    departureAt: 'Departure',
    returnAt: 'Return',
    transport: 'Transport',
    transportHint: 'For example: bus, minibus, on foot',
    seatsVisit: 'Seats in the vehicle',
    hostLimit: 'Visitors the host can receive',
    hostContactName: 'Contact person at the host',
    hostContactPhone: "Contact's phone",
    hostContactEmail: "Contact's email",
    rules: 'Rules for visitors',
    rulesHint: 'One rule per line, for example: No photos of beneficiaries',
    inLanguage: (label: string, language: string) => `${label} (${language})`,
    translations: 'Translations',
    translationsHint:
      'Participants read the session in their language when it is written here; otherwise in the first language, marked as such.',
  },
  siteVisit: 'Site visit',
  siteVisitLead: 'Fill this in for a site visit only.',
  chooseOption: 'Choose…',
  noLanguage: 'Not set',
  languages: {
    fr: 'French',
    en: 'English',
    es: 'Spanish',
    ar: 'Arabic',
    pt: 'Portuguese',
    wo: 'Wolof',
  } as Record<string, string>,
  create: 'Create the session',
  save: 'Save the changes',
  cancelLink: 'Back to the agenda',
  // Move
  moveTitle: (title: string) => `Move “${title}”`,
  moveLead: 'Choose another day, time or room. People signed up are told about the change.',
  move: 'Move the session',
  moveLink: 'Move',
  editLink: 'Edit',
  openLink: 'Sign-ups',
  // Cancel
  cancelTitle: (title: string) => `Cancel “${title}”`,
  cancelLead: (n: number) =>
    n === 0
      ? 'Nobody is signed up for this session.'
      : n === 1
        ? '1 person is signed up: they will receive an email telling them the session is cancelled.'
        : `${num(n)} people are signed up: each receives an email telling them the session is cancelled.`,
  cancelConfirm: 'Cancel the session',
  cancelKeep: 'Keep the session',
  cancelSession: 'Cancel this session',
  // Session page
  details: 'Details',
  when: 'When',
  where: 'Where',
  status: 'Status',
  facilitators: 'Facilitators',
  none: 'None',
  signups: 'Signed up',
  waitlist: 'Waitlist',
  waitlistEmpty: 'Nobody is waiting.',
  signupsEmpty: 'Nobody is signed up yet.',
  columns: {
    position: 'Place',
    name: 'Name',
    organisation: 'Organisation',
    country: 'Country',
    phone: 'Mobile',
    emergency: 'Emergency contact',
    rules: 'Rules accepted',
    attended: 'Attendance',
    actions: 'Actions',
    signature: 'Present',
  },
  present: 'Present',
  absent: 'Absent',
  notMarked: 'Not marked',
  markPresent: (name: string) => `Mark ${name} present`,
  markAbsent: (name: string) => `Mark ${name} absent`,
  attendanceOpens: (when: string) => `Attendance can be marked from the start: ${when}.`,
  attendanceTooEarly: 'Attendance can only be marked once the session has started.',
  moveTo: 'Move to',
  moveToLabel: (name: string) => `Move ${name} to`,
  backToSession: 'Back to the session',
  movePersonTitle: (name: string) => `Move ${name}`,
  movePersonFrom: (title: string, when: string) =>
    `Signed up for “${title}”, ${when}. Choose the session to move them to.`,
  movePerson: 'Move',
  noOtherSession: 'No other published session to move people to.',
  remove: 'Remove',
  removeLabel: (name: string) => `Remove ${name}`,
  removeConfirm: (name: string) => `Remove ${name} from this session? They will be told by email.`,
  busList: 'Bus list',
  busListTitle: (title: string) => `Bus list: ${title}`,
  printBusList: 'Print',
  downloadCsv: 'Download the list (CSV)',
  busFacts: {
    meetingPoint: 'Meeting point',
    departure: 'Departure',
    return: 'Return',
    transport: 'Transport',
    seats: 'Seats',
    host: 'Host',
    address: 'Address',
    contact: 'Host contact',
  },
  busCount: (n: number, seats: number) =>
    `${num(n)} ${n === 1 ? 'person' : 'people'} for ${num(seats)} ${seats === 1 ? 'seat' : 'seats'}`,
  // Review and publish
  reviewTitle: 'Review and publish the agenda',
  reviewLead:
    'Publishing makes every draft session visible to participants, who can then sign up. Look at the conflicts first: they stay as they are once published.',
  publish: (n: number) =>
    n === 1 ? 'Publish 1 draft session' : `Publish ${num(n)} draft sessions`,
  publishWithConflicts: (n: number) =>
    n === 1
      ? 'I have reviewed the conflict and want to publish anyway'
      : `I have reviewed the ${num(n)} conflicts and want to publish anyway`,
  nothingToPublish: 'There is no draft session to publish.',
  draftList: 'Draft sessions to publish',
  // Rooms
  roomsTitle: 'Rooms',
  roomsLead: 'The capacity of a room is compared with the seats of the sessions held in it.',
  roomName: 'Name',
  roomCapacity: 'Capacity',
  roomCapacityHint: 'Seats; leave empty for no limit',
  addRoom: 'Add the room',
  newRoom: 'New room',
  saveRoom: 'Save',
  deleteRoom: 'Delete',
  deleteRoomConfirm: (name: string) => `Delete the room ${name}?`,
  editRoomLabel: (name: string) => `Room ${name}`,
  noRooms: 'No room yet.',
  sessionsInRoom: (n: number) => (n === 1 ? '1 session' : `${num(n)} sessions`),
  // Flash messages (shown once after a redirect)
  flash: {
    created: 'The session is saved as a draft.',
    saved: 'The changes are saved.',
    moved: 'The session has moved.',
    cancelled: 'The session is cancelled; the people signed up are being told by email.',
    published: 'The agenda is published: participants can now see its sessions.',
    roomAdded: 'The room is added.',
    roomSaved: 'The room is saved.',
    roomDeleted: 'The room is deleted.',
    roomInUse: 'This room is still used by sessions: move them to another room first.',
    roomError: 'The room could not be saved: check its name and capacity.',
    personMoved: 'The person has moved to the other session.',
    personNotMoved:
      'The person could not be moved: the other session is full, clashes with their agenda, or is not published.',
    personRemoved: 'The person is removed from this session.',
    attendance: 'Attendance is saved.',
    attendanceTooEarly: 'Attendance can only be marked once the session has started.',
  },
};

export type ConsoleAgendaMessages = typeof consoleAgenda;
