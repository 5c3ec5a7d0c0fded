export * from './vtimezone.js';
export * from './calendar-file.js';
export * from './session-item.js';
export * from './place-names.js';
