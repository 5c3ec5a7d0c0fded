import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sniffType } from './file-types.js';
import { fileStorageFromEnv } from './files.module.js';
import { LocalDiskStorage } from './local-disk-storage.js';
import { EMPTY_PAYLOAD_SHA256, sha256Hex, signS3Request } from './s3-signer.js';
import { S3Storage } from './s3-storage.js';

// The examples of AWS's "Signature Calculations for the Authorization Header" page.
const AWS_EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};
const WHEN = new Date('2013-05-24T00:00:00Z');

describe('S3 SigV4', () => {
  it("signs AWS's GET object example", () => {
    const headers = signS3Request(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { Range: 'bytes=0-9' },
        payloadSha256: EMPTY_PAYLOAD_SHA256,
      },
      AWS_EXAMPLE,
      WHEN,
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it("signs AWS's PUT object example", () => {
    const headers = signS3Request(
      {
        method: 'PUT',
        url: new URL('https://examplebucket.s3.amazonaws.com/test%24file.text'),
        headers: {
          Date: 'Fri, 24 May 2013 00:00:00 GMT',
          'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        },
        payloadSha256: sha256Hex('Welcome to Amazon S3.'),
      },
      AWS_EXAMPLE,
      WHEN,
    );
    expect(headers.authorization).toMatch(
      /Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd$/,
    );
  });

  it('puts, gets and deletes through a bucket at a path-style URL', async () => {
    const objects = new Map<string, Buffer>();
    const seen: string[] = [];
    const server: Server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization?.slice(0, 16)}`);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (req.headers['x-amz-content-sha256'] !== sha256Hex(body)) res.statusCode = 400;
        else if (req.method === 'PUT') objects.set(req.url!, body);
        else if (req.method === 'DELETE') objects.delete(req.url!);
        else if (objects.has(req.url!)) return res.end(objects.get(req.url!));
        else res.statusCode = 404;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const s3 = new S3Storage({
        ...AWS_EXAMPLE,
        endpoint: `http://127.0.0.1:${port}`,
        bucket: 'convene',
        prefix: 'receipts/',
      });
      await s3.put('ev/r1.pdf', Buffer.from('%PDF-1.4'), 'application/pdf');
      expect((await s3.get('ev/r1.pdf'))?.toString()).toBe('%PDF-1.4');
      await s3.delete('ev/r1.pdf');
      expect(await s3.get('ev/r1.pdf')).toBeNull();
      expect(seen[0]).toBe('PUT /convene/receipts/ev/r1.pdf AWS4-HMAC-SHA256');
    } finally {
      server.close();
    }
  });
});

describe('local disk and the choice of store', () => {
  it('stores files under its directory and refuses keys that climb out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'convene-files-'));
    try {
      const disk = new LocalDiskStorage(dir);
      await disk.put('a/b.png', Buffer.from('x'));
      expect((await disk.get('a/b.png'))?.toString()).toBe('x');
      expect(await disk.get('a/none.png')).toBeNull();
      await expect(disk.put('../escape', Buffer.from('x'))).rejects.toThrow(/Invalid storage key/);
      await expect(disk.get('/etc/passwd')).rejects.toThrow(/Invalid storage key/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('picks S3 only when fully configured', () => {
    expect(fileStorageFromEnv({}).kind).toBe('local');
    expect(() => fileStorageFromEnv({ S3_BUCKET: 'b' })).toThrow(/S3_ENDPOINT/);
    const s3 = fileStorageFromEnv({
      S3_BUCKET: 'b',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
    });
    expect(s3.kind).toBe('s3');
  });

  it('tells PDF, JPEG and PNG by their first bytes, whatever the name', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffType(Buffer.from('MZ\x90\x00'))).toBeNull();
  });
});
