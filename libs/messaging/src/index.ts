export * from './message.entity.js';
export * from './template-names.js';
export * from './outbox.service.js';
export * from './messaging.module.js';
export * from './payloads.js';
