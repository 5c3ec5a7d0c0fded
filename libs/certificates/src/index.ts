export * from './attendance.js';
export * from './certificate-text.js';
export * from './certificate-pdf.js';
export * from './certificates.service.js';
export * from './document-verifications.service.js';
export * from './certificates.module.js';
