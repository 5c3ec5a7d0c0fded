/** English wording of the console-events pages: the reference every other language matches key for key. */
export const consoleEvents = {};

export type ConsoleEventsMessages = typeof consoleEvents;
