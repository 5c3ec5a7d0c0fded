import { num } from './num.js';

/** English wording of the dashboard pages: the reference every other language matches key for key. */
const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`;

export const dashboard = {
  title: 'Dashboard',
  headline: (participants: number, organisations: number, countries: number) =>
    `${plural(participants, 'participant', 'participants')} from ${plural(organisations, 'organisation', 'organisations')} in ${plural(countries, 'country', 'countries')}`,
  noParticipants: 'No confirmed participants yet.',
  headlineNote: (waitlisted: number, pending: number) =>
    `Confirmed participants only. ${plural(waitlisted, 'person', 'people')} on the waitlist, ${plural(pending, 'registration', 'registrations')} awaiting approval.`,
  seats: (left: number, capacity: number) =>
    `${plural(left, 'place', 'places')} left out of ${num(capacity)}.`,
  quickLinks: 'Go to',
  links: {
    registrations: 'Registrations',
    visas: 'Visa board',
    agenda: 'Agenda',
    announcements: 'Write an announcement',
    messages: 'Message log',
  },
  charts: {
    byCountry: 'Participants by country',
    byOrganisation: 'Participants by organisation',
    byProfession: 'Participants by profession',
    overTime: 'Registrations over time',
    visas: 'Visa statuses',
    seats: 'Seats left per session',
  },
  chartNotes: {
    overTime:
      'Every registration received, whatever its status, added up day by day (dates in the event’s time zone).',
    visas: 'People registered and not cancelled, by the status of their visa.',
    seats: 'Sessions with a seat limit that are not cancelled.',
    byOrganisation: (shown: number, total: number) =>
      `The ${num(shown)} organisations with the most participants, out of ${num(total)}.`,
  },
  columns: {
    country: 'Country',
    organisation: 'Organisation',
    profession: 'Profession',
    participants: 'Participants',
    date: 'Day',
    received: 'Received that day',
    cumulative: 'Total so far',
    visaStatus: 'Visa status',
    people: 'People',
    session: 'Session',
    seatsLeft: 'Seats left',
    capacity: 'Seats',
    taken: 'Taken',
    waitlisted: 'Waitlist',
  },
  otherOrganisations: (n: number) => `Other organisations (${num(n)})`,
  empty: 'Nothing to show yet.',
  chartLabel: (title: string, total: number) => `${title}: chart of ${num(total)} in all`,
  tableCaption: (title: string) => `${title}: the numbers`,
  professions: {
    social_worker: 'Social worker',
    head_of_service: 'Head of service',
    psychologist: 'Psychologist',
    legal_expert: 'Legal expert',
    manager: 'Manager',
    other: 'Other',
  } as Record<string, string>,
  visaStatuses: {
    not_required: 'No visa needed',
    letter_requested: 'Letter requested',
    letter_issued: 'Letter issued',
    applied: 'Visa applied for',
    granted: 'Visa granted',
    refused: 'Visa refused',
    unknown: 'Not known yet',
  } as Record<string, string>,
};

export type DashboardMessages = typeof dashboard;
