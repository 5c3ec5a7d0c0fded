import type { TravelMessages } from '../en/travel.js';

export const travel: TravelMessages = {};
