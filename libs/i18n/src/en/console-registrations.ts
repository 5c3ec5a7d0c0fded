/** English wording of the console-registrations pages: the reference every other language matches key for key. */
export const consoleRegistrations = {};

export type ConsoleRegistrationsMessages = typeof consoleRegistrations;
