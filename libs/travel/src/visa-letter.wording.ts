import { placeName } from '#ics';

export type LetterLocale = 'fr' | 'en' | 'es';

/** What a letter says, gathered by the service; all of it is the participant's own data. */
export interface LetterFacts {
  locale: LetterLocale;
  /** The human reference, TNG27-0042. */
  reference: string;
  /** Where a consulate checks the letter: ${publicUrl}/verify/<code>. */
  verifyUrl: string;
  /** YYYY-MM-DD in the event's zone. */
  issuedOn: string;
  eventName: string;
  eventStartDate: string;
  eventEndDate: string;
  venueName: string | null;
  venueCity: string | null;
  venueCountry: string | null;
  participantName: string;
  organisationName: string;
  organisationCountry: string;
  nationality: string;
  passportNumber: string;
  passportExpiresOn: string;
  signerName: string;
  signerOrganisation: string | null;
}

export interface LetterText {
  title: string;
  placeAndDate: string;
  subject: string;
  salutation: string;
  paragraphs: string[];
  details: Array<[label: string, value: string]>;
  closing: string;
  signature: string[];
  footer: string;
  /** "Réf. : TNG27-0042", under the place and date. */
  referenceLine: string;
  /** The line printed by the QR code, and the URL it carries. */
  verify: string;
  verifyUrl: string;
}

const INTL: Record<LetterLocale, string> = { fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };

