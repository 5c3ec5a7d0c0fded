import { dateTimeFormat, displayNames, INTL_TAGS, listFormat } from '#core';
import { placeName } from '#ics';
import type {
  CoverageItem,
  CoveragePayer,
  LetterCoverage,
  LetterStay,
} from './visa-letter-sources.js';

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
  /** YYYY-MM-DD; asked only for the letter. */
  birthDate?: string | null;
  passportIssuedOn?: string | null;
  /** The consulate serving the participant: the letter is addressed to it. */
  consulate?: { country: string; city: string } | null;
  profession?: string | null;
  professionOther?: string | null;
  /** The inviting organisation's letterhead (event letter settings). */
  letterhead?: LetterheadFacts | null;
  /** The signatory's title ("Présidente"), printed under the name. */
  signerTitle?: string | null;
  /** How the consulate is named, per language ("Consulat général du Royaume du Maroc"). */
  consulateWording?: Partial<Record<LetterLocale, string>>;
  coverage?: LetterCoverage | null;
  stay?: LetterStay | null;
  /** A bilingual letter labels each version ("Version française"). */
  bilingual?: boolean;
}

export interface LetterheadFacts {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
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
  /** "À l'attention du Consulat général du Royaume du Maroc à Dakar (Sénégal)". */
  addressee: string | null;
  /** Who pays what, one sentence per payer. */
  coverage: string[];
  letterhead: { name: string; lines: string[] } | null;
  /** "Version française", printed on each version of a bilingual letter. */
  versionLabel: string | null;
}

