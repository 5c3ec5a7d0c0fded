/**
 * Messages for the stable validation codes (class-validator constraint names, and a few
 * of our own) that the API sends in details.fields[].codes and forms show next to a field.
 */
export const validation = {
  invalid: 'Check this value.',
  isNotEmpty: 'Fill in this field.',
  isDefined: 'Fill in this field.',
  required: 'Fill in this field.',
  isString: 'Enter some text.',
  isEmail: 'Enter an email address, like name@example.org.',
  length: 'This text is too short or too long.',
  // class-validator names the @Length constraint isLength.
  isLength: 'This text is too short or too long.',
  maxLength: 'This text is too long.',
  minLength: 'This text is too short.',
  isIn: 'Choose one of the options.',
  isUuid: 'Choose one of the options.',
  isCountryCode: 'Choose a country.',
  isCalendarDate: 'Enter a date as day, month and year.',
  isDateTimeText: 'Enter a date and a time.',
  isIsoDate: 'Enter a date as day, month and year.',
  isDateString: 'Enter a date and a time.',
  isTimeZone: 'Choose a time zone.',
  isInt: 'Enter a whole number.',
  min: 'This number is too small.',
  max: 'This number is too large.',
  isBoolean: 'Tick or untick this box.',
  equals: 'Tick this box to continue.',
  matches: 'This value is not in the expected format.',
  isUrl: 'Enter a web address starting with https://.',
  arrayMaxSize: 'Too many items were chosen.',
  arrayMinSize: 'Choose at least one.',
  arrayUnique: 'An item is chosen twice.',
  noNulCharacter: 'This text contains a character that cannot be stored.',
  isNotNull: 'Fill in this field.',
  passwordTooShort: 'Use at least 10 characters.',
  passwordTooCommon:
    'This password is too common or too easy to guess: it appears in lists of leaked passwords, or is a sequence or a repeated character. Use a longer phrase of several unrelated words.',
  passwordsDiffer: 'The two passwords differ.',
  alreadyExists: 'This is already taken.',
  notFound: 'This does not exist any more.',
  hostFixedByExchange:
    'An exchange links this immersion to its host organisation: the host can no longer change.',
};

export type ValidationMessages = typeof validation;
