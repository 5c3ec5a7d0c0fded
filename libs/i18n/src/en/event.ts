import { num } from './num.js';

/** English wording of the public event pages: the reference every other language matches key for key. */
export const event = {
  listTitle: 'Meetings and immersions',
  listLead: 'The meetings of the partner network open for registration.',
  none: 'No event is open at the moment.',
  kinds: { meeting: 'Meeting', immersion: 'Immersion' },
  statuses: {
    draft: 'Draft',
    published: 'Open',
    closed: 'Closed',
    archived: 'Archived',
  },
  open: 'See the event',
  // The public page of one event.
  dates: 'Dates',
  venue: 'Venue',
  about: 'About this event',
  programme: 'Programme',
  programmeLead: 'The main sessions of each day, in local time.',
  programmeEmpty: 'The programme will be published soon.',
  moreSessions: (n: number) => (n === 1 ? 'and 1 other session' : `and ${num(n)} other sessions`),
  fullAgenda: 'See the full programme',
  seatsLeft: (n: number) => (n === 1 ? '1 place left' : `${num(n)} places left`),
  full: 'All places are taken: you can join the waiting list.',
  approvalNote: 'The organisers approve each registration.',
  register: 'Register',
  joinWaitlist: 'Join the waiting list',
  signInToRegister: 'No account yet?',
  yourRegistration: 'Your registration',
  seeRegistration: 'See my registration',
  closed: {
    draft: 'This event is not published yet.',
    closed: 'Registration is closed for this event.',
    archived: 'This event is over.',
    not_yet_open: (date: string) => `Registration opens on ${date}.`,
    ended: (date: string) => `Registration closed on ${date}.`,
  },
  kindsSession: {
    plenary: 'Plenary',
    workshop: 'Workshop',
    site_visit: 'Site visit',
    team_meeting: 'Team meeting',
    family_workshop: 'Family workshop',
    observation_day: 'Observation day',
    meal: 'Meal',
    social: 'Social event',
    break: 'Break',
  },
};

export type EventMessages = typeof event;
