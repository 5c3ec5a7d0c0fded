import type { FeedbackMessages } from '../en/feedback.js';
import { formatCount } from '../count-format.js';

/** A count with French digit grouping: 1 008. */
const num = (n: number) => formatCount('fr', n);

export const feedback: FeedbackMessages = {
  console: {
    title: 'Avis',
    lead: 'De courts questionnaires après un atelier, une visite de terrain ou tout l’événement. Seules les personnes qui ont pu y être peuvent répondre, une fois.',
    none: 'Aucun questionnaire pour l’instant.',
    newTitle: 'Nouveau questionnaire',
    formTitle: (lang: string) => `Titre (${lang})`,
    titleHint: 'Au moins une langue. Chacun lit la sienne, sinon la première de l’événement.',
    attachedTo: 'Pour',
    wholeEvent: 'Tout l’événement',
    anonymous: 'Réponses anonymes',
    anonymousHint:
      'Personne, organisateurs compris, ne saura qui a donné quelle réponse : ni nom ni heure, dans les résultats comme dans le CSV. Impossible de revenir en arrière après la première réponse.',
    anonymousLocked: (setting: string) => `${setting} : fixé, des personnes ont déjà répondu.`,
    opensAt: 'Ouverture (facultatif)',
    opensAtHint: (zone: string) =>
      `Heure locale (${zone}). Vide : à la fin de la session, ou le dernier jour de l’événement.`,
    closesAt: 'Clôture (facultatif)',
    closesAtHint: 'Vide : 14 jours après l’ouverture.',
    create: 'Créer le questionnaire',
    save: 'Enregistrer',
    edit: 'Questions et réglages',
    results: 'Résultats',
    remove: 'Supprimer le questionnaire',
    removeConfirm: 'Supprimer ce questionnaire et toutes ses réponses ?',
    responses: (n: number) => (n <= 1 ? `${num(n)} réponse` : `${num(n)} réponses`),
    opens: (when: string) => `Ouvre le ${when}`,
    closes: (when: string) => `Ferme le ${when}`,
    status: { scheduled: 'Pas encore ouvert', open: 'Ouvert', closed: 'Fermé' },
    anonymousBadge: 'Anonyme',
    namedBadge: 'Nominatif',
    settingsTitle: 'Réglages',
    questionsTitle: 'Questions',
    noQuestions:
      'Aucune question pour l’instant : ajoutez-en une ci-dessous. Les participants voient le questionnaire dès qu’il en a une.',
    questionsLocked:
      'Des personnes ont déjà répondu : les questions ne peuvent plus changer (leurs réponses changeraient de sens). Créez un autre questionnaire pour demander autre chose.',
    addQuestion: 'Ajouter une question',
    kind: 'Type de réponse',
    kinds: {
      rating: 'Une note de 1 à 5',
      choice: 'Un choix parmi des options',
      text: 'Un court texte',
    },
    questionText: (lang: string) => `Question (${lang})`,
    options: (lang: string) => `Options (${lang}), une par ligne`,
    optionsHint:
      'Pour un choix : de 2 à 10 options, le même nombre et le même ordre dans chaque langue.',
    required: 'Réponse obligatoire',
    optional: 'facultatif',
    removeQuestion: 'Retirer',
    add: 'Ajouter la question',
    backToList: 'Tous les questionnaires',
    csv: 'Télécharger les réponses (CSV)',
    answeredCount: (n: number) =>
      n <= 1 ? `${num(n)} personne a répondu` : `${num(n)} personnes ont répondu`,
    average: (v: string) => `Moyenne ${v} sur 5`,
    noAnswers: 'Aucune réponse pour l’instant.',
    rating: 'Note',
    option: 'Option',
    count: 'Réponses',
    chartDescription: (question: string, n: number) =>
      `${question} : ${num(n)} réponses, une barre par valeur`,
    textAnswers: 'Réponses écrites',
    shuffled: 'Questionnaire anonyme : dans un ordre au hasard, sans noms.',
    noTexts: 'Aucune réponse écrite.',
    by: (name: string) => `— ${name}`,
    withheld:
      'Trop peu de réponses pour les montrer sans identifier personne : ce questionnaire anonyme montre ses réponses à partir de la troisième. D’ici là, seulement combien de personnes ont répondu.',
    anonymousResults:
      'Questionnaire anonyme : rien ici ni dans le CSV ne dit qui a répondu quoi, ni quand.',
    errors: {
      titles: 'Écrivez un titre dans au moins une langue.',
      tooLong: 'Ce texte est trop long.',
      options: 'Donnez de 2 à 10 options, le même nombre dans chaque langue.',
      closesAt: 'La clôture doit venir après l’ouverture.',
      date: 'Saisissez une date et une heure.',
      question: 'Écrivez la question dans au moins une langue.',
      locked: 'Des personnes ont déjà répondu : cela ne peut plus changer.',
    },
  },
  participant: {
    title: 'Votre avis',
    lead: 'Quelques questions après une session ou l’événement. Vos réponses aident les organisateurs et le réseau à mieux faire la prochaine fois.',
    none: 'Aucun questionnaire ne vous attend pour le moment.',
    answer: 'Répondre',
    answered: 'Répondu, merci',
    closes: (when: string) => `Ouvert jusqu’au ${when}`,
    anonymous:
      'Ce questionnaire est anonyme : les organisateurs ne sauront pas qui a répondu, ni ce que vous avez dit. Ils ne voient que l’ensemble des réponses.',
    named:
      'Ce questionnaire n’est pas anonyme : les organisateurs verront votre nom avec vos réponses.',
    ratingLegend: (question: string) => question,
    ratingLow: 'Mauvais',
    ratingHigh: 'Excellent',
    ratingScale: '1 est mauvais, 5 est excellent.',
    optional: '(facultatif)',
    send: 'Envoyer mes réponses',
    thanksTitle: 'Merci',
    thanks: 'Vos réponses sont enregistrées. On ne répond qu’une fois à chaque questionnaire.',
    backToList: 'Autres questionnaires',
    forSession: (title: string) => `Session : ${title}`,
    wholeEvent: 'Tout l’événement',
    notOpen: 'Ce questionnaire n’est pas ouvert.',
    errors: {
      required: 'Répondez à cette question.',
      invalid: 'Choisissez une des réponses.',
      tooLong: 'Ce texte est trop long (2 000 caractères au plus).',
    },
  },
  csv: {
    name: 'Nom',
    email: 'E-mail',
    organisation: 'Organisation',
    submittedAt: 'Répondu le',
    answers: 'Réponses',
    note: 'Note',
    withheld:
      'Trop peu de réponses pour les montrer sans identifier personne : les réponses apparaissent à partir de la troisième.',
  },
  flash: {
    created: 'Le questionnaire est créé. Ajoutez ses questions.',
    saved: 'Enregistré.',
    questionAdded: 'La question est ajoutée.',
    questionRemoved: 'La question est retirée.',
    removed: 'Le questionnaire est supprimé.',
    thanks: 'Merci : vos réponses sont enregistrées.',
  },
};
