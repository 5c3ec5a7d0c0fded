import type { SharingMessages } from '../en/sharing.js';
import { num } from './num.js';

export const sharing: SharingMessages = {
  materials: {
    title: 'Documents',
    lead: 'Les documents que les organisateurs et les animateurs partagent avec les personnes de cet événement.',
    none: 'Aucun document partagé pour l’instant.',
    eventWide: 'Pour tout l’événement',
    forSession: (title: string) => `Session : ${title}`,
    download: 'Télécharger',
    downloadNamed: (title: string) => `Télécharger ${title}`,
    size: (kb: number) =>
      kb >= 1024 ? `${(kb / 1024).toFixed(1).replace('.', ',')} Mo` : `${num(kb)} Ko`,
    types: {
      pdf: 'PDF',
      docx: 'Word',
      pptx: 'PowerPoint',
      xlsx: 'Excel',
      png: 'Image',
      jpg: 'Image',
    },
  },
  console: {
    title: 'Documents',
    lead: 'Partagez le guide remis à la rencontre, les présentations des ateliers et d’autres documents. Seuls les participants et l’équipe de l’événement peuvent les télécharger.',
    uploadTitle: 'Partager un document',
    file: 'Fichier',
    fileHint: (mb: number) => `PDF, Word, PowerPoint, Excel, PNG ou JPEG, ${num(mb)} Mo au plus.`,
    docTitle: 'Titre (facultatif)',
    docTitleHint: 'Le nom du fichier est utilisé s’il reste vide.',
    session: 'Session',
    wholeEvent: 'Tout l’événement',
    upload: 'Partager',
    remove: 'Supprimer',
    removeConfirm: 'Supprimer ce document ? Les participants ne pourront plus le télécharger.',
    listTitle: 'Documents partagés',
    fileRequired: 'Choisissez un fichier à partager.',
    fileTooLarge: (mb: number) => `Le fichier est trop volumineux : ${num(mb)} Mo au plus.`,
    fileType:
      'Ce fichier n’est pas un document PDF, Word, PowerPoint, Excel, PNG ou JPEG, quel que soit son nom.',
  },
  people: {
    title: 'Qui vient',
    lead: 'Les participants qui ont choisi d’apparaître ici, pour retrouver des collègues avant l’événement. Les e-mails et téléphones ne sont jamais affichés.',
    optInTitle: 'M’afficher dans l’annuaire',
    optInLabel:
      'Montrer mon nom, mon organisation, mon pays, ma profession et mes langues aux autres participants',
    optInHint:
      'Désactivé tant que vous ne cochez pas. Décochez à tout moment : vous disparaissez aussitôt.',
    save: 'Enregistrer mon choix',
    listed: 'Vous apparaissez dans l’annuaire.',
    notListed: 'Vous n’apparaissez pas dans l’annuaire.',
    none: 'Personne n’a encore choisi d’apparaître.',
    count: (n: number) => (n <= 1 ? `${num(n)} personne` : `${num(n)} personnes`),
    you: '(vous)',
    languages: (list: string) => `Langues\u00a0: ${list}`,
    materialsLink: 'Documents partagés pour cet événement',
    peopleLink: 'Qui vient',
  },
  flash: {
    uploaded: 'Le document est partagé.',
    removed: 'Le document est supprimé.',
    listed: 'Vous apparaissez maintenant dans l’annuaire.',
    unlisted: 'Vous n’apparaissez plus dans l’annuaire.',
  },
};
