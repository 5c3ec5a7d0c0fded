/*
 * The lib's public face: what domain libs, the two apps, tests and the bench use. The
 * sending side (queue, processor, transport: bullmq and nodemailer) is in `#messaging/worker`
 * (worker.ts), which only the worker imports, so the API does not load them.
 */
export * from './message.entity.js';
export * from './template-names.js';
export * from './outbox.service.js';
export * from './outbox-wake.js';
export * from './messaging.module.js';
export * from './payloads.js';
export * from './templates/render.js';
export * from './announcements/announcement.dto.js';
export * from './announcements/announcements.service.js';
export * from './messages/message.dto.js';
export * from './messages/messages.service.js';
export * from './messages.module.js';
export * from './templates/format.js';
export * from './unsubscribe/unsubscribe.service.js';
