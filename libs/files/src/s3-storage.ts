import { assertKey, type FileStorage } from './file-storage.js';
import {
  EMPTY_PAYLOAD_SHA256,
  encodePath,
  type S3Credentials,
  sha256Hex,
  signS3Request,
} from './s3-signer.js';

export interface S3StorageOptions extends S3Credentials {
  /** https://s3.eu-west-3.amazonaws.com, http://127.0.0.1:9000 (MinIO), any S3-compatible store. */
  endpoint: string;
  bucket: string;
  /** Prefix for every object name, such as "convene/". */
  prefix?: string;
}

/**
 * An S3-compatible bucket through plain fetch and SigV4 (path-style URLs, which MinIO,
 * Garage, Ceph and AWS all accept): three calls did not justify the AWS SDK's weight.
 */
export class S3Storage implements FileStorage {
  readonly kind = 's3';

  constructor(
    private readonly options: S3StorageOptions,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private url(key: string): URL {
    assertKey(key);
    const base = this.options.endpoint.replace(/\/+$/, '');
    return new URL(
      `${base}/${encodePath(this.options.bucket)}/${encodePath(`${this.options.prefix ?? ''}${key}`)}`,
    );
  }

  private async send(method: string, key: string, body?: Buffer, contentType?: string) {
    const url = this.url(key);
    const headers = signS3Request(
      {
        method,
        url,
        headers: contentType ? { 'content-type': contentType } : {},
        payloadSha256: body ? sha256Hex(body) : EMPTY_PAYLOAD_SHA256,
      },
      this.options,
    );
    delete headers.host; // fetch sets it from the URL
    return this.fetchImpl(url, { method, headers, body: body ? new Uint8Array(body) : undefined });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const res = await this.send('PUT', key, bytes, contentType);
    if (!res.ok) throw new Error(`S3 PUT ${key} failed: ${res.status} ${await res.text()}`);
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.send('GET', key);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`S3 GET ${key} failed: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${res.status}`);
  }
}
