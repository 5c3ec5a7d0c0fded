import { formatCount } from '../count-format.js';

/** A count with English digit grouping: 1,008. */
const num = (n: number) => formatCount('en', n);

/** English wording shared by every page: the reference every other language matches key for key. */
export const common = {
  appName: 'Convene',
  skipToContent: 'Skip to content',
  language: 'Language',
  languageNames: { fr: 'Français', en: 'English', es: 'Español' },
  mainNav: 'Main menu',
  home: 'Events',
  myRegistrations: 'My registrations',
  myAgenda: 'My agenda',
  myData: 'My data',
  console: 'Organiser console',
  hostPages: 'My visits',
  signIn: 'Sign in',
  signUp: 'Create an account',
  signOut: 'Sign out',
  signedInAs: (name: string) => `Signed in as ${name}`,
  save: 'Save',
  cancel: 'Cancel',
  back: 'Back',
  next: 'Next',
  previous: 'Previous',
  search: 'Search',
  filter: 'Filter',
  download: 'Download',
  optional: 'optional',
  required: 'required',
  yes: 'Yes',
  no: 'No',
  page: (n: number, of: number) => `Page ${num(n)} of ${num(of)}`,
  errorSummaryTitle: 'There is a problem',
  /** A problem in the error summary, after its field's label. */
  fieldProblem: (label: string, message: string) => `${label}: ${message}`,
  errorCount: (n: number) =>
    n === 1 ? '1 field needs your attention' : `${num(n)} fields need your attention`,
  notFoundTitle: 'Page not found',
  notFoundBody: 'This page does not exist, or you are not allowed to see it.',
  forbiddenTitle: 'Not allowed',
  forbiddenBody: 'You are not allowed to do this.',
  errorTitle: 'Something went wrong',
  errorBody: 'Something went wrong on our side. It has been logged; please try again in a moment.',
  badRequestTitle: 'This could not be done',
  conflictTitle: 'This could not be done',
  tooManyTitle: 'Too many attempts',
  tooManyBody: 'Please wait a few minutes and try again.',
  csrfTitle: 'This form has expired',
  csrfBody: 'For your security, please go back, reload the page and send the form again.',
  unavailableTitle: 'Convene is briefly unavailable',
  unavailableBody: 'Please try again in a minute.',
  goHome: 'Back to the events',
  footer: 'Convene: the meetings of the partner network',
  privacyNote: 'Your personal data is used only to organise the meeting.',
  timeIn: (place: string) => `${place} time`,
};

export type CommonMessages = typeof common;
