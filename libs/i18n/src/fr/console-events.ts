import type { ConsoleEventsMessages } from '../en/console-events.js';

export const consoleEvents: ConsoleEventsMessages = {};
