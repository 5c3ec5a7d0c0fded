import { num } from './num.js';

/** English wording of badges and the check-in pages: the reference fr and es match key for key. */
export const checkin = {
  // Badges (PDF)
  badge: {
    title: 'Badges',
    one: (name: string) => `Badge of ${name}`,
    professions: {
      social_worker: 'Social worker',
      head_of_service: 'Head of service',
      psychologist: 'Psychologist',
      legal_expert: 'Legal expert',
      manager: 'Manager',
      other: 'Participant',
    },
    roles: { organiser: 'Organiser', facilitator: 'Facilitator', host: 'Host' },
    cut: 'Cut along the dotted lines',
    scan: 'Check-in',
  },
  // The participant's link
  myBadge: 'My badge (PDF)',
  // Console pages
  title: 'Check-in',
  doorTitle: (session: string) => `Door: ${session}`,
  modeLabel: 'What are you scanning for?',
  modeDay: 'Arrival of the day',
  modeDayHint: (day: string) => `Marks people present for ${day}.`,
  modeSession: 'A session’s door',
  chooseSession: 'Session',
  open: 'Open the scanner',
  scanTitle: 'Scan a badge',
  cameraStart: 'Start the camera',
  cameraStop: 'Stop the camera',
  cameraUnavailable:
    'The camera cannot read codes in this browser: type the code under the QR code, or find the person by name below.',
  codeLabel: 'Code printed under the QR code',
  codeHint: 'Or the link the QR code carries.',
  submitCode: 'Check in',
  searchTitle: 'Find a person by name',
  searchLabel: 'Name, organisation or email',
  searchSubmit: 'Search',
  noMatch: 'Nobody confirmed matches this search.',
  searchFirst: 'Type at least two letters of a name.',
  checkInPerson: (name: string) => `Check in ${name}`,
  checkInShort: 'Check in',
  present: (time: string) => `Present since ${time}`,
  name: 'Name',
  organisation: 'Organisation',
  status: 'Today',
  action: 'Action',
  checkedIn: (name: string, time: string) => `${name} — checked in ${time}`,
  alreadyCheckedIn: (name: string, time: string) => `${name} — already checked in at ${time}`,
  attended: (name: string, time: string) => `${name} — at the session since ${time}`,
  alreadyAttended: (name: string, time: string) => `${name} — already counted at ${time}`,
  notValid: 'Not valid',
  notValidNote: 'This badge is unknown here or its registration was cancelled.',
  windowClosed: (from: string, to: string) =>
    `The door of this session is open for scanning from ${from} to ${to}.`,
  queued: (n: number) =>
    n === 1
      ? '1 scan waiting for the connection: it will be sent as soon as the server answers.'
      : `${num(n)} scans waiting for the connection: they will be sent as soon as the server answers.`,
  sent: 'Waiting scans sent.',
  offline: 'No connection: scan kept on this phone, it will be sent automatically.',
  countToday: (n: number) =>
    n === 1 ? '1 person checked in today.' : `${num(n)} people checked in today.`,
  countSession: (n: number) =>
    n === 1 ? '1 person counted at this session.' : `${num(n)} people counted at this session.`,
  noSessionsToday: 'No session to scan for.',
  yourSessions: 'Your sessions',
  scanAtDoor: 'Scan badges at the door',
  backToChoice: 'Another desk or door',
};

export type CheckinMessages = typeof checkin;
