import type { DashboardMessages } from '../en/dashboard.js';

export const dashboard: DashboardMessages = {};
