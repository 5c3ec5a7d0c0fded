/** English wording of the console-shell pages: the reference every other language matches key for key. */
export const consoleShell = {};

export type ConsoleShellMessages = typeof consoleShell;
