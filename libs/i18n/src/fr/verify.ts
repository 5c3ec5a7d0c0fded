import type { VerifyMessages } from '../en/verify.js';

export const verify: VerifyMessages = {
  title: 'Vérification de document',
  lead: 'Cette page confirme si un document émis par Convene est authentique et toujours valable.',
  kinds: {
    invitation_letter: {
      valid: "Lettre d'invitation valable",
      validNote:
        "Cette lettre d'invitation a été délivrée par les organisateurs et elle est valable.",
      revoked: "Lettre d'invitation révoquée",
      revokedNote:
        "Cette lettre d'invitation n'est plus valable : l'inscription a été annulée ou refusée.",
    },
    certificate: {
      valid: 'Attestation de présence valable',
      validNote:
        "Cette attestation de présence a été délivrée par les organisateurs et elle est valable. Les heures ci-dessous sont celles qu'elle atteste.",
      revoked: 'Attestation de présence révoquée',
      revokedNote:
        "Cette attestation de présence n'est plus valable : l'inscription a été annulée ou refusée.",
    },
    badge: {
      valid: 'Badge valable',
      validNote:
        'Ce badge a été délivré par les organisateurs à une personne inscrite et confirmée.',
      revoked: 'Badge révoqué',
      revokedNote: "Ce badge n'est plus valable : l'inscription a été annulée ou refusée.",
    },
    exchange_report: {
      valid: 'Rapport d’échange authentique',
      validNote:
        'Ce rapport d’échange a été établi par Convene pour l’immersion ci-dessous, pour les deux organisations partenaires.',
      revoked: 'Rapport d’échange retiré',
      revokedNote: 'Ce rapport d’échange n’est plus valable.',
    },
  },
  reference: 'Référence',
  holder: 'Délivrée à',
  passport: 'Numéro de passeport se terminant par',
  event: 'Événement',
  dates: 'Dates',
  place: 'Lieu',
  attended: 'Séances suivies',
  hours: 'Durée totale',
  privacy:
    'Seuls le nom et les quatre derniers caractères du numéro de passeport sont affichés ici.',
  privacyNoPassport: 'Seul le nom de la personne est affiché ici.',
};
