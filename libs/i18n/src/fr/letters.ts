import type { LettersMessages } from '../en/letters.js';
import { num } from './num.js';

export const letters: LettersMessages = {
  request: {
    title: 'Informations pour votre lettre d’invitation',
    lead: 'Le consulat en a besoin pour examiner votre demande de visa. Elles ne servent qu’à la lettre, sont chiffrées et sont effacées avec votre passeport.',
    birthDate: 'Date de naissance',
    passportIssuedOn: 'Date de délivrance du passeport',
    passportIssuedOnHint: 'Telle qu’imprimée sur la page avec votre photo.',
    consulateCountry: 'Pays du consulat',
    consulateCountryHint: 'Là où vous demanderez le visa : en général le pays où vous vivez.',
    consulateCity: 'Ville du consulat',
    consulateCityHint: 'Par exemple Dakar, Kinshasa ou Phnom Penh.',
    submit: 'Demander ma lettre d’invitation',
    update: 'Enregistrer les informations de la lettre',
    change: 'Modifier les informations de la lettre',
    onFile: 'Informations enregistrées pour la lettre',
    consulateLine: (city, country) => `${city} (${country})`,
    needsPassport:
      'Saisissez d’abord votre passeport (pays, numéro et date d’expiration) : la lettre en a besoin.',
    saved:
      'Les informations de votre lettre sont enregistrées. L’équipe d’organisation va établir votre lettre.',
    errors: {
      birthDate: 'Indiquez votre date de naissance, une date passée.',
      passportIssuedOn:
        'Indiquez la date de délivrance du passeport : pas dans le futur, et avant son expiration.',
      consulateCountry: 'Choisissez le pays du consulat.',
      consulateCity: 'Indiquez la ville du consulat.',
    },
  },
  settings: {
    title: 'Lettre d’invitation',
    lead: 'Ce que dit chaque lettre d’invitation de cette rencontre, en plus des informations de la personne : qui invite, qui signe, qui paie. Les consulats la lisent avec le passeport.',
    letterhead: 'En-tête de l’organisation qui invite',
    orgName: 'Nom de l’organisation',
    orgAddress: 'Adresse',
    orgAddressHint: 'Une ligne par ligne de l’en-tête.',
    orgPhone: 'Téléphone',
    orgEmail: 'E-mail',
    logo: 'Logo',
    imageHint: 'PNG ou JPEG, 512 Ko au plus.',
    imageOnFile: (type, kb) => `Enregistré : ${type}, ${num(kb)} Ko.`,
    removeLogo: 'Retirer le logo',
    signatory: 'Qui signe',
    signatoryName: 'Nom de la personne qui signe',
    signatoryTitle: 'Fonction',
    signatoryTitleHint: 'Par exemple Présidente ou Directeur.',
    signature: 'Image de la signature',
    removeSignature: 'Retirer l’image de la signature',
    consulate: 'Le consulat',
    consulateHint:
      'Comment la lettre nomme le consulat, sans article. La lettre ajoute « À l’attention du », puis la ville et le pays indiqués par chaque personne. Laissé vide : le consulat du pays de la rencontre.',
    wordingFr: 'En français',
    wordingEn: 'En anglais',
    wordingEs: 'En espagnol',
    bilingual: (language) => `Lettre bilingue : la langue de la personne, puis le ${language}`,
    bilingualHint: 'La seconde langue est celle que lit l’administration du pays d’accueil.',
    languages: { fr: 'français', en: 'anglais', es: 'espagnol' },
    coverage: 'Qui paie',
    coverageHint:
      'Indiqué dans chaque lettre, sauf si la page finances de la rencontre le précise pour chaque personne.',
    items: {
      travel: 'Voyage',
      accommodation: 'Hébergement',
      meals: 'Repas',
      visaFees: 'Frais de visa',
      perDiem: 'Per diem',
    },
    payers: {
      none: 'Non indiqué',
      organisers: 'L’organisation qui invite',
      sending_organisation: 'L’organisation de la personne',
      participant: 'La personne elle-même',
    },
    stayAddress: 'Lieu d’hébergement',
    stayAddressHint:
      'Nom et adresse de l’hôtel, utilisés quand la page hébergement n’a pas d’hôtel pour la personne.',
    save: 'Enregistrer les réglages de la lettre',
    saved: 'Les réglages de la lettre sont enregistrés.',
    updatedAt: (when) => `Enregistré le ${when}.`,
    errors: {
      image_type: 'Ce fichier n’est pas une image PNG ou JPEG.',
      image_too_large: 'Cette image dépasse 512 Ko.',
      image_unreadable: 'Cette image est illisible ; enregistrez-la de nouveau en PNG ou JPEG.',
      image_empty: 'Ce fichier est vide.',
    },
  },
};
