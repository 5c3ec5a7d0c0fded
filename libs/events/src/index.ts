export * from './event.entity.js';
export * from './event-staff.entity.js';
export * from './event.view.js';
export * from './event-access.service.js';
export * from './events.service.js';
export * from './events.module.js';
export * from './slug.js';
export * from './dto/event.dto.js';
