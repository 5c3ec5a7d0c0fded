import type { LetterDetailsMessages } from '../en/letter-details.js';

export const letterDetails: LetterDetailsMessages = {
  names: {
    birthDate: 'fecha de nacimiento',
    passportIssuedOn: 'fecha de expedición del pasaporte',
  },
  missing: (list: string) => `Faltan datos de la carta: ${list}`,
  withoutDetails: 'Emitir aunque falten datos de la carta',
  withoutDetailsHint:
    'Sin la fecha de nacimiento y la de expedición del pasaporte, un consulado puede rechazar la carta. Vale también para los botones de cada fila.',
};
