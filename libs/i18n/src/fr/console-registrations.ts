import type { ConsoleRegistrationsMessages } from '../en/console-registrations.js';

export const consoleRegistrations: ConsoleRegistrationsMessages = {};