/** A calendar date written out ("25 octobre 2027"), independent of any time zone. */
export function letterDate(date: string, locale: LetterLocale): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  const text = dateTimeFormat(INTL_TAGS[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
  // French writes the first of the month as an ordinal: "1er juin 2027".
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

export function countryName(code: string | null, locale: LetterLocale): string {
  if (!code) return '';
  try {
    return displayNames(INTL_TAGS[locale], { type: 'region' }).of(code) ?? code;
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
    birthDate: string;
    organisation: string;
    profession: string;
    nationality: string;
    passport: string;
    issued: string;
    expires: string;
    event: string;
    dates: string;
    venue: string;
    stay: string;
  };
  signedFor: (event: string) => string;
  footer: (reference: string) => string;
  verify: string;
  dates: (start: string, end: string) => string;
  /** "À l'attention du Consulat ... à Dakar (Sénégal)". */
  attention: (authority: string, city: string, country: string) => string;
  /** The consulate of a country, when the organisers did not word it ("Consulat du Maroc"). */
  consulateOf: (country: string, code: string | null) => string;
  /** "X prend en charge a, b et c." */
  covers: (payer: string | null, items: string) => string;
  participantPays: (items: string) => string;
  items: Record<CoverageItem, string>;
  nights: (from: string, to: string) => string;
  version: string;
  professions: Record<string, string>;
}

/** French countries named with a plural article ("des Philippines"). */
const FR_PLURAL = new Set(['PH', 'US', 'NL', 'KM', 'AE', 'MV', 'SC', 'BS', 'MH', 'SB']);
/** French country names ending in -e that are masculine ("du Mexique", "du Cambodge"). */
const FR_MASCULINE_E = new Set(['MX', 'KH', 'MZ', 'ZW', 'BZ', 'SR', 'GE', 'CK']);

/** "du Maroc", "de France", "d'Espagne", "des Philippines": a French consulate's country. */
function frenchOf(country: string, code: string | null): string {
  if (code && FR_PLURAL.has(code)) return `des ${country.replace(/^(les|Les) /, '')}`;
  const vowel = /^[aeiouyàâéèêîïôûh]/i.test(country);
  const feminine = /e$/.test(country) && !(code && FR_MASCULINE_E.has(code));
  if (vowel) return `d'${country}`;
  return feminine ? `de ${country}` : `du ${country}`;
}

/** "du Consulat", "de l'Ambassade", "de la Section consulaire": French "de" + the noun's article. */
function frenchAttentionOf(authority: string): string {
  const first = authority.split(/[\s'’-]/)[0].toLowerCase();
  if (/^(la|le|les|l)$/.test(first) || /^l['’]/i.test(authority)) return `de ${authority}`;
  const feminine = ['ambassade', 'section', 'mission', 'représentation', 'délégation'].includes(
    first,
  );
  if (/^[aeiouyàâéèêîïôûh]/i.test(first)) return `de l'${authority}`;
  return feminine ? `de la ${authority}` : `du ${authority}`;
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
      birthDate: 'Date de naissance',
      organisation: 'Organisation',
      profession: 'Profession',
      nationality: 'Nationalité',
      passport: 'Passeport n°',
      issued: 'Date de délivrance du passeport',
      expires: "Date d'expiration du passeport",
      event: 'Événement',
      dates: 'Dates',
      venue: 'Lieu',
      stay: 'Hébergement',
    },
    signedFor: (e) => `Pour l'équipe d'organisation de «\u00a0${e}\u00a0»`,
    footer: (ref) => `Référence : ${ref}. Document établi par Convene.`,
    verify: "Pour vérifier l'authenticité de cette lettre, scannez le code ou rendez-vous sur :",
    dates: (a, b) => (a === b ? `le ${a}` : `du ${a} au ${b}`),
    attention: (authority, city, country) =>
      `À l'attention ${frenchAttentionOf(authority)} à ${city} (${country})`,
    consulateOf: (country, code) => `Consulat ${frenchOf(country, code)}`,
    covers: (payer, items) =>
      payer
        ? `${payer} prend en charge ${items}.`
        : `Les organisateurs prennent en charge ${items}.`,
    participantPays: (items) => `Restent à la charge de la personne invitée : ${items}.`,
    items: {
      travel: 'le voyage aller-retour',
      accommodation: "l'hébergement",
      meals: 'les repas',
      visaFees: 'les frais de visa',
      perDiem: 'une indemnité journalière (per diem)',
    },
    nights: (a, b) => `du ${a} au ${b}`,
    version: 'Version française',
    professions: {
      social_worker: 'Travailleur social / travailleuse sociale',
      head_of_service: 'Chef de service',
      psychologist: 'Psychologue',
      legal_expert: 'Juriste',
      manager: 'Directeur / directrice',
    },
  },
  en: {
    title: 'Invitation letter',
    placeAndDate: (place, date) => (place ? `${place}, ${date}` : date),
    subject: (e) => `Re: invitation to "${e}"`,
    salutation: 'Dear Sir or Madam,',
    invite: (e, dates, venue) =>
      `We are pleased to invite the person named below to take part in "${e}", to be held ${dates}${venue ? ` ${venue}` : ''}.`,
    purpose:
      'Their registration is confirmed. This professional meeting brings partner organisations together to exchange practice. This letter is issued in support of their visa application.',
    contact: 'The organisers remain at your disposal for any further information.',
    closing: 'Yours faithfully,',
    labels: {
      name: 'Name',
      birthDate: 'Date of birth',
      organisation: 'Organisation',
      profession: 'Profession',
      nationality: 'Nationality',
      passport: 'Passport number',
      issued: 'Passport issue date',
      expires: 'Passport expiry date',
      event: 'Event',
      dates: 'Dates',
      venue: 'Venue',
      stay: 'Accommodation',
    },
    signedFor: (e) => `For the organisers of "${e}"`,
    footer: (ref) => `Reference: ${ref}. Issued through Convene.`,
    verify: 'To check that this letter is genuine, scan the code or visit:',
    dates: (a, b) => (a === b ? `on ${a}` : `from ${a} to ${b}`),
    attention: (authority, city, country) =>
      `For the attention of ${/^the /i.test(authority) ? authority : `the ${authority}`} in ${city} (${country})`,
    consulateOf: (country) => `Consulate of ${country}`,
    covers: (payer, items) =>
      payer ? `${payer} will cover ${items}.` : `The organisers will cover ${items}.`,
    participantPays: (items) => `The invited person will pay for ${items}.`,
    items: {
      travel: 'return travel',
      accommodation: 'accommodation',
      meals: 'meals',
      visaFees: 'visa fees',
      perDiem: 'a daily allowance (per diem)',
    },
    nights: (a, b) => `from ${a} to ${b}`,
    version: 'English version',
    professions: {
      social_worker: 'Social worker',
      head_of_service: 'Head of service',
      psychologist: 'Psychologist',
      legal_expert: 'Legal expert',
      manager: 'Manager',
    },
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
      birthDate: 'Fecha de nacimiento',
      organisation: 'Organización',
      profession: 'Profesión',
      nationality: 'Nacionalidad',
      passport: 'Pasaporte n.º',
      issued: 'Fecha de expedición del pasaporte',
      expires: 'Fecha de caducidad del pasaporte',
      event: 'Evento',
      dates: 'Fechas',
      venue: 'Lugar',
      stay: 'Alojamiento',
    },
    signedFor: (e) => `Por la organización de «${e}»`,
    footer: (ref) => `Referencia: ${ref}. Documento emitido a través de Convene.`,
    verify: 'Para comprobar la autenticidad de esta carta, escanee el código o visite:',
    dates: (a, b) => (a === b ? `el ${a}` : `del ${a} al ${b}`),
    attention: (authority, city, country) => {
      const first = authority.split(/\s/)[0].toLowerCase();
      const of = ['embajada', 'sección', 'misión', 'representación', 'delegación'].includes(first)
        ? 'de la'
        : /^(el|la|los|las)$/.test(first)
          ? 'de'
          : 'del';
      return `A la atención ${of} ${authority} en ${city} (${country})`;
    },
    consulateOf: (country) => `Consulado de ${country}`,
    covers: (payer, items) =>
      payer ? `${payer} cubre ${items}.` : `La organización cubre ${items}.`,
    participantPays: (items) => `Corren a cargo de la persona invitada: ${items}.`,
    items: {
      travel: 'el viaje de ida y vuelta',
      accommodation: 'el alojamiento',
      meals: 'las comidas',
      visaFees: 'las tasas de visado',
      perDiem: 'una dieta diaria (per diem)',
    },
    nights: (a, b) => `del ${a} al ${b}`,
    version: 'Versión en español',
    professions: {
      social_worker: 'Trabajador/a social',
      head_of_service: 'Jefe/a de servicio',
      psychologist: 'Psicólogo/a',
      legal_expert: 'Jurista',
      manager: 'Director/a',
    },
  },
};

const PAYER_ORDER: CoveragePayer[] = ['organisers', 'sending_organisation', 'participant'];

/** One sentence per payer, items in a fixed order, joined the language's way ("a, b et c"). */
function coverageSentences(
  w: Words,
  locale: LetterLocale,
  coverage: LetterCoverage | null | undefined,
  inviting: string | null,
  sending: string,
): string[] {
  if (!coverage) return [];
  const list = listFormat(INTL_TAGS[locale], { type: 'conjunction' });
  return PAYER_ORDER.flatMap((payer) => {
    const items = (Object.keys(w.items) as CoverageItem[]).filter(
      (item) => coverage.items[item] === payer,
    );
    if (items.length === 0) return [];
    const named = list.format(items.map((item) => w.items[item]));
    if (payer === 'participant') return [w.participantPays(named)];
    return [w.covers(payer === 'organisers' ? inviting : sending, named)];
  });
}

/** The letter's words in the given language; the PDF only lays them out. */
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
  const profession =
    f.profession === 'other'
      ? f.professionOther
      : f.profession
        ? w.professions[f.profession]
        : null;
  const authority =
    f.consulateWording?.[f.locale] ??
    w.consulateOf(countryName(f.venueCountry, f.locale), f.venueCountry);
  const addressee = f.consulate
    ? w.attention(
        authority,
        placeName(f.consulate.city, 'UTC', f.locale),
        countryName(f.consulate.country, f.locale),
      )
    : null;
  const stay = f.stay
    ? [
        [f.stay.name, f.stay.address, f.stay.city && placeName(f.stay.city, 'UTC', f.locale)]
          .filter(Boolean)
          .join(', '),
        f.stay.checkIn && f.stay.checkOut
          ? ` (${w.nights(date(f.stay.checkIn), date(f.stay.checkOut))})`
          : '',
      ].join('')
    : null;
  const detail = (label: string, value: string | null | undefined): Array<[string, string]> =>
    value ? [[label, value]] : [];
  const letterhead = f.letterhead
    ? {
        name: f.letterhead.name,
        lines: [
          ...(f.letterhead.address ?? '')
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean),
          [f.letterhead.phone, f.letterhead.email].filter(Boolean).join(' · '),
        ].filter(Boolean),
      }
    : null;
  return {
    title: w.title,
    placeAndDate: w.placeAndDate(city ?? '', date(f.issuedOn)),
    subject: w.subject(f.eventName),
    salutation: w.salutation,
    paragraphs: [w.invite(f.eventName, dates, at), w.purpose, w.contact],
    details: [
      [w.labels.name, f.participantName],
      ...detail(w.labels.birthDate, f.birthDate && date(f.birthDate)),
      [w.labels.nationality, countryName(f.nationality, f.locale)],
      [w.labels.passport, f.passportNumber],
      ...detail(w.labels.issued, f.passportIssuedOn && date(f.passportIssuedOn)),
      [w.labels.expires, date(f.passportExpiresOn)],
      [w.labels.organisation, organisation],
      ...detail(w.labels.profession, profession),
      [w.labels.event, f.eventName],
      [w.labels.dates, dates],
      ...detail(w.labels.venue, venue),
      ...detail(w.labels.stay, stay),
    ],
    closing: w.closing,
    signature: f.signerTitle
      ? [f.signerName, f.signerTitle, f.signerOrganisation ?? ''].filter(Boolean)
      : [f.signerName, w.signedFor(f.eventName), f.signerOrganisation ?? ''].filter(Boolean),
    footer: w.footer(f.reference),
    referenceLine: {
      fr: `Réf. : ${f.reference}`,
      en: `Ref.: ${f.reference}`,
      es: `Ref.: ${f.reference}`,
    }[f.locale],
    verify: w.verify,
    verifyUrl: f.verifyUrl,
    addressee,
    coverage: coverageSentences(
      w,
      f.locale,
      f.coverage,
      f.letterhead?.name ?? null,
      f.organisationName,
    ),
    letterhead,
    versionLabel: f.bilingual ? w.version : null,
  };
}
