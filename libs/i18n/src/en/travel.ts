/** English wording of the travel pages: the reference every other language matches key for key. */
export const travel = {};

export type TravelMessages = typeof travel;
