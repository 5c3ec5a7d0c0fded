export * from './agenda-materials.service.js';
export * from './audience.js';
export * from './directory.service.js';
export * from './material-types.js';
export * from './materials.service.js';
export * from './sharing.entities.js';
export * from './sharing.module.js';
export * from './dto/directory.dto.js';
