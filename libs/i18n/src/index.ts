export * from './catalogue.js';
export * from './count-format.js';
