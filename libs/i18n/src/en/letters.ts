import { num } from './num.js';

/** English wording of the invitation letter pages (settings in the console, the participant's request). */
export const letters = {
  request: {
    title: 'Details for your invitation letter',
    lead: 'The consulate needs these to check your visa application. They are used only for the letter, stored encrypted, and erased with your passport details.',
    birthDate: 'Date of birth',
    passportIssuedOn: 'Passport issue date',
    passportIssuedOnHint: 'As printed on the page with your photo.',
    consulateCountry: 'Country of the consulate',
    consulateCountryHint: 'Where you will apply for the visa: usually the country where you live.',
    consulateCity: 'City of the consulate',
    consulateCityHint: 'For example Dakar, Kinshasa or Phnom Penh.',
    submit: 'Ask for my invitation letter',
    update: 'Save the letter details',
    change: 'Change the letter details',
    onFile: 'Letter details on file',
    consulateLine: (city: string, country: string) => `${city} (${country})`,
    needsPassport:
      'Enter your passport first (country, number and expiry date): the letter needs it.',
    saved: 'Your letter details are saved. The organisers will issue your letter.',
    errors: {
      birthDate: 'Enter your date of birth, a date in the past.',
      passportIssuedOn:
        'Enter the date your passport was issued: not in the future, and before it expires.',
      consulateCountry: 'Choose the country of the consulate.',
      consulateCity: 'Enter the city of the consulate.',
    },
  },
  settings: {
    title: 'Invitation letter',
    lead: 'What every invitation letter of this event says besides the participant’s own details: who invites, who signs, who pays. Consulates read it with the passport.',
    letterhead: 'Letterhead of the inviting organisation',
    orgName: 'Organisation name',
    orgAddress: 'Address',
    orgAddressHint: 'One line per line of the letterhead.',
    orgPhone: 'Phone',
    orgEmail: 'Email',
    logo: 'Logo',
    imageHint: 'PNG or JPEG, at most 512 KB.',
    imageOnFile: (type: string, kb: number) => `On file: ${type}, ${num(kb)} KB.`,
    removeLogo: 'Remove the logo',
    signatory: 'Who signs',
    signatoryName: 'Name of the signatory',
    signatoryTitle: 'Title',
    signatoryTitleHint: 'For example President or Director.',
    signature: 'Signature image',
    removeSignature: 'Remove the signature image',
    consulate: 'The consulate',
    consulateHint:
      'How the letter names the consulate, without an article. The letter adds “For the attention of”, and the city and country each participant gave. Left empty: the consulate of the venue’s country.',
    wordingFr: 'In French',
    wordingEn: 'In English',
    wordingEs: 'In Spanish',
    bilingual: (language: string) =>
      `Bilingual letter: the participant’s language, then ${language}`,
    bilingualHint: 'The second language is the one the host country’s administration reads.',
    languages: { fr: 'French', en: 'English', es: 'Spanish' },
    coverage: 'Who pays',
    coverageHint:
      'Stated in every letter, unless the event’s finance page says it per participant.',
    items: {
      travel: 'Travel',
      accommodation: 'Accommodation',
      meals: 'Meals',
      visaFees: 'Visa fees',
      perDiem: 'Per diem',
    },
    payers: {
      none: 'Not stated',
      organisers: 'The inviting organisation',
      sending_organisation: 'The participant’s organisation',
      participant: 'The participant',
    },
    stayAddress: 'Where participants stay',
    stayAddressHint:
      'Hotel name and address, used when the accommodation page has no hotel for the person.',
    save: 'Save the letter settings',
    saved: 'The letter settings have been saved.',
    updatedAt: (when: string) => `Last saved ${when}.`,
    errors: {
      image_type: 'This file is not a PNG or JPEG image.',
      image_too_large: 'This image is larger than 512 KB.',
      image_unreadable: 'This image cannot be read; save it again as PNG or JPEG.',
      image_empty: 'This file is empty.',
    },
  },
};

export type LettersMessages = typeof letters;
