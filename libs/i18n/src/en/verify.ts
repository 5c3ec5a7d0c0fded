/** English wording of the public verification page (/verify/<code>): the reference for fr and es. */
export const verify = {
  title: 'Document verification',
  lead: 'This page confirms whether a document issued through Convene is genuine and still valid.',
  valid: 'Valid invitation letter',
  validNote: 'This invitation letter was issued by the organisers and is valid.',
  revoked: 'Revoked invitation letter',
  revokedNote:
    'This invitation letter is no longer valid: the registration was cancelled or refused.',
  reference: 'Reference',
  holder: 'Issued to',
  passport: 'Passport number ending in',
  event: 'Event',
  dates: 'Dates',
  place: 'Place',
  privacy: 'Only the name and the last four characters of the passport number are shown here.',
};

export type VerifyMessages = typeof verify;
