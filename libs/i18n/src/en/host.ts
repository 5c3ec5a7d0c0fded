/** English wording of the host pages: the reference every other language matches key for key. */
export const host = {};

export type HostMessages = typeof host;