/** A calendar date written out ("25 octobre 2027"), independent of any time zone. */
export function letterDate(date: string, locale: LetterLocale): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat(INTL[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
}

export function countryName(code: string | null, locale: LetterLocale): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([INTL[locale]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Venue nouns that take an article, by gender, in the letter's languages. */
const VENUE_NOUNS: Record<LetterLocale, { m: string[]; f: string[] }> = {
  fr: {
    m: [
      'hôtel',
      'hotel',
      'centre',
      'palais',
      'musée',
      'campus',
      'parc',
      'complexe',
      'théâtre',
      'pavillon',
      'ministère',
      'siège',
      'club',
      'forum',
      'riad',
      'institut',
      'espace',
      'auditorium',
      'auditoire',
      'foyer',
      'domaine',
      'château',
    ],
    f: [
      'maison',
      'salle',
      'villa',
      'résidence',
      'université',
      'cité',
      'faculté',
      'bibliothèque',
      'mairie',
      'école',
      'auberge',
      'fondation',
      'chambre',
    ],
  },
  es: {
    m: [
      'hotel',
      'hôtel',
      'centro',
      'palacio',
      'museo',
      'campus',
      'parque',
      'complejo',
      'teatro',
      'instituto',
      'auditorio',
      'club',
      'foro',
      'riad',
      'espacio',
      'colegio',
    ],
    f: [
      'casa',
      'sala',
      'villa',
      'residencia',
      'universidad',
      'escuela',
      'facultad',
      'biblioteca',
      'fundación',
      'cámara',
      'maison',
    ],
  },
  en: { m: [], f: [] },
};

/**
 * "à l'Hôtel Continental", "au Centre ...", "à la Maison ...", "en el Hôtel ...": the
 * preposition the letter's language puts before a venue named by a common noun; a
 * proper name ("à Casablanca") takes none.
 */
export function atVenue(venue: string, locale: LetterLocale): string {
  const first = venue.split(/[\s'’-]/)[0].toLowerCase();
  const nouns = VENUE_NOUNS[locale];
  const masculine = nouns.m.includes(first);
  const feminine = nouns.f.includes(first);
  if (locale === 'fr') {
    if ((masculine || feminine) && /^[aeiouyàâéèêîïôûh]/i.test(first)) return `à l'${venue}`;
    if (masculine) return `au ${venue}`;
    if (feminine) return `à la ${venue}`;
    return `à ${venue}`;
  }
  if (locale === 'es') {
    if (masculine) return `en el ${venue}`;
    if (feminine) return `en la ${venue}`;
    return `en ${venue}`;
  }
  return /^(hotel|hôtel|centre|center|palace|museum|university|house)\b/i.test(first)
    ? `at the ${venue}`
    : `at ${venue}`;
}

interface Words {
  title: string;
  placeAndDate: (place: string, date: string) => string;
  subject: (event: string) => string;
  salutation: string;
  /** `at` is the venue with its preposition ("à l'Hôtel Continental, Tanger, Maroc"). */
  invite: (event: string, dates: string, at: string) => string;
  purpose: string;
  contact: string;
  closing: string;
  labels: {
    name: string;
    organisation: string;
    nationality: string;
    passport: string;
    expires: string;
    event: string;
    dates: string;
    venue: string;
  };
  signedFor: (event: string) => string;
  footer: (reference: string) => string;
  verify: string;
  dates: (start: string, end: string) => string;
}

const WORDS: Record<LetterLocale, Words> = {
  fr: {
    title: "Lettre d'invitation",
    placeAndDate: (place, date) => (place ? `${place}, le ${date}` : `Le ${date}`),
    subject: (e) => `Objet : invitation à «\u00a0${e}\u00a0»`,
    salutation: 'Madame, Monsieur,',
    invite: (e, dates, venue) =>
      `Nous avons le plaisir d'inviter la personne désignée ci-dessous à participer à «\u00a0${e}\u00a0», qui se tiendra ${dates}${venue ? ` ${venue}` : ''}.`,
    purpose:
      "Son inscription est confirmée. Cette rencontre professionnelle réunit des organisations partenaires autour de l'échange de pratiques. Cette lettre est délivrée à l'appui de sa demande de visa.",
    contact:
      "L'équipe d'organisation reste à votre disposition pour toute information complémentaire.",
    closing: "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    labels: {
      name: 'Nom',
      organisation: 'Organisation',
      nationality: 'Nationalité',
      passport: 'Passeport n°',
      expires: "Date d'expiration du passeport",
      event: 'Événement',
      dates: 'Dates',
      venue: 'Lieu',
    },
    signedFor: (e) => `Pour l'équipe d'organisation de «\u00a0${e}\u00a0»`,
    footer: (ref) => `Référence : ${ref}. Document établi par Convene.`,
    verify: "Pour vérifier l'authenticité de cette lettre, scannez le code ou rendez-vous sur :",
    dates: (a, b) => (a === b ? `le ${a}` : `du ${a} au ${b}`),
  },
  en: {
    title: 'Invitation letter',
    placeAndDate: (place, date) => (place ? `${place}, ${date}` : date),
    subject: (e) => `Re: invitation to "${e}"`,
    salutation: 'To whom it may concern,',
    invite: (e, dates, venue) =>
      `We are pleased to invite the person named below to take part in "${e}", to be held ${dates}${venue ? ` ${venue}` : ''}.`,
    purpose:
      'Their registration is confirmed. This professional meeting brings partner organisations together to exchange practice. This letter is issued in support of their visa application.',
    contact: 'The organisers remain at your disposal for any further information.',
    closing: 'Yours faithfully,',
    labels: {
      name: 'Name',
      organisation: 'Organisation',
      nationality: 'Nationality',
      passport: 'Passport number',
      expires: 'Passport expiry date',
      event: 'Event',
      dates: 'Dates',
      venue: 'Venue',
    },
    signedFor: (e) => `For the organisers of "${e}"`,
    footer: (ref) => `Reference: ${ref}. Issued through Convene.`,
    verify: 'To check that this letter is genuine, scan the code or visit:',
    dates: (a, b) => (a === b ? `on ${a}` : `from ${a} to ${b}`),
  },
  es: {
    title: 'Carta de invitación',
    placeAndDate: (place, date) => (place ? `${place}, ${date}` : date),
    subject: (e) => `Asunto: invitación a «${e}»`,
    salutation: 'A quien corresponda:',
    invite: (e, dates, venue) =>
      `Nos complace invitar a la persona indicada a continuación a participar en «${e}», que se celebrará ${dates}${venue ? ` ${venue}` : ''}.`,
    purpose:
      'Su inscripción está confirmada. Este encuentro profesional reúne a organizaciones socias para intercambiar prácticas. Esta carta se emite en apoyo de su solicitud de visado.',
    contact: 'La organización queda a su disposición para cualquier información adicional.',
    closing: 'Atentamente,',
    labels: {
      name: 'Nombre',
      organisation: 'Organización',
      nationality: 'Nacionalidad',
      passport: 'Pasaporte n.º',
      expires: 'Fecha de caducidad del pasaporte',
      event: 'Evento',
      dates: 'Fechas',
      venue: 'Lugar',
    },
    signedFor: (e) => `Por la organización de «${e}»`,
    footer: (ref) => `Referencia: ${ref}. Documento emitido a través de Convene.`,
    verify: 'Para comprobar la autenticidad de esta carta, escanee el código o visite:',
    dates: (a, b) => (a === b ? `el ${a}` : `del ${a} al ${b}`),
  },
};

/** The letter's words in the participant's language; the PDF only lays them out. */
export function visaLetterText(f: LetterFacts): LetterText {
  const w = WORDS[f.locale];
  const date = (d: string) => letterDate(d, f.locale);
  const dates = w.dates(date(f.eventStartDate), date(f.eventEndDate));
  // The city in the letter's language: Tanger, Tangier, Tánger.
  const city = f.venueCity ? placeName(f.venueCity, 'UTC', f.locale) : null;
  const venue = [f.venueName, city, countryName(f.venueCountry, f.locale)]
    .filter(Boolean)
    .join(', ');
  const at = venue ? atVenue(venue, f.locale) : '';
  const organisation = `${f.organisationName} (${countryName(f.organisationCountry, f.locale)})`;
  return {
    title: w.title,
    placeAndDate: w.placeAndDate(city ?? '', date(f.issuedOn)),
    subject: w.subject(f.eventName),
    salutation: w.salutation,
    paragraphs: [w.invite(f.eventName, dates, at), w.purpose, w.contact],
    details: [
      [w.labels.name, f.participantName],
      [w.labels.organisation, organisation],
      [w.labels.nationality, countryName(f.nationality, f.locale)],
      [w.labels.passport, f.passportNumber],
      [w.labels.expires, date(f.passportExpiresOn)],
      [w.labels.event, f.eventName],
      [w.labels.dates, dates],
      ...(venue ? [[w.labels.venue, venue] as [string, string]] : []),
    ],
    closing: w.closing,
    signature: [f.signerName, w.signedFor(f.eventName), f.signerOrganisation ?? ''].filter(Boolean),
    footer: w.footer(f.reference),
    referenceLine: {
      fr: `Réf. : ${f.reference}`,
      en: `Ref.: ${f.reference}`,
      es: `Ref.: ${f.reference}`,
    }[f.locale],
    verify: w.verify,
    verifyUrl: f.verifyUrl,
  };
}
