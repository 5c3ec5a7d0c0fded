import type { ConsoleAgendaMessages } from '../en/console-agenda.js';

export const consoleAgenda: ConsoleAgendaMessages = {};
