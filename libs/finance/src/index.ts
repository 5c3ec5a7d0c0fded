export * from './money.js';
export * from './payers.js';
export * from './coverage.entity.js';
export * from './cost-item.entity.js';
export * from './coverage.js';
export * from './coverage.service.js';
export * from './finance.module.js';
export * from './dto/coverage.dto.js';
