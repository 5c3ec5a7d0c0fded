/** English wording of the console-messages pages: the reference every other language matches key for key. */
export const consoleMessages = {};

export type ConsoleMessagesMessages = typeof consoleMessages;
