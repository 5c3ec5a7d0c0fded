import { num } from './num.js';

/** English wording of the "my data" pages: the reference every other language matches key for key. */
export const mydata = {
  title: 'My data',
  lead: 'Everything Convene holds about you, what it is used for, and how to take it with you or delete it.',
  download: 'Download my data (JSON)',
  downloadHint:
    'One machine-readable file with everything below, your full passport number included (it is yours).',
  // Account
  accountTitle: 'My account',
  name: 'Name',
  email: 'Email address',
  language: 'Language of emails and pages',
  organisation: 'Organisation',
  createdAt: 'Account created on',
  password: 'Password',
  passwordSet: 'Set',
  passwordNone: 'None: you sign in with emailed links',
  profileTitle: 'Change my name or language',
  saveProfile: 'Save',
  profileSaved: 'Your details are saved.',
  nameError: 'Type your name: 1 to 200 characters.',
  languageError: 'Choose one of the languages.',
  // Registrations
  registrationsTitle: 'My registrations',
  noRegistrations: 'You have not registered for any meeting.',
  status: 'Status',
  statuses: {
    awaiting_consent: 'Waiting for your consent',
    pending: 'Waiting for the organisers’ approval',
    confirmed: 'Confirmed',
    waitlisted: 'On the waiting list',
    rejected: 'Not accepted',
    cancelled: 'Cancelled',
  } as Record<string, string>,
  profession: 'Profession',
  professions: {
    social_worker: 'Social worker',
    head_of_service: 'Head of service',
    psychologist: 'Psychologist',
    legal_expert: 'Legal expert',
    manager: 'Manager',
    other: 'Other',
  } as Record<string, string>,
  languagesSpoken: 'Languages',
  dietary: 'Dietary needs',
  accessibility: 'Accessibility needs',
  phone: 'Mobile phone',
  emergencyContact: 'Emergency contact',
  nothing: 'None given',
  consentGiven: (date: string) => `Consent to the processing of your data given on ${date}.`,
  // Travel
  travelTitle: 'Travel',
  passport: 'Passport',
  passportLine: (country: string, number: string, expires: string) =>
    `${country}, number ${number}, expires on ${expires}`,
  passportMaskedNote:
    'The number is hidden here in case someone looks over your shoulder: it is shown in full on the travel page and in the download.',
  arrival: 'Flight in',
  departure: 'Flight home',
  visa: 'Visa',
  travelPage: 'Travel and visa',
  // Other data
  consentsTitle: 'My consents',
  consentLine: (event: string, date: string) =>
    `Processing of my data for “${event}”: given on ${date}`,
  noConsents: 'No consent recorded.',
  signupsTitle: 'My sessions',
  noSignups: 'You are signed up for no session.',
  signupStatuses: {
    confirmed: 'Signed up',
    waitlisted: 'On the waiting list',
    cancelled: 'Cancelled',
  } as Record<string, string>,
  rolesTitle: 'My roles in meetings',
  roles: {
    organiser: 'Organiser',
    facilitator: 'Facilitator',
    host: 'Host of visits',
  } as Record<string, string>,
  roleLine: (event: string, role: string) => `${event}: ${role}`,
  signupLine: (session: string, event: string, status: string) =>
    `${session} (${event}): ${status}`,
  calendarTitle: 'Calendar subscription',
  calendarYes: (date: string) => `A subscription link exists, created on ${date}.`,
  calendarNo: 'No subscription link.',
  calendarManage: 'Manage my calendar link',
  messagesTitle: 'Emails sent to me',
  noMessages: 'No email sent to you yet.',
  messagesMore: (n: number) => `and ${num(n)} more in the download.`,
  messageStatuses: {
    queued: 'Waiting to be sent',
    sending: 'Being sent',
    sent: 'Sent',
    failed: 'Could not be delivered',
  } as Record<string, string>,
  subject: 'Subject',
  date: 'Date',
  // Deletion
  deleteTitle: 'Delete my account',
  deleteLead: 'You can delete your account at any time.',
  deleteStart: 'Delete my account…',
  confirmTitle: 'Delete my account for good?',
  consequences: 'What will happen:',
  consequenceRegistrations: (n: number) =>
    n === 0
      ? 'You have no active registration.'
      : n === 1
        ? 'Your active registration will be cancelled.'
        : `Your ${num(n)} active registrations will be cancelled.`,
  consequenceSeats:
    'Your seats go to the next people on the waiting lists, who will be told by email.',
  consequenceErased:
    'Your name, email address, passport, flights, phone, needs and emergency contact are erased, and so are the emails waiting to be sent to you and your calendar link.',
  consequenceCounts:
    'Past meetings keep only an anonymous count of participants: nobody will know it was you.',
  consequenceFinal: 'This cannot be undone. You will be signed out.',
  consequenceExport: 'If you want a copy of your data, download it first.',
  confirmDelete: 'Yes, delete my account',
  keep: 'No, keep my account',
  soleOrganiser: (events: string) =>
    `You are the only organiser of: ${events}. Please ask another person to become an organiser of these events first; then you can delete your account.`,
  deletedTitle: 'Your account has been deleted',
  deletedBody:
    'Your registrations are cancelled and your personal data is erased. You have been signed out. Thank you for taking part.',
};

export type MydataMessages = typeof mydata;
