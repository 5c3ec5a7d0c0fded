import type { ConsoleMessagesMessages } from '../en/console-messages.js';

export const consoleMessages: ConsoleMessagesMessages = {};
