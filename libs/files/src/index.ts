export * from './file-storage.js';
export * from './file-types.js';
export * from './local-disk-storage.js';
export * from './s3-signer.js';
export * from './s3-storage.js';
export * from './files.module.js';
