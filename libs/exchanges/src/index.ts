export * from './exchange-state.js';
export * from './exchange-for-event.js';
export * from './exchanges.entities.js';
