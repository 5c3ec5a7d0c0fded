/** English wording of the calendar pages: the reference every other language matches key for key. */
export const calendar = {};

export type CalendarMessages = typeof calendar;
