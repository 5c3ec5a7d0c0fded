export * from './organisation.entity.js';
export * from './organisations.service.js';
export * from './organisations.module.js';
export * from './dto/organisation.dto.js';
