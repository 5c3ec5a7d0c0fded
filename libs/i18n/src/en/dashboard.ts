/** English wording of the dashboard pages: the reference every other language matches key for key. */
export const dashboard = {};

export type DashboardMessages = typeof dashboard;
