import type { MydataMessages } from '../en/mydata.js';

export const mydata: MydataMessages = {};
