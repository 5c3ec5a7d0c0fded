import { Global, Module } from '@nestjs/common';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import { LocalDiskStorage } from './local-disk-storage.js';
import { S3Storage } from './s3-storage.js';

/**
 * The file store from the environment: an S3-compatible bucket when S3_BUCKET is set
 * (with S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_PREFIX),
 * else the local directory FILES_DIR (default var/files). Refuses a half-set S3 config.
 */
export function fileStorageFromEnv(env: NodeJS.ProcessEnv = process.env): FileStorage {
  if (env.S3_BUCKET) {
    const needed = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
    const missing = needed.filter((n) => !env[n]);
    if (missing.length > 0) {
      throw new Error(
        `S3_BUCKET is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not`,
      );
    }
    return new S3Storage({
      endpoint: env.S3_ENDPOINT!,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION || 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      prefix: env.S3_PREFIX,
    });
  }
  return new LocalDiskStorage(env.FILES_DIR || 'var/files');
}

@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, useFactory: () => fileStorageFromEnv() }],
  exports: [FILE_STORAGE],
})
export class FilesModule {}
