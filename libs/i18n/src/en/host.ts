import { num } from './num.js';

/** English wording of the host pages: the reference every other language matches key for key. */
export const host = {
  title: 'Visits you host',
  lead: 'The site visits of the events you host, and who comes to each one.',
  noVisits: 'No site visit is planned for this event yet.',
  visitsTitle: 'Site visits',
  seatsTaken: (taken: number, seats: number) => `${num(taken)} of ${num(seats)} seats taken`,
  waiting: (n: number) => (n === 1 ? '1 person waiting' : `${num(n)} people waiting`),
  whoComes: 'See who comes',
  downloadCsv: 'Download the bus list (CSV, for a spreadsheet)',
  busListCount: (n: number) =>
    n === 1 ? 'Bus list: 1 person comes' : `Bus list: ${num(n)} people come`,
  busList: 'Bus list',
  confirmedTitle: (n: number) => (n === 1 ? '1 person comes' : `${num(n)} people come`),
  waitlistTitle: (n: number) =>
    n === 1 ? '1 person on the waiting list' : `${num(n)} people on the waiting list`,
  nobody: 'Nobody has signed up yet.',
  name: 'Name',
  organisation: 'Organisation',
  emergencyContact: 'Emergency contact',
  rulesAccepted: 'Rules accepted',
  position: 'Place',
  privacyNote:
    'You see the names, organisations and emergency contacts of the visitors. Their own phone numbers stay with the organisers.',
  arrivalsTitle: 'Who comes, and when: arrivals',
  arrival: 'Arrival',
  flight: 'Flight',
  arrivalUnknown: 'Arrival not given yet',
  /** A label before its value, as each language punctuates it. */
  labelled: (label: string) => `${label}: `,
  allVisits: 'All the visits you host',
  cancelled: 'Cancelled',
};

export type HostMessages = typeof host;
