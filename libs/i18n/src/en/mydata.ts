/** English wording of the mydata pages: the reference every other language matches key for key. */
export const mydata = {};

export type MydataMessages = typeof mydata;
