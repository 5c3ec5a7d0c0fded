/** The visa board's warning when a letter is requested before its details are given. */
export const letterDetails = {
  names: { birthDate: 'date of birth', passportIssuedOn: 'passport issue date' },
  missing: (list: string) => `Letter details missing: ${list}`,
  withoutDetails: 'Issue even if the letter details are missing',
  withoutDetailsHint:
    'Without the date of birth and the passport issue date, a consulate may refuse the letter. Applies to the buttons on each row too.',
};

export type LetterDetailsMessages = typeof letterDetails;
