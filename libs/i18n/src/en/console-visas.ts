import { formatCount } from '../count-format.js';

/** A count with English digit grouping: 1,008. */
const num = (n: number) => formatCount('en', n);

/** English wording of the console-visas pages: the reference every other language matches key for key. */
export const consoleVisas = {
  boardTitle: 'Visa board',
  statuses: {
    not_required: 'Not required',
    letter_requested: 'Letter requested',
    letter_issued: 'Letter issued',
    applied: 'Visa applied for',
    granted: 'Visa granted',
    refused: 'Visa refused',
    unknown: 'No passport yet',
  },
  countsTitle: 'Participants by visa status',
  allStatuses: 'Everyone',
  filters: {
    title: 'Filter the list',
    status: 'Visa status',
    anyStatus: 'Any status',
    nationality: 'Nationality',
    anyNationality: 'Any nationality',
    passport: 'Passport',
    passportAny: 'Any passport',
    passportExpiring: 'Expires too soon',
    passportFine: 'Valid long enough, or not given yet',
    search: 'Search',
    searchHint: 'Name, email or organisation',
    apply: 'Show',
    reset: 'Clear the filters',
  },
  table: {
    caption: (shown: number, total: number) =>
      total === 0
        ? 'No participant'
        : shown === total
          ? `${num(total)} participant${total === 1 ? '' : 's'}`
          : `${num(shown)} of ${num(total)} participants`,
    select: 'Select',
    selectAll: 'Select everyone on this page',
    selectPerson: (name: string) => `Select ${name}`,
    name: 'Name',
    organisation: 'Organisation',
    nationality: 'Nationality',
    passportExpiry: 'Passport expires',
    status: 'Status',
    lastChange: 'Last change',
    actions: 'Letter',
  },
  passportNotGiven: 'Not given yet',
  expiresBeforeEnd: 'Expires before the event ends',
  expiresTooSoon: 'Expires too soon (less than 6 months after the event)',
  issueLetter: 'Issue the letter',
  issueLetterFor: (name: string) => `Issue the letter for ${name}`,
  issueSelected: 'Issue letters for the people ticked',
  bulkHint:
    'Tick the people whose letter you want to issue. Each one receives an email and can then download their letter.',
  downloadLetter: 'Letter (PDF)',
  empty: 'Nobody matches these filters.',
  pager: {
    label: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: (page: number, pages: number) => `Page ${num(page)} of ${num(pages)}`,
  },
  bulk: {
    separator: ': ',
    title: 'Invitation letters',
    summary: (issued: number, asked: number) =>
      `${num(issued)} letter${issued === 1 ? '' : 's'} issued out of ${num(asked)} requested.`,
    issued: 'Letter issued; an email has been sent.',
    already: 'Already issued earlier: nothing changed.',
    refused: 'Not issued:',
    noneSelected: 'Please tick at least one person first.',
    unknownPerson: 'Unknown person',
  },
  reasons: {
    not_confirmed: 'the registration is not confirmed.',
    not_requested: 'no invitation letter has been requested for this person.',
    passport_missing: 'the passport details are incomplete.',
    details_missing:
      'the date of birth or the passport issue date is missing (tick “Issue even if…” to issue anyway).',
    not_found: 'this registration is not part of this event.',
    other: 'the letter could not be issued.',
  },
  person: {
    back: 'Back to the visa board',
    email: 'Email',
    organisation: 'Organisation',
    nationality: 'Nationality',
    passportNumber: 'Passport number',
    passportExpiry: 'Passport expires',
    onFile: 'On file (shown in full only on the letter)',
    notOnFile: 'Not given yet',
    visaNeeded: 'Visa needed',
    yes: 'Yes',
    no: 'No',
    notKnown: 'Not known yet',
    status: 'Current status',
    letterIssuedAt: 'Letter issued',
  },
  history: {
    notes: {
      letterIssued: 'Invitation letter issued',
      fromRules: 'Set by the event’s visa rules',
      needsVisa: (country: string) => `Nationality: ${country}; a visa is needed for this event`,
    },
    title: 'History',
    when: 'When',
    change: 'Change',
    by: 'By',
    note: 'Note',
    empty: 'No change recorded yet.',
    system: 'Convene (automatic)',
  },
  change: {
    title: 'Change the status',
    status: 'New status',
    choose: 'Choose a status',
    note: 'Note (optional)',
    noteHint: 'For the other organisers, for example: appointment at the consulate on 2 September.',
    submit: 'Change the status',
    none: 'No other status can follow this one.',
    refused: (from: string, to: string) => `The status cannot go from “${from}” to “${to}”.`,
    allowed: (list: string) => `From here it can go to: ${list}.`,
    nothingAllowed: 'From here it cannot change.',
  },
  flash: {
    statusChanged: 'The visa status has been changed.',
    rulesSaved: 'The visa rules have been saved.',
  },
  rules: {
    title: 'Visa rules',
    link: 'Visa rules: which nationalities need a visa',
    lead: 'New travel plans of these nationalities start at “Letter requested”; the others at “Not required”. Plans already started keep their status.',
    country: (name: string) =>
      `The event takes place in ${name}; its own citizens never need a visa.`,
    countries: 'Nationalities that need a visa',
    countriesHint: 'Hold Ctrl (or Cmd on a Mac) to choose several countries.',
    current: 'Nationalities needing a visa now',
    none: 'No nationality needs a visa yet.',
    save: 'Save the visa rules',
    updatedAt: (when: string) => `Last saved ${when}.`,
    toReview: (n: number) =>
      n === 0
        ? 'No travel plan needs reviewing.'
        : `${num(n)} travel plan${n === 1 ? ' is' : 's are'} still at “Not required” although the nationality now needs a visa: please review ${n === 1 ? 'it' : 'them'}.`,
    reviewLink: 'Show the plans at “Not required”',
  },
  arrivals: {
    title: 'Arrivals and departures',
    arrivalsTitle: 'Arrivals',
    departuresTitle: 'Departures',
    timesIn: (place: string) => `All times are ${place} time.`,
    windowNote: (minutes: number) =>
      `People landing within ${num(minutes)} minutes of the first one in their group wait for the same car.`,
    airportFilter: 'Airport',
    allAirports: 'All airports',
    show: 'Show',
    airport: (code: string) => `Airport ${code}`,
    group: (id: string, size: number) =>
      `Pick-up group ${id}: ${num(size)} ${size === 1 ? 'person' : 'people'}`,
    groupWindow: (first: string, last: string) =>
      first === last ? `landing at ${first}` : `landing between ${first} and ${last}`,
    time: 'Time',
    flight: 'Flight',
    name: 'Name',
    organisation: 'Organisation',
    country: 'Country',
    phone: 'Phone',
    noArrivals: 'No arrival flight given yet.',
    noDepartures: 'No departure flight given yet.',
    withoutArrival: 'Confirmed, without an arrival flight yet',
    print: 'Print the sheet',
    csv: 'Download the arrivals (CSV)',
    printedOn: 'Airport sheet',
  },
};

export type ConsoleVisasMessages = typeof consoleVisas;
