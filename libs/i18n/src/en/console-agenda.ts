/** English wording of the console-agenda pages: the reference every other language matches key for key. */
export const consoleAgenda = {};

export type ConsoleAgendaMessages = typeof consoleAgenda;
