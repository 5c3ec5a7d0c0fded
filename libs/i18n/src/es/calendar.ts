import type { CalendarMessages } from '../en/calendar.js';

export const calendar: CalendarMessages = {};
