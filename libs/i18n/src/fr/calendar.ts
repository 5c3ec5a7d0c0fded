import type { CalendarMessages } from '../en/calendar.js';

export const calendar: CalendarMessages = {
  title: 'M’abonner à mon agenda',
  lead: 'Ajoutez votre agenda au calendrier de votre téléphone ou de votre ordinateur. Il se met à jour tout seul quand une séance change.',
  noLink: 'Vous n’avez pas encore de lien d’abonnement.',
  create: 'Créer mon lien d’abonnement',
  linkSince: (date) => `Vous avez un lien d’abonnement, créé le ${date}.`,
  lastUsed: (date) =>
    `Une application de calendrier l’a consulté pour la dernière fois le ${date}.`,
  neverUsed: 'Aucune application de calendrier ne l’a encore utilisé.',
  shownOnce:
    'Pour votre sécurité, Convene ne garde qu’une empreinte du lien et ne peut pas vous le montrer à nouveau. Pour ajouter votre agenda sur un autre appareil, créez un nouveau lien.',
  newLinkTitle: 'Votre lien d’abonnement',
  secret:
    'Gardez ce lien pour vous : toute personne qui l’a peut voir votre agenda. Il n’est affiché que maintenant ; copiez-le ou ajoutez-le tout de suite à votre calendrier.',
  phone: 'Sur cet appareil (téléphone, tablette ou ordinateur)',
  addToPhone: 'Ajouter à mon calendrier (webcal)',
  copyTitle: 'Dans une application de calendrier sur ordinateur',
  copyLabel: 'Adresse d’abonnement (https)',
  copyHint:
    'Copiez-la dans votre application de calendrier, sous « Ajouter un calendrier depuis une URL » ou « S’abonner ».',
  copy: 'Copier',
  copied: 'Copié',
  scanTitle: 'D’un ordinateur vers votre téléphone',
  scanHint:
    'Scannez ce code avec l’appareil photo de votre téléphone pour vous abonner sur le téléphone.',
  qrLabel: 'QR code de votre adresse d’abonnement',
  fileTitle: 'Un fichier ponctuel',
  fileHint:
    'Téléchargez votre agenda tel qu’il est maintenant (fichier .ics). Il ne se met pas à jour : préférez l’abonnement.',
  download: 'Télécharger mon agenda (.ics)',
  manageTitle: 'Gérer le lien',
  rotate: 'Créer un nouveau lien',
  rotateHint:
    'Le lien actuel cesse aussitôt de fonctionner : les calendriers abonnés avec lui ne se mettront plus à jour.',
  rotateConfirm: 'Le lien actuel cessera aussitôt de fonctionner. Créer un nouveau lien ?',
  revoke: 'Révoquer le lien',
  revokeHint: 'Le lien cesse aussitôt de fonctionner et aucun nouveau lien n’est créé.',
  revokeConfirm: 'Révoquer votre lien d’abonnement ?',
  revoked: 'Votre lien d’abonnement a été révoqué : il ne fonctionne plus.',
  rotated: 'Voici votre nouveau lien. L’ancien ne fonctionne plus.',
};
