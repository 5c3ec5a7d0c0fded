export * from './personal-data-retention.service.js';
export * from './account-erasure.service.js';
export * from './retention.module.js';
export * from './privacy.module.js';
export * from './personal-data-export.service.js';
