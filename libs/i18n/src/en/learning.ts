import { num } from './num.js';

/** Learning journals of immersions and the exchange report (pages, PDF): the reference for fr and es. */
export const learning = {
  journal: {
    title: 'My learning journal',
    lead: 'One short entry per day of the immersion: what you saw, what you wonder, what you would like to try at home.',
    privateNote:
      'Your entries are private: nobody else reads them, not the hosts, not the organisers, unless you choose to share an entry.',
    observations: 'What I observed',
    observationsHint: 'Practices, tools, the way the team works with families.',
    questions: 'My questions',
    questionsHint: 'What you would like to understand better or ask the hosts.',
    practice: 'A practice to try at home',
    practiceHint: 'Something your own team could adopt or adapt.',
    sharingLegend: 'Who can read this entry?',
    sharingChoices: {
      private: 'Only me',
      host: 'Me and the host team (they may answer)',
      network: 'Me, the host team and the network (it appears in the exchange report)',
    },
    save: 'Save this day',
    remove: 'Delete this entry',
    removeConfirm: 'Delete this day’s entry? It cannot be recovered.',
    daysNav: 'Days',
    notWrittenShort: 'Not written yet',
    notWritten: 'Nothing written for this day yet.',
    sharedWith: {
      private: 'Private',
      host: 'Shared with the host',
      network: 'Shared with the host and the network',
    },
    answerTitle: 'The host’s answer',
    reportLink: 'Read the exchange report',
  },
  host: {
    title: 'What the visitors share',
    lead: 'Entries the visitors chose to share with you. Entries they keep private are not shown, to you or to anyone.',
    none: 'No visitor has shared an entry yet.',
    answer: 'Your answer',
    answerHint: 'One short answer per entry; writing again replaces it.',
    send: 'Send the answer',
    reportLink: 'Exchange report',
    shared: {
      host: 'Shared with you',
      network: 'Shared with you and the network',
    },
  },
  report: {
    /** A label before its value, as each language punctuates it. */
    labelled: (label: string) => `${label}: `,
    title: 'Exchange report',
    lead: 'The immersion’s programme, who attended, and what the visitors learnt and chose to share with the network.',
    networkOnly:
      'Only journal entries the visitors shared with the network appear here, with the hosts’ answers. Private entries and entries shared only with the host are not included.',
    partners: 'Partners',
    hostOrg: 'Host organisation',
    visitingOrg: 'Visiting organisation',
    visitingOrgs: 'Visiting organisations',
    datesAndPlace: (dates: string, place: string) => `${dates}, ${place}`,
    summary: (visitors: number, sessions: number, entries: number) =>
      `${visitors === 1 ? '1 visitor' : `${num(visitors)} visitors`}, ${sessions === 1 ? '1 session' : `${num(sessions)} sessions`}, ${entries === 1 ? '1 shared entry' : `${num(entries)} shared entries`}`,
    programme: 'Programme',
    noProgramme: 'No session is published for this immersion.',
    date: 'Date',
    hours: 'Hours',
    session: 'Session',
    attendance: 'Attended',
    attendedOf: (n: number, of: number) => `${num(n)} of ${num(of)}`,
    zoneNote: (zone: string) => `Times are ${zone}.`,
    visitors: 'Visitors',
    noVisitors: 'No confirmed visitor.',
    sessionsAttended: (n: number) =>
      n === 1 ? '1 session attended' : `${num(n)} sessions attended`,
    learnt: 'What the visitors shared',
    noEntries: 'No entry has been shared with the network yet.',
    observations: 'Observed',
    questions: 'Questions',
    practice: 'To try at home',
    hostAnswer: (name: string | null) => (name ? `Answer from ${name}` : 'The host’s answer'),
    pdfLanguage: (language: string) => `PDF in ${language}`,
    readIn: 'Read in',
    reference: (ref: string) => `Reference ${ref}`,
    issued: (date: string) => `Issued on ${date}`,
    verify: 'Check this report is genuine at this address or with the QR code:',
  },
  flash: {
    saved: 'Entry saved.',
    removed: 'Entry deleted.',
    answered: 'Answer saved.',
  },
};
export type LearningMessages = typeof learning;
