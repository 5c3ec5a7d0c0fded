import type { AgendaMessages } from '../en/agenda.js';

export const agenda: AgendaMessages = {};
