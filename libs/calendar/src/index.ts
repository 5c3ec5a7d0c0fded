export * from './calendar-feed.entity.js';
export * from './calendar-feeds.service.js';
export * from './calendar.service.js';
export * from './calendar.module.js';
export * from './dto/calendar-token.dto.js';
