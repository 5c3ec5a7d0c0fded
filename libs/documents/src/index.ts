export * from './fonts.js';
export * from './text-runs.js';
export * from './pdf.js';
export * from './qr.js';
export * from './rule.js';
