import type { ConsoleAgendaMessages } from '../en/console-agenda.js';
import { formatCount } from '../count-format.js';

/** A count with French digit grouping: 1 008. */
const num = (n: number) => formatCount('fr', n);

export const consoleAgenda: ConsoleAgendaMessages = {
  title: 'Programme',
  kinds: {
    plenary: 'Plénière',
    workshop: 'Atelier',
    site_visit: 'Visite de terrain',
    team_meeting: 'Réunion d’équipe',
    family_workshop: 'Atelier avec les familles',
    observation_day: 'Journée d’observation',
    meal: 'Repas',
    social: 'Moment convivial',
    break: 'Pause',
  },
  statuses: { draft: 'Brouillon', published: 'Publiée', cancelled: 'Annulée' },
  days: "Jours de l'événement",
  outsideDay: 'hors des dates',
  gridLabel: (day: string) => `Séances du ${day}, salles par horaire`,
  time: 'Heure',
  noRoom: 'Sans salle',
  addSession: 'Ajouter une séance',
  addSessionIn: (room: string) => `Ajouter une séance dans ${room}`,
  rooms: 'Salles',
  manageRooms: 'Salles et capacités',
  reviewAndPublish: 'Vérifier les conflits et publier',
  draftsWaiting: (n: number) =>
    n === 1
      ? "1 séance en brouillon n'est pas encore visible des participants."
      : `${num(n)} séances en brouillon ne sont pas encore visibles des participants.`,
  allPublished: 'Toutes les séances sont publiées.',
  emptyDay: "Aucune séance ce jour-là pour l'instant.",
  noRoomsYet:
    "Cet événement n'a pas encore de salle : ajoutez-en pour placer les séances dans la grille.",
  timesIn: (place: string) => `Les horaires sont à l'heure de ${place}.`,
  seats: (confirmed: number, capacity: number | null) =>
    capacity == null
      ? `Inscrits : ${num(confirmed)}`
      : `Places prises : ${num(confirmed)} sur ${num(capacity)}`,
  waitlisted: (n: number) => `En liste d'attente : ${num(n)}`,
  conflictMark: 'Conflit',
  conflictsTitle: 'Conflits',
  conflictsCount: (n: number) =>
    n === 0
      ? "Aucun conflit : aucune salle ni aucun·e animateur·rice n'est réservé deux fois, chaque séance tient dans sa salle et dans les dates de l'événement."
      : n === 1
        ? '1 conflit à examiner.'
        : `${num(n)} conflits à examiner.`,
  conflict: {
    room: (other: string, room: string) => `Salle déjà occupée par « ${other} » (${room})`,
    facilitator: (name: string, other: string) =>
      `${name} anime deux séances en même temps (aussi « ${other} »)`,
    capacity: (capacity: number, room: number) =>
      `${num(capacity)} places prévues, mais la salle n'en compte que ${num(room)}`,
    outside: "En dehors des dates de l'événement",
    participant: (other: string) =>
      `Une personne inscrite participe aussi à « ${other} » au même moment`,
    unknownSession: 'une autre séance',
    unknownPerson: 'un·e animateur·rice',
  },
  conflictBetween: (a: string, b: string) => `« ${a} » et « ${b} »`,
  keepTitle: 'Cette séance entre en conflit avec le programme',
  keepLead:
    "Elle n'a pas été enregistrée. Modifiez l'horaire, la salle, la capacité ou les animateurs, ou gardez-la telle quelle : le conflit restera alors signalé sur la grille jusqu'à ce que vous le résolviez.",
  keepAnyway: 'Garder quand même',
  newSession: 'Nouvelle séance',
  editSession: (title: string) => `Modifier « ${title} »`,
  fields: {
    kind: 'Type de séance',
    title: 'Titre',
    description: 'Description',
    theme: 'Thème',
    day: 'Jour',
    startsAt: 'Début',
    endsAt: 'Fin',
    timeHint: "À l'heure locale de l'événement",
    departureHint: 'Entre le début et la fin de la visite',
    roomId: 'Salle',
    facilitatorIds: 'Animateurs et animatrices',
    facilitatorsHint: "Parmi l'équipe de l'événement",
    noStaff:
      'Personne ne peut encore être choisi : ajoutez des animateurs dans la rubrique Équipe.',
    language: 'Langue de travail',
    interpretationLanguages: 'Interprétation vers',
    capacity: 'Places',
    capacityHint: 'Laissez vide pour ne pas limiter',
    signupRequired: "Les participants doivent s'inscrire pour venir",
    hostOrganisationId: 'Organisation qui accueille',
    address: 'Adresse',
    meetingPoint: 'Point de rendez-vous',
    departureAt: 'Départ',
    returnAt: 'Retour',
    transport: 'Transport',
    transportHint: 'Par exemple : bus, minibus, à pied',
    seatsVisit: 'Places dans le véhicule',
    hostLimit: "Visiteurs que l'organisation peut accueillir",
    hostContactName: 'Personne à contacter sur place',
    hostContactPhone: 'Téléphone du contact',
    hostContactEmail: 'E-mail du contact',
    rules: 'Règles pour les visiteurs',
    rulesHint: 'Une règle par ligne, par exemple : Pas de photos des bénéficiaires',
    inLanguage: (label: string, language: string) => `${label} (${language})`,
    translations: 'Traductions',
    translationsHint:
      'Les participants lisent la séance dans leur langue quand elle est écrite ici ; sinon dans la première langue, avec une mention.',
  },
  siteVisit: 'Visite de terrain',
  siteVisitLead: 'À remplir uniquement pour une visite de terrain.',
  chooseOption: 'Choisissez…',
  noLanguage: 'Non précisée',
  languages: {
    fr: 'Français',
    en: 'Anglais',
    es: 'Espagnol',
    ar: 'Arabe',
    pt: 'Portugais',
    wo: 'Wolof',
  },
  create: 'Créer la séance',
  save: 'Enregistrer les modifications',
  cancelLink: 'Retour au programme',
  moveTitle: (title: string) => `Déplacer « ${title} »`,
  moveLead:
    'Choisissez un autre jour, horaire ou salle. Les personnes inscrites sont prévenues du changement.',
  move: 'Déplacer la séance',
  moveLink: 'Déplacer',
  editLink: 'Modifier',
  openLink: 'Inscriptions',
  cancelTitle: (title: string) => `Annuler « ${title} »`,
  cancelLead: (n: number) =>
    n === 0
      ? "Personne n'est inscrit à cette séance."
      : n === 1
        ? "1 personne est inscrite : elle recevra un e-mail l'informant de l'annulation."
        : `${num(n)} personnes sont inscrites : chacune recevra un e-mail l'informant de l'annulation.`,
  cancelConfirm: 'Annuler la séance',
  cancelKeep: 'Garder la séance',
  cancelSession: 'Annuler cette séance',
  details: 'Détails',
  when: 'Quand',
  where: 'Où',
  status: 'Statut',
  facilitators: 'Animateurs',
  none: 'Aucun',
  signups: 'Inscrits',
  waitlist: "Liste d'attente",
  waitlistEmpty: "Personne n'attend.",
  signupsEmpty: "Personne n'est encore inscrit.",
  columns: {
    position: 'Rang',
    name: 'Nom',
    organisation: 'Organisation',
    country: 'Pays',
    phone: 'Portable',
    emergency: "Contact d'urgence",
    rules: 'Règles acceptées',
    attended: 'Présence',
    actions: 'Actions',
    signature: 'Présent',
  },
  present: 'Présent·e',
  absent: 'Absent·e',
  notMarked: 'Non noté',
  markPresent: (name: string) => `Noter ${name} présent·e`,
  markAbsent: (name: string) => `Noter ${name} absent·e`,
  attendanceOpens: (when: string) => `La présence peut être notée à partir du début : ${when}.`,
  attendanceTooEarly: 'La présence ne peut être notée qu’une fois la séance commencée.',
  moveTo: 'Déplacer vers',
  moveToLabel: (name: string) => `Déplacer ${name} vers`,
  backToSession: 'Retour à la séance',
  movePersonTitle: (name: string) => `Déplacer ${name}`,
  movePersonFrom: (title: string, when: string) =>
    `Inscrit·e à « ${title} », ${when}. Choisissez la séance où l’inscrire.`,
  movePerson: 'Déplacer',
  noOtherSession: 'Aucune autre séance publiée vers laquelle déplacer des personnes.',
  remove: 'Retirer',
  removeLabel: (name: string) => `Retirer ${name}`,
  removeConfirm: (name: string) =>
    `Retirer ${name} de cette séance ? Cette personne sera prévenue par e-mail.`,
  busList: 'Liste du bus',
  busListTitle: (title: string) => `Liste du bus : ${title}`,
  printBusList: 'Imprimer',
  downloadCsv: 'Télécharger la liste (CSV)',
  busFacts: {
    meetingPoint: 'Point de rendez-vous',
    departure: 'Départ',
    return: 'Retour',
    transport: 'Transport',
    seats: 'Places',
    host: 'Accueil',
    address: 'Adresse',
    contact: 'Contact sur place',
  },
  busCount: (n: number, seats: number) =>
    `${num(n)} personne${n > 1 ? 's' : ''} pour ${num(seats)} place${seats > 1 ? 's' : ''}`,
  reviewTitle: 'Vérifier et publier le programme',
  reviewLead:
    "La publication rend chaque séance en brouillon visible des participants, qui peuvent alors s'inscrire. Examinez d'abord les conflits : ils restent tels quels une fois le programme publié.",
  publish: (n: number) =>
    n === 1 ? 'Publier 1 séance en brouillon' : `Publier ${num(n)} séances en brouillon`,
  publishWithConflicts: (n: number) =>
    n === 1
      ? "J'ai examiné le conflit et je veux publier quand même"
      : `J'ai examiné les ${num(n)} conflits et je veux publier quand même`,
  nothingToPublish: "Il n'y a aucune séance en brouillon à publier.",
  draftList: 'Séances en brouillon à publier',
  roomsTitle: 'Salles',
  roomsLead: "La capacité d'une salle est comparée aux places des séances qui s'y tiennent.",
  roomName: 'Nom',
  roomCapacity: 'Capacité',
  roomCapacityHint: 'Nombre de places ; laissez vide pour ne pas limiter',
  addRoom: 'Ajouter la salle',
  newRoom: 'Nouvelle salle',
  saveRoom: 'Enregistrer',
  deleteRoom: 'Supprimer',
  deleteRoomConfirm: (name: string) => `Supprimer la salle ${name} ?`,
  editRoomLabel: (name: string) => `Salle ${name}`,
  noRooms: 'Aucune salle pour le moment.',
  sessionsInRoom: (n: number) => (n === 1 ? '1 séance' : `${num(n)} séances`),
  flash: {
    created: 'La séance est enregistrée comme brouillon.',
    saved: 'Les modifications sont enregistrées.',
    moved: 'La séance a été déplacée.',
    cancelled: 'La séance est annulée ; les personnes inscrites sont prévenues par e-mail.',
    published: 'Le programme est publié : les participants voient désormais ses séances.',
    roomAdded: 'La salle est ajoutée.',
    roomSaved: 'La salle est enregistrée.',
    roomDeleted: 'La salle est supprimée.',
    roomInUse:
      "Des séances utilisent encore cette salle : déplacez-les d'abord dans une autre salle.",
    roomError: "La salle n'a pas pu être enregistrée : vérifiez son nom et sa capacité.",
    personMoved: 'La personne a été déplacée vers l’autre séance.',
    personNotMoved:
      "La personne n'a pas pu être déplacée : l'autre séance est complète, chevauche son programme ou n'est pas publiée.",
    personRemoved: 'La personne est retirée de cette séance.',
    attendance: 'La présence est enregistrée.',
    attendanceTooEarly: 'La présence ne peut être notée qu’une fois la séance commencée.',
  },
};
