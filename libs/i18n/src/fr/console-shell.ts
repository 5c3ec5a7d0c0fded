import type { ConsoleShellMessages } from '../en/console-shell.js';

export const consoleShell: ConsoleShellMessages = {};
