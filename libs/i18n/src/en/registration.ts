import { num } from './num.js';

/** English wording of the registration pages: the reference every other language matches key for key. */

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st, 111th. */
function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${num(n)}th`;
  return `${num(n)}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

export const registration = {
  title: (event: string) => `Register for ${event}`,
  lead: 'Fill in the form once: it takes about five minutes. Fields without "optional" are needed.',
  prefilled: (event: string) =>
    `We filled in what you told us for ${event}. Check that it is still right.`,
  notVerifiedTitle: 'Confirm your email address first',
  notVerifiedBody:
    'Before you can register, open the link we emailed you when you created your account.',
  aboutYou: 'About you',
  organisation: 'Organisation',
  organisationPlaceholder: 'Choose your organisation',
  profession: 'Profession',
  professionPlaceholder: 'Choose your profession',
  professions: {
    social_worker: 'Social worker',
    head_of_service: 'Head of service',
    psychologist: 'Psychologist',
    legal_expert: 'Legal expert',
    manager: 'Manager',
    other: 'Other',
  },
  professionOther: 'Your profession, if "Other"',
  languages: 'Languages you speak',
  languagesHint: 'So we can plan interpretation and the workshops.',
  languageNames: {
    fr: 'French',
    en: 'English',
    es: 'Spanish',
    ar: 'Arabic',
    pt: 'Portuguese',
    wo: 'Wolof',
    ln: 'Lingala',
    sw: 'Swahili',
    tl: 'Tagalog',
    qu: 'Quechua',
  },
  practical: 'Practical needs',
  dietary: 'Food',
  dietaryHint: 'Vegetarian, allergies, halal... (optional)',
  accessibility: 'Access and health',
  accessibilityHint: 'Anything that helps you take part: wheelchair, hearing, rest... (optional)',
  phone: 'Mobile phone during the event',
  phoneHint:
    'Optional. With + and the country code, e.g. +226 70 12 34 56. Seen only by the organisers and the leaders of your sessions.',
  emergencyTitle: 'Person to call in an emergency',
  emergencyHint: 'Optional; if you give one, give both the name and the phone.',
  emergencyName: 'Their name',
  emergencyPhone: 'Their phone',
  emergencyRelation: 'Who they are to you (optional)',
  consentTitle: 'Your personal data',
  consentText:
    'Convene keeps what you write in this form to organise this meeting: your place, the rooms, the meals, travel and visas, and your safety. The organisers of the network see it; the leaders of your sessions see your name, organisation and phone. It is never sold or used for advertising. It is deleted after the meeting, as set by the organisers, and you can see, export or delete it at any time in "My data".',
  consentLabel: 'I agree that my personal data is used in this way.',
  consentVersion: (version: string) => `Text version ${version}`,
  beforeTitle: 'What happens when you send this form',
  beforeConfirmed: 'A place is free: your registration is confirmed at once and we email you.',
  beforeApproval:
    'The organisers look at every registration before confirming it. You will get an email with their answer; until then your registration is "waiting for approval".',
  beforeWaitlist:
    'All places are taken. You will be on the waiting list: when someone cancels, the first person on the list gets the place automatically and we email them.',
  submit: 'Send my registration',
  submitWaitlist: 'Join the waiting list',
  // After submitting, and in "my registrations".
  statuses: {
    awaiting_consent: 'Waiting for your answer',
    pending: 'Waiting for approval',
    confirmed: 'Confirmed',
    waitlisted: 'On the waiting list',
    cancelled: 'Cancelled',
    rejected: 'Not accepted',
  },
  nextTitle: 'What happens next',
  next: {
    awaiting_consent: 'The organisers registered you: they are waiting for your consent.',
    pending:
      'The organisers will look at your registration. We will email you as soon as they have decided; nothing else to do for now.',
    confirmed:
      'Your place is confirmed. You can now enter your travel details and choose your workshops.',
    waitlisted:
      'You will get a place automatically if someone cancels, in the order of the list, and we will email you at once.',
    cancelled: 'This registration is cancelled: it holds no place.',
    rejected:
      'The organisers could not accept this registration. Contact them if you have a question.',
  },
  position: (n: number) =>
    n === 1 ? 'You are first on the waiting list.' : `You are ${ordinal(n)} on the waiting list.`,
  submitted: 'Your registration has been sent.',
  alreadyRegistered: 'You are already registered for this event: here is your registration.',
  myTitle: 'My registrations',
  myLead: 'Every meeting you registered for, with where you stand.',
  none: 'You have not registered for any event yet.',
  seeEvents: 'See the events open for registration',
  eventPage: 'Event page',
  travel: 'Travel and visa',
  agenda: 'Programme and workshops',
  details: 'Details and cancellation',
  detailTitle: (event: string) => `My registration: ${event}`,
  yourAnswers: 'What you told us',
  notGiven: 'Not given',
  registeredOn: 'Registered',
  consentGiven: (date: string) => `Consent given on ${date}`,
  cancelTitle: 'Cancel my registration',
  cancelIntro: 'Before you cancel, please read what it means:',
  cancelConsequences: {
    seat: 'Your place goes to the next person on the waiting list, if there is one.',
    sessions: 'Your workshop and site-visit places are released too.',
    back: 'If you change your mind, you will have to register again, and the event may be full by then.',
  },
  cancelWaitlist: 'You leave the waiting list and lose your position on it.',
  cancelConfirm: 'Yes, cancel my registration',
  cancelKeep: 'No, keep my registration',
  cancelled: 'Your registration is cancelled.',
  cannotCancel: 'This registration can no longer be cancelled.',
};

export type RegistrationMessages = typeof registration;
