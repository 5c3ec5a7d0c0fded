/** English wording of the console-visas pages: the reference every other language matches key for key. */
export const consoleVisas = {};

export type ConsoleVisasMessages = typeof consoleVisas;
