import { pluralRules } from '#core';
import { num } from './num.js';

/** English wording of the programme, exchange and visitor pages: the reference the others match. */
const one = (n: number) => pluralRules('en').select(n) === 'one';

export const exchanges = {
  navLink: 'Programmes',
  programmesTitle: 'Programmes of the network',
  programmesLead: "The year's immersions between partners and the network's meetings, in one view.",
  noProgrammes: 'No programme yet.',
  /** "4 immersions, 11 social workers, 4 countries" */
  figures: (immersions: number, socialWorkers: number, countries: number) =>
    `${num(immersions)} ${one(immersions) ? 'immersion' : 'immersions'}, ` +
    `${num(socialWorkers)} ${one(socialWorkers) ? 'social worker' : 'social workers'}, ` +
    `${num(countries)} ${one(countries) ? 'country' : 'countries'}`,
  filters: 'Filter the programme',
  partner: 'Partner',
  country: 'Country',
  year: 'Year',
  any: 'All',
  apply: 'Show',
  clear: 'Clear the filters',
  nothing: 'Nothing in the programme matches these filters.',
  kinds: { meeting: 'Meeting', immersion: 'Immersion' },
  states: { planned: 'Planned', done: 'Done', awaiting_return: 'Awaiting the return visit' },
  visits: (visiting: string, host: string) => `${visiting} visits ${host}`,
  returnVisit: 'Return visit',
  returnVisitOn: (dates: string) => `Return visit: ${dates}`,
  noReturn: 'No return visit planned yet',
  returnNotNeeded: 'No return visit expected',
  stateLabel: 'State: ',
  // Visitors (hosts, organisers, managers of the visiting partner)
  visitorsTitle: 'Visitors',
  visitorsLead: (host: string) =>
    `Who comes to ${host}: their organisation, profession, languages and needs. Phones and passports stay with the organisers.`,
  noVisitors: 'No visitor yet.',
  name: 'Name',
  organisation: 'Organisation',
  profession: 'Profession',
  languages: 'Languages',
  needs: 'Needs (meals, access)',
  status: 'Status',
  statuses: {
    pending: 'Awaiting approval',
    confirmed: 'Confirmed',
    waitlisted: 'Waiting list',
    awaiting_consent: 'Awaiting their consent',
  } as Record<string, string>,
  arrivalsLink: 'Arrivals and the host programme',
  agendaLink: 'The programme of the visit',
  buildAgendaLink: 'Build the programme (sessions)',
  // Nominations
  nominateTitle: 'Nominate visitors',
  nominateLead: (visiting: string) =>
    `People of ${visiting} who will take part. They get an email asking for their consent; nobody is registered without it.`,
  nominateNone: 'You manage no organisation that visits a partner right now.',
  nominateLink: 'Nominate a visitor',
  email: 'Email address',
  personName: 'Full name',
  locale: 'Language of their emails',
  submitNominate: 'Nominate',
  nominated: 'Nominated: they will get an email to give their consent.',
  // Console
  consoleTitle: 'Programmes and exchanges',
  consoleLead:
    'Group the year’s gatherings in a programme, say which partner visits which, and link each visit to its return.',
  newProgramme: 'New programme',
  nameIn: (language: string) => `Name (${language})`,
  slug: 'Address (letters, digits and dashes)',
  slugHint: 'Left empty, it is made from the name.',
  createProgramme: 'Create the programme',
  newExchange: 'New exchange',
  immersion: 'Immersion',
  visiting: 'Visiting partner',
  programme: 'Programme',
  none: 'None',
  createExchange: 'Create the exchange',
  noImmersion:
    'No immersion of yours waits for an exchange: create an event of kind immersion first.',
  linkReturn: 'Link the return visit',
  link: 'Link',
  unlink: 'Unlink',
  noCandidate: 'No visit the other way round yet.',
  exchangesTitle: 'Exchanges',
  flash: {
    programmeCreated: 'The programme is created.',
    exchangeCreated: 'The exchange is created.',
    linked: 'The return visit is linked, both ways.',
    unlinked: 'The return visit is unlinked.',
    nominated: 'Nominated: they will get an email to give their consent.',
  },
};

export type ExchangesMessages = typeof exchanges;
