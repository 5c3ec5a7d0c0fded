import { num } from './num.js';

/** English wording of the travel pages: the reference every other language matches key for key. */
export const travel = {
  title: 'Travel and visa',
  lead: (event: string) => `Your journey to ${event}: passport, flights and visa.`,
  backToRegistrations: 'Back to my registrations',
  saved: 'Your travel details are saved.',
  letterRequested: 'Your request has been sent to the organisers.',
  needsConsent:
    'First accept how your data will be used, on your registration page; then you can enter your travel details here.',
  frozen: 'This registration is no longer active: its travel details can no longer be changed.',
  summaryTitle: 'My journey',
  editTitle: 'Enter or change my travel details',
  // Passport
  passportTitle: 'Passport',
  passportHint:
    'Used only for your invitation letter and your visa. The organisers see only the last four characters of the number.',
  nationality: 'Country that issued the passport',
  chooseCountry: 'Choose a country',
  number: 'Passport number',
  numberHint: 'As printed on the photo page, letters and digits.',
  numberOnFile: (masked: string) =>
    `Number on file: ${masked}. Leave blank to keep it, or type it again to change it.`,
  expiresOn: 'Expiry date',
  expiresOnHint: 'Day, month and year, as on the passport.',
  passportMissing: 'No passport entered yet.',
  warnBeforeEnd: (date: string) =>
    `Your passport expires on ${date}, before the meeting ends: please renew it before you travel.`,
  warnSixMonths: (date: string, needed: string) =>
    `Your passport expires on ${date}, less than six months after the meeting. Many countries refuse a visa or entry with it: it should be valid until ${needed}.`,
  // Flights
  arrivalTitle: 'Flight in',
  departureTitle: 'Flight home',
  flightsHint:
    'Times are the local time at the airport. Leave a flight blank if you do not know it yet.',
  flightNumber: 'Flight number',
  flightNumberHint: 'Airline code and number, for example AT571.',
  airport: 'Airport',
  airportHint: 'Its three-letter code, for example TNG for Tangier.',
  arrivalAt: 'Landing: date and local time',
  departureAt: 'Take-off: date and local time',
  airportZone: 'Time zone of the airport',
  eventZone: (place: string) => `Same as the meeting (${place})`,
  save: 'Save my travel details',
  noFlight: 'Not entered yet.',
  flightLine: (flight: string, airport: string) => `Flight ${flight}, airport ${airport}`,
  pickup: (n: number) =>
    n === 1
      ? 'You are on the airport pick-up list.'
      : `You will be picked up at the airport with ${num(n - 1)} other ${n - 1 === 1 ? 'person' : 'people'}.`,
  // Field messages
  errors: {
    nationality: 'Choose the country that issued your passport.',
    number: 'Type the number as printed on your passport: 5 to 20 letters and digits.',
    expiresOn: 'Enter the expiry date: day, month and year.',
    expired: 'This date is already past: enter the expiry date of a valid passport.',
    flightNumber: 'Type the airline code and the flight number, for example AT571.',
    airport: 'Type the three-letter code of the airport, for example TNG.',
    at: 'Enter the date and the local time.',
    departureBeforeArrival: 'The flight home must leave after your flight in lands.',
    zone: 'Choose a time zone from the list.',
  },
  // Visa
  visaTitle: 'Visa',
  visaStatus: 'Status:',
  visaStatuses: {
    unknown: 'Not known yet (enter your passport first)',
    not_required: 'No visa needed',
    letter_requested: 'Invitation letter requested: the organisers are preparing it',
    letter_issued: 'Invitation letter issued',
    applied: 'Visa applied for',
    granted: 'Visa granted',
    refused: 'Visa refused',
  },
  visaNeeded:
    'According to the organisers’ rules, your passport needs a visa for this country. Ask for an invitation letter to add to your visa application.',
  visaMaybe:
    'According to the organisers’ rules, your passport does not need a visa. If your consulate asks for an invitation letter anyway, you can still request one.',
  requestLetter: 'Request an invitation letter',
  letterPending:
    'The organisers will issue your letter. You will get an email as soon as it is ready.',
  letterNeedsPassport:
    'The letter needs your passport: nationality, number and expiry date. Please fill them in above.',
  letterNeedsConfirmation: 'The letter can be issued once your registration is confirmed.',
  downloadLetter: 'Download my invitation letter (PDF)',
  letterIssuedOn: (date: string) => `Issued on ${date}.`,
  letterNotYet: 'Your invitation letter has not been issued yet.',
  history: 'History',
  historyLine: (from: string, to: string) => `${from} → ${to}`,
  historyNote: (note: string) => `Note: ${note}`,
  none: '—',
  autoNotes: {
    rules: 'Set from the meeting’s visa rules',
    issued: 'Invitation letter issued',
    needsVisa: 'This passport needs a visa for the meeting',
  },
};

export type TravelMessages = typeof travel;
