import { formatCount } from '../count-format.js';

/** A count with English digit grouping: 1,008. */
const num = (n: number) => formatCount('en', n);

/** Feedback forms: the console (write, read results) and the participant's pages (answer). */
export const feedback = {
  console: {
    title: 'Feedback',
    lead: 'Short forms after a workshop, a site visit or the whole event. Only the people who may have been there can answer, once.',
    none: 'No feedback form yet.',
    newTitle: 'New form',
    formTitle: (lang: string) => `Title (${lang})`,
    titleHint: 'At least one language. Readers see their own, else the event’s first.',
    attachedTo: 'For',
    wholeEvent: 'The whole event',
    anonymous: 'Anonymous answers',
    anonymousHint:
      'Nobody, organisers included, will know who gave which answer: no names, no times, in the results or the CSV. It cannot be turned off once someone has answered.',
    anonymousLocked: (setting: string) => `${setting}: fixed, people have already answered.`,
    opensAt: 'Opens (optional)',
    opensAtHint: (zone: string) =>
      `Local time in ${zone}. Empty: when the session ends, or on the event’s last day.`,
    closesAt: 'Closes (optional)',
    closesAtHint: 'Empty: 14 days after it opens.',
    create: 'Create the form',
    save: 'Save',
    edit: 'Questions and settings',
    results: 'Results',
    remove: 'Delete the form',
    removeConfirm: 'Delete this form and every answer to it?',
    responses: (n: number) => (n === 1 ? '1 answer' : `${num(n)} answers`),
    opens: (when: string) => `Opens ${when}`,
    closes: (when: string) => `Closes ${when}`,
    status: { scheduled: 'Not open yet', open: 'Open', closed: 'Closed' } as Record<
      'scheduled' | 'open' | 'closed',
      string
    >,
    anonymousBadge: 'Anonymous',
    namedBadge: 'With names',
    settingsTitle: 'Settings',
    questionsTitle: 'Questions',
    noQuestions: 'No question yet: add one below. Participants see the form once it has one.',
    questionsLocked:
      'People have already answered: the questions can no longer change (their answers would change meaning). Create a new form to ask something else.',
    addQuestion: 'Add a question',
    kind: 'Kind of answer',
    kinds: {
      rating: 'A rating from 1 to 5',
      choice: 'One choice among options',
      text: 'A short text',
    } as Record<'rating' | 'choice' | 'text', string>,
    questionText: (lang: string) => `Question (${lang})`,
    options: (lang: string) => `Options (${lang}), one per line`,
    optionsHint: 'For a choice: 2 to 10 options, the same number and order in every language.',
    required: 'An answer is required',
    optional: 'optional',
    removeQuestion: 'Remove',
    add: 'Add the question',
    backToList: 'All feedback forms',
    csv: 'Download the answers (CSV)',
    answeredCount: (n: number) => (n === 1 ? '1 person answered' : `${num(n)} people answered`),
    average: (v: string) => `Average ${v} out of 5`,
    noAnswers: 'No answer yet.',
    rating: 'Rating',
    option: 'Option',
    count: 'Answers',
    chartDescription: (question: string, n: number) =>
      `${question}: ${num(n)} answers, one bar per value`,
    textAnswers: 'Written answers',
    shuffled: 'Anonymous form: shown in a random order, without names.',
    noTexts: 'No written answer.',
    by: (name: string) => `— ${name}`,
    /** An anonymous form below three answers (the API's `withheld`). */
    withheld:
      'Too few answers to show without identifying anyone: this anonymous form shows its answers from the third one. Until then, only how many people answered.',
    anonymousResults: 'Anonymous form: nothing here or in the CSV says who answered what, or when.',
    errors: {
      titles: 'Write a title in at least one language.',
      tooLong: 'This text is too long.',
      options: 'Give from 2 to 10 options, the same number in every language.',
      closesAt: 'The closing date must come after the opening.',
      date: 'Enter a date and a time.',
      question: 'Write the question in at least one language.',
      locked: 'People have already answered: this can no longer change.',
    },
  },
  participant: {
    title: 'Your feedback',
    lead: 'A few questions after a session or the event. Your answers help the organisers and the network do better next time.',
    none: 'No form is waiting for you at the moment.',
    answer: 'Answer',
    answered: 'Answered, thank you',
    closes: (when: string) => `Open until ${when}`,
    anonymous:
      'This form is anonymous: the organisers will not know who answered, nor what you said. They only see everyone’s answers together.',
    named: 'This form is not anonymous: the organisers will see your name with your answers.',
    ratingLegend: (question: string) => question,
    ratingLow: 'Poor',
    ratingHigh: 'Excellent',
    ratingScale: '1 is poor, 5 is excellent.',
    optional: '(optional)',
    send: 'Send my answers',
    thanksTitle: 'Thank you',
    thanks: 'Your answers are recorded. You can answer each form only once.',
    backToList: 'Other feedback forms',
    forSession: (title: string) => `Session: ${title}`,
    wholeEvent: 'The whole event',
    notOpen: 'This form is not open.',
    errors: {
      required: 'Answer this question.',
      invalid: 'Choose one of the answers.',
      tooLong: 'This text is too long (2,000 characters at most).',
    },
  },
  csv: {
    name: 'Name',
    email: 'Email',
    organisation: 'Organisation',
    submittedAt: 'Answered at',
    answers: 'Answers',
    note: 'Note',
    withheld:
      'Too few answers to show without identifying anyone: the answers appear from the third.',
  },
  flash: {
    created: 'The form is created. Add its questions.',
    saved: 'Saved.',
    questionAdded: 'The question is added.',
    questionRemoved: 'The question is removed.',
    removed: 'The form is deleted.',
    thanks: 'Thank you: your answers are recorded.',
  },
};

export type FeedbackMessages = typeof feedback;
