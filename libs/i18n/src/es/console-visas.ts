import type { ConsoleVisasMessages } from '../en/console-visas.js';

export const consoleVisas: ConsoleVisasMessages = {};
