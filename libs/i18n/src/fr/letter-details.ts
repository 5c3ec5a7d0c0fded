import type { LetterDetailsMessages } from '../en/letter-details.js';

export const letterDetails: LetterDetailsMessages = {
  names: { birthDate: 'date de naissance', passportIssuedOn: 'date de délivrance du passeport' },
  missing: (list: string) => `Informations de la lettre manquantes\u00a0: ${list}`,
  withoutDetails: 'Délivrer même si des informations de la lettre manquent',
  withoutDetailsHint:
    'Sans la date de naissance et la date de délivrance du passeport, un consulat peut refuser la lettre. Vaut aussi pour les boutons de chaque ligne.',
};
