/** English wording of the public verification page (/verify/<code>): the reference for fr and es. */
export const verify = {
  title: 'Document verification',
  lead: 'This page confirms whether a document issued through Convene is genuine and still valid.',
  /** What each kind of document is called, valid or revoked, and why. */
  kinds: {
    invitation_letter: {
      valid: 'Valid invitation letter',
      validNote: 'This invitation letter was issued by the organisers and is valid.',
      revoked: 'Revoked invitation letter',
      revokedNote:
        'This invitation letter is no longer valid: the registration was cancelled or refused.',
    },
    certificate: {
      valid: 'Valid certificate of attendance',
      validNote:
        'This certificate of attendance was issued by the organisers and is valid. The hours below are those it certifies.',
      revoked: 'Revoked certificate of attendance',
      revokedNote:
        'This certificate of attendance is no longer valid: the registration was cancelled or refused.',
    },
    badge: {
      valid: 'Valid badge',
      validNote: 'This badge was issued by the organisers to a confirmed participant.',
      revoked: 'Revoked badge',
      revokedNote: 'This badge is no longer valid: the registration was cancelled or refused.',
    },
    exchange_report: {
      valid: 'Genuine exchange report',
      validNote:
        'This exchange report was issued through Convene for the immersion below, for both partner organisations.',
      revoked: 'Withdrawn exchange report',
      revokedNote: 'This exchange report is no longer valid.',
    },
  },
  reference: 'Reference',
  holder: 'Issued to',
  passport: 'Passport number ending in',
  event: 'Event',
  dates: 'Dates',
  place: 'Place',
  attended: 'Sessions attended',
  hours: 'Total hours',
  privacy: 'Only the name and the last four characters of the passport number are shown here.',
  privacyNoPassport: 'Only the name of the holder is shown here.',
};

export type VerifyMessages = typeof verify;
