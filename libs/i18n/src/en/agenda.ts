/** English wording of the agenda pages: the reference every other language matches key for key. */
export const agenda = {};

export type AgendaMessages = typeof agenda;
