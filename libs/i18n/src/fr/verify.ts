import type { VerifyMessages } from '../en/verify.js';

export const verify: VerifyMessages = {
  title: 'Vérification de document',
  lead: 'Cette page confirme si un document émis par Convene est authentique et toujours valable.',
  valid: "Lettre d'invitation valable",
  validNote: "Cette lettre d'invitation a été délivrée par les organisateurs et elle est valable.",
  revoked: "Lettre d'invitation révoquée",
  revokedNote:
    "Cette lettre d'invitation n'est plus valable : l'inscription a été annulée ou refusée.",
  reference: 'Référence',
  holder: 'Délivrée à',
  passport: 'Numéro de passeport se terminant par',
  event: 'Événement',
  dates: 'Dates',
  place: 'Lieu',
  privacy:
    'Seuls le nom et les quatre derniers caractères du numéro de passeport sont affichés ici.',
};
