/** English wording of the registration pages: the reference every other language matches key for key. */
export const registration = {};

export type RegistrationMessages = typeof registration;
