import type { HostMessages } from '../en/host.js';

export const host: HostMessages = {};
