import type { LearningMessages } from '../en/learning.js';
import { num } from './num.js';

export const learning: LearningMessages = {
  journal: {
    title: 'Mon journal d’apprentissage',
    lead: 'Une courte note par jour d’immersion : ce que vous avez vu, ce que vous vous demandez, ce que vous aimeriez essayer chez vous.',
    privateNote:
      'Vos notes sont privées : personne d’autre ne les lit, ni l’équipe d’accueil ni les organisateurs, sauf si vous choisissez de partager une note.',
    observations: 'Ce que j’ai observé',
    observationsHint: 'Pratiques, outils, la façon dont l’équipe travaille avec les familles.',
    questions: 'Mes questions',
    questionsHint: 'Ce que vous aimeriez mieux comprendre ou demander à l’équipe d’accueil.',
    practice: 'Une pratique à essayer chez nous',
    practiceHint: 'Quelque chose que votre équipe pourrait adopter ou adapter.',
    sharingLegend: 'Qui peut lire cette note ?',
    sharingChoices: {
      private: 'Moi seulement',
      host: 'Moi et l’équipe d’accueil (elle peut répondre)',
      network: 'Moi, l’équipe d’accueil et le réseau (la note figure dans le rapport d’échange)',
    },
    save: 'Enregistrer cette journée',
    remove: 'Supprimer cette note',
    removeConfirm: 'Supprimer la note de cette journée ? Elle ne pourra pas être récupérée.',
    daysNav: 'Les journées',
    notWrittenShort: 'Pas encore écrite',
    notWritten: 'Rien d’écrit pour cette journée.',
    sharedWith: {
      private: 'Privée',
      host: 'Partagée avec l’équipe d’accueil',
      network: 'Partagée avec l’équipe d’accueil et le réseau',
    },
    answerTitle: 'La réponse de l’équipe d’accueil',
    reportLink: 'Lire le rapport d’échange',
  },
  host: {
    title: 'Ce que les visiteurs partagent',
    lead: 'Les notes que les visiteurs ont choisi de partager avec vous. Les notes privées ne sont montrées ni à vous ni à personne.',
    none: 'Aucun visiteur n’a encore partagé de note.',
    answer: 'Votre réponse',
    answerHint: 'Une courte réponse par note ; une nouvelle réponse remplace la précédente.',
    send: 'Envoyer la réponse',
    reportLink: 'Rapport d’échange',
    shared: {
      host: 'Partagée avec vous',
      network: 'Partagée avec vous et le réseau',
    },
  },
  report: {
    /** A label before its value, as each language punctuates it. */
    labelled: (label: string) => `${label}\u00a0: `,
    title: 'Rapport d’échange',
    lead: 'Le programme de l’immersion, qui y a participé, et ce que les visiteurs ont appris et choisi de partager avec le réseau.',
    networkOnly:
      'Seules figurent ici les notes que les visiteurs ont partagées avec le réseau, avec les réponses de l’équipe d’accueil. Les notes privées et celles partagées seulement avec l’équipe d’accueil n’y sont pas.',
    partners: 'Partenaires',
    hostOrg: 'Organisation d’accueil',
    visitingOrg: 'Organisation en visite',
    visitingOrgs: 'Organisations en visite',
    datesAndPlace: (dates: string, place: string) => `${dates}, ${place}`,
    summary: (visitors: number, sessions: number, entries: number) =>
      `${visitors <= 1 ? `${num(visitors)} visiteur` : `${num(visitors)} visiteurs`}, ${sessions <= 1 ? `${num(sessions)} séance` : `${num(sessions)} séances`}, ${entries <= 1 ? `${num(entries)} note partagée` : `${num(entries)} notes partagées`}`,
    programme: 'Programme',
    noProgramme: 'Aucune séance n’est publiée pour cette immersion.',
    date: 'Date',
    hours: 'Horaires',
    session: 'Séance',
    attendance: 'Présents',
    attendedOf: (n: number, of: number) => `${num(n)} sur ${num(of)}`,
    zoneNote: (zone: string) => `Horaires à l’${zone}.`,
    visitors: 'Visiteurs',
    noVisitors: 'Aucun visiteur confirmé.',
    sessionsAttended: (n: number) =>
      n <= 1 ? `${num(n)} séance suivie` : `${num(n)} séances suivies`,
    learnt: 'Ce que les visiteurs ont partagé',
    noEntries: 'Aucune note n’a encore été partagée avec le réseau.',
    observations: 'Observé',
    questions: 'Questions',
    practice: 'À essayer chez nous',
    hostAnswer: (name: string | null) =>
      name ? `Réponse de ${name}` : 'La réponse de l’équipe d’accueil',
    pdfLanguage: (language: string) => `PDF en ${language}`,
    readIn: 'Lire en',
    reference: (ref: string) => `Référence ${ref}`,
    issued: (date: string) => `Établi le ${date}`,
    verify: 'Vérifiez l’authenticité de ce rapport à cette adresse ou avec le code QR :',
  },
  flash: {
    saved: 'Note enregistrée.',
    removed: 'Note supprimée.',
    answered: 'Réponse enregistrée.',
  },
};
