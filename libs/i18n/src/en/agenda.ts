import { num } from './num.js';

/** English wording of the agenda pages: the reference every other language matches key for key. */
const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as const)[n % 10] ?? 'th');
  return `${num(n)}${suffix}`;
};

export const agenda = {
  title: 'Agenda',
  titleOf: (event: string) => `Agenda: ${event}`,
  lead: 'Every session of the week, day by day. Sign up for workshops and visits here.',
  timesIn: (place: string) => `All times are ${place} time.`,
  filters: {
    title: 'Filter the agenda',
    theme: 'Theme',
    language: 'Language',
    kind: 'Kind of session',
    any: 'All',
    apply: 'Show',
    clear: 'Show everything',
  },
  /** Said after a text shown in another language than the reader's (no translation). */
  writtenIn: { fr: 'in French', en: 'in English', es: 'in Spanish' },
  kinds: {
    plenary: 'Plenary',
    workshop: 'Workshop',
    site_visit: 'Site visit',
    team_meeting: 'Team meeting',
    family_workshop: 'Family workshop',
    observation_day: 'Observation day',
    meal: 'Meal',
    social: 'Social',
    break: 'Break',
  },
  languages: {
    fr: 'French',
    en: 'English',
    es: 'Spanish',
    ar: 'Arabic',
    pt: 'Portuguese',
    wo: 'Wolof',
  } as Record<string, string>,
  noMatch: 'No session matches these filters.',
  emptyDay: 'Nothing on the agenda this day.',
  with: 'With',
  inLanguage: (language: string) => `In ${language}`,
  /** "interpretation into English and Spanish". */
  interpretation: (languages: string[]) =>
    `interpretation into ${languages.length > 1 ? `${languages.slice(0, -1).join(', ')} and ${languages[languages.length - 1]}` : languages.join('')}`,
  seatsLeft: (n: number) => (n === 1 ? '1 seat left' : `${num(n)} seats left`),
  full: 'Full',
  waitingCount: (n: number) => (n === 1 ? '1 person waiting' : `${num(n)} people waiting`),
  openToAll: 'For every participant, no sign-up needed',
  cancelledBadge: 'Cancelled',
  ordinal,
  mark: {
    confirmed: 'Signed up',
    waitlisted: (position: number | null) =>
      position ? `On the waiting list, ${ordinal(position)}` : 'On the waiting list',
    facilitating: 'You lead this session',
    everyone: 'For everyone',
  },
  waitlistPosition: (n: number) => `You are ${ordinal(n)} on the waiting list.`,
  waitlistExplain:
    'If a place frees up, it goes to the next person in line, and we email you when it is yours.',
  signUp: 'Sign up',
  joinWaitlist: 'Join the waiting list',
  cancelPlace: 'Cancel my place',
  leaveWaitlist: 'Leave the waiting list',
  confirmCancel: 'Cancel your place in this session? It will go to the next person waiting.',
  details: 'Details',
  signInToSignUp: 'Sign in to sign up',
  participantsOnly:
    'Sign-ups for sessions are for the people whose registration for this event is confirmed.',
  flash: {
    confirmed: 'You are signed up. See you there!',
    waitlisted: 'The session is full: you are on its waiting list.',
    cancelled: 'Your place is cancelled.',
    notHeld: 'You had no place in this session.',
  },
  refused: {
    title: 'This sign-up could not be made',
    clash: (title: string, when: string) =>
      `This session overlaps “${title}” (${when}), where you already have a place. Cancel that one first if you prefer this one.`,
    clashLink: 'See the other session',
    noRegistration:
      'Only people whose registration for this event is confirmed can sign up for its sessions.',
    closed: 'Sign-ups for this session are closed.',
    openToAll: 'This session is open to every participant: there is nothing to sign up for.',
    rules: 'Tick the box to accept the host’s rules before signing up for this visit.',
  },
  session: {
    back: 'Back to the agenda',
    when: 'When',
    where: 'Where',
    theme: 'Theme',
    language: 'Language',
    seats: 'Seats',
    seatsOf: (left: number, total: number) => `${num(left)} of ${num(total)} left`,
    unlimited: 'No limit',
    cancelledNote: 'This session has been cancelled.',
    yourPlace: 'Your place',
  },
  visit: {
    title: 'The visit',
    host: 'Hosted by',
    address: 'Address',
    meetingPoint: 'Meeting point',
    departure: 'Departure',
    return: 'Return',
    transport: 'Transport',
    seats: (n: number) => (n === 1 ? '1 seat' : `${num(n)} seats`),
    rulesTitle: 'The host’s rules',
    rulesLead: 'Our host asks every visitor to respect these rules:',
    acceptRules: 'I have read the host’s rules and I accept them',
    rulesAccepted: 'You accepted the host’s rules.',
    onTime: 'The group leaves on time: please be at the meeting point a few minutes early.',
  },
  mine: {
    title: 'My agenda',
    lead: 'Your week: plenaries, meals and breaks, and the sessions you signed up for or lead.',
    none: 'Nothing here yet: once your registration is confirmed, the plenaries and the sessions you sign up for appear here.',
    calendar: 'Add my agenda to my calendar',
    fullAgenda: 'See the whole agenda',
    feedbackResults: (form: string) => `What participants said: ${form}`,
  },
};

export type AgendaMessages = typeof agenda;
