import type { LettersMessages } from '../en/letters.js';
import { formatCount } from '../count-format.js';

/** A count with Spanish digit grouping: 1008, but 10.000. */
const num = (n: number) => formatCount('es', n);

export const letters: LettersMessages = {
  request: {
    title: 'Datos para su carta de invitación',
    lead: 'El consulado los necesita para examinar su solicitud de visado. Solo se usan para la carta, se guardan cifrados y se borran junto con su pasaporte.',
    birthDate: 'Fecha de nacimiento',
    passportIssuedOn: 'Fecha de expedición del pasaporte',
    passportIssuedOnHint: 'Tal como figura en la página con su foto.',
    consulateCountry: 'País del consulado',
    consulateCountryHint: 'Donde pedirá el visado: normalmente el país donde vive.',
    consulateCity: 'Ciudad del consulado',
    consulateCityHint: 'Por ejemplo Dakar, Kinsasa o Nom Pen.',
    submit: 'Pedir mi carta de invitación',
    update: 'Guardar los datos de la carta',
    change: 'Cambiar los datos de la carta',
    onFile: 'Datos guardados para la carta',
    consulateLine: (city, country) => `${city} (${country})`,
    needsPassport:
      'Introduzca primero su pasaporte (país, número y fecha de caducidad): la carta lo necesita.',
    saved: 'Los datos de su carta están guardados. La organización emitirá su carta.',
    errors: {
      birthDate: 'Indique su fecha de nacimiento, una fecha pasada.',
      passportIssuedOn:
        'Indique la fecha de expedición del pasaporte: no en el futuro y antes de su caducidad.',
      consulateCountry: 'Elija el país del consulado.',
      consulateCity: 'Indique la ciudad del consulado.',
    },
  },
  settings: {
    title: 'Carta de invitación',
    lead: 'Lo que dice cada carta de invitación de este encuentro además de los datos de la persona: quién invita, quién firma, quién paga. Los consulados la leen junto con el pasaporte.',
    letterhead: 'Membrete de la organización que invita',
    orgName: 'Nombre de la organización',
    orgAddress: 'Dirección',
    orgAddressHint: 'Una línea por cada línea del membrete.',
    orgPhone: 'Teléfono',
    orgEmail: 'Correo electrónico',
    logo: 'Logotipo',
    imageHint: 'PNG o JPEG, 512 KB como máximo.',
    imageOnFile: (type, kb) => `Guardado: ${type}, ${num(kb)} KB.`,
    removeLogo: 'Quitar el logotipo',
    signatory: 'Quién firma',
    signatoryName: 'Nombre de la persona que firma',
    signatoryTitle: 'Cargo',
    signatoryTitleHint: 'Por ejemplo Presidenta o Director.',
    signature: 'Imagen de la firma',
    removeSignature: 'Quitar la imagen de la firma',
    consulate: 'El consulado',
    consulateHint:
      'Cómo nombra la carta al consulado, sin artículo. La carta añade «A la atención del», y la ciudad y el país que indicó cada persona. Vacío: el consulado del país del encuentro.',
    wordingFr: 'En francés',
    wordingEn: 'En inglés',
    wordingEs: 'En español',
    bilingual: (language) => `Carta bilingüe: el idioma de la persona y después el ${language}`,
    bilingualHint: 'El segundo idioma es el que lee la administración del país anfitrión.',
    languages: { fr: 'francés', en: 'inglés', es: 'español' },
    coverage: 'Quién paga',
    coverageHint:
      'Se indica en cada carta, salvo que la página de finanzas del encuentro lo precise para cada persona.',
    items: {
      travel: 'Viaje',
      accommodation: 'Alojamiento',
      meals: 'Comidas',
      visaFees: 'Tasas de visado',
      perDiem: 'Per diem',
    },
    payers: {
      none: 'No se indica',
      organisers: 'La organización que invita',
      sending_organisation: 'La organización de la persona',
      participant: 'La propia persona',
    },
    stayAddress: 'Lugar de alojamiento',
    stayAddressHint:
      'Nombre y dirección del hotel, que se usan cuando la página de alojamiento no tiene hotel para la persona.',
    save: 'Guardar los ajustes de la carta',
    saved: 'Los ajustes de la carta se han guardado.',
    updatedAt: (when) => `Guardado el ${when}.`,
    errors: {
      image_type: 'Este archivo no es una imagen PNG o JPEG.',
      image_too_large: 'Esta imagen supera los 512 KB.',
      image_unreadable: 'Esta imagen no se puede leer; guárdela de nuevo en PNG o JPEG.',
      image_empty: 'Este archivo está vacío.',
    },
  },
};
