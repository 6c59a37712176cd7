import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { S3Client } from '@aws-sdk/client-s3';
import { logger } from '@tsp/shared';

import { BlobHashMismatch, type BlobStore, meter } from './store.js';

export interface S3StoreConfig {
  /** Base URL of the S3-compatible service; objects are addressed path-style, `<endpoint>/<bucket>/<sha256>`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where bodies are staged while they are hashed (default: the OS temp folder). */
  tmpDir?: string;
  /** A request fails after this long without any byte moving (default 60 s). */
  idleTimeoutMs?: number;
}

/** An S3 answer other than the expected one, carrying S3's own error code and message. */
export class S3Error extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(`S3 ${operation} answered ${status} ${code}${detail ? `: ${detail}` : ''}`);
  }
}

type Sdk = typeof import('@aws-sdk/client-s3');

const log = logger('records:s3');
/**
 * The SDK's warnings through pino, not console. Its per-request lines are dropped, and its line for every
 * failed request (a HEAD for a new upload answers 404) is debug: the store's callers report real failures.
 */
const sdkLogger = {
  debug: () => {},
  info: () => {},
  warn: (...content: unknown[]) => log.warn({ sdk: content }, 'AWS SDK warning'),
  error: (...content: unknown[]) => log.debug({ sdk: content }, 'AWS SDK request failed'),
};

const hasHeaders = (r: unknown): r is { headers: Record<string, string> } =>
  typeof r === 'object' && r !== null && 'headers' in r && typeof r.headers === 'object' && r.headers !== null;

/**
 * Attachments in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode), one object
 * per SHA-256, through the AWS SDK. Same contract as FsBlobStore: nothing is stored unless it hashes
 * to its name, and nothing is served that does not.
 */
export class S3BlobStore implements BlobStore {
  private readonly endpoint: string;
  private readonly tmpDir: string;
  private readonly idleTimeoutMs: number;
  /** Loaded on first use: only BLOB_STORE=s3 pays for the SDK (measured 65–150 ms and 7–22 MB more RSS). */
  private sdk?: Promise<{ sdk: Sdk; client: S3Client }>;

  constructor(private readonly c: S3StoreConfig) {
    const url = new URL(c.endpoint);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`S3_ENDPOINT: must be an http(s) URL, not ${c.endpoint}`);
    this.endpoint = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    this.tmpDir = c.tmpDir ?? os.tmpdir();
    fs.mkdirSync(this.tmpDir, { recursive: true });
    this.idleTimeoutMs = c.idleTimeoutMs ?? 60_000;
  }

  private client() {
    this.sdk ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: this.endpoint,
        forcePathStyle: true,
        region: this.c.region,
        credentials: { accessKeyId: this.c.accessKeyId, secretAccessKey: this.c.secretAccessKey },
        // One attempt, as a staged body is sent once; the caller (an upload, the sweeper) tries again.
        maxAttempts: 1,
        logger: sdkLogger,
        // No CRC trailers (aws-chunked encoding): not every S3-compatible service accepts them, and the
        // body's SHA-256 is signed instead (see put).
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: { connectionTimeout: this.idleTimeoutMs, socketTimeout: this.idleTimeoutMs },
      }),
    }));
    return this.sdk;
  }

  /** Runs one request, mapping a service error to S3Error and a stalled one to a plain message. */
  private async send<T>(operation: string, sha: string, run: (s3: S3Client, sdk: Sdk) => Promise<T>): Promise<T> {
    const { sdk, client } = await this.client();
    const label = `${operation} /${this.c.bucket}/${sha}`;
    try {
      return await run(client, sdk);
    } catch (e) {
      if (e instanceof sdk.S3ServiceException) {
        const status = e.$metadata.httpStatusCode ?? 0;
        // HEAD answers carry no error document: the SDK names them by status ("NotFound") or not at all.
        const known = /^[A-Za-z]+$/.test(e.name) && e.name !== 'UnknownError';
        const code = known ? e.name : (http.STATUS_CODES[status] ?? 'Error');
        throw new S3Error(label, status, code, e.message === e.name || e.message === 'UnknownError' ? '' : e.message);
      }
      if (e instanceof Error && e.name === 'TimeoutError')
        throw new Error(`S3 ${label}: nothing moved for ${this.idleTimeoutMs} ms`, { cause: e });
      throw e;
    }
  }

  private tmpFile(kind: string): string {
    return path.join(this.tmpDir, `s3-${kind}-${randomUUID()}`);
  }

  async has(sha: string): Promise<boolean> {
    try {
      await this.send('HEAD', sha, (s3, sdk) =>
        s3.send(new sdk.HeadObjectCommand({ Bucket: this.c.bucket, Key: sha })),
      );
      return true;
    } catch (e) {
      if (e instanceof S3Error && e.status === 404) return false;
      throw e;
    }
  }

  async put(sha256: string, body: Readable, maxBytes: number) {
    // Staged in a temp file, then uploaded: the simplest way that is correct with any S3-compatible
    // service. The size and hash are checked before a byte reaches the bucket (S3 itself refuses a
    // body that does not match x-amz-content-sha256, but not every compatible service checks it),
    // and a single PUT needs the Content-Length that a chunked upload from a client does not give.
    const tmp = this.tmpFile('put');
    const m = meter(maxBytes);
    try {
      await pipeline(body, m.t, fs.createWriteStream(tmp, { flags: 'wx' }));
      const actual = m.digest();
      if (actual !== sha256) throw new BlobHashMismatch(sha256, actual);
      if (await this.has(sha256)) return { size: m.size(), created: false };
      await this.send('PUT', sha256, (s3, sdk) => {
        const cmd = new sdk.PutObjectCommand({
          Bucket: this.c.bucket,
          Key: sha256,
          Body: fs.createReadStream(tmp),
          ContentLength: m.size(),
        });
        // The payload hash signed is the blob's name: the service refuses the body if it differs. The SDK
        // would sign a stream as UNSIGNED-PAYLOAD; a hash already in the headers is the one it signs.
        cmd.middlewareStack.add(
          (next) => (args) => {
            if (hasHeaders(args.request)) args.request.headers['x-amz-content-sha256'] = sha256;
            return next(args);
          },
          { step: 'build', name: 'signBlobHash' },
        );
        return s3.send(cmd);
      });
      return { size: m.size(), created: true };
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  async delete(sha256: string) {
    try {
      // S3 answers 204 whether or not the key existed; some compatible services answer 404 NoSuchKey for an absent one.
      await this.send('DELETE', sha256, (s3, sdk) =>
        s3.send(new sdk.DeleteObjectCommand({ Bucket: this.c.bucket, Key: sha256 })),
      );
    } catch (e) {
      if (!(e instanceof S3Error) || e.status !== 404 || e.code !== 'NoSuchKey') throw e;
    }
  }

  async get(sha256: string) {
    let res: Readable;
    try {
      const out = await this.send('GET', sha256, (s3, sdk) =>
        s3.send(new sdk.GetObjectCommand({ Bucket: this.c.bucket, Key: sha256 })),
      );
      if (!(out.Body instanceof Readable))
        throw new Error(`S3 GET /${this.c.bucket}/${sha256}: the body is not a stream`);
      res = out.Body;
    } catch (e) {
      if (e instanceof S3Error && e.status === 404 && e.code === 'NoSuchKey') return null;
      throw e; // NoSuchBucket, AccessDenied, …: a misconfiguration, not an absent attachment
    }
    // Staged so the reader gets exactly the bytes whose hash was checked, never altered evidence.
    const tmp = this.tmpFile('get');
    const m = meter(Number.POSITIVE_INFINITY);
    try {
      await pipeline(res, m.t, fs.createWriteStream(tmp, { flags: 'wx' }));
      const actual = m.digest();
      if (actual !== sha256) throw new BlobHashMismatch(sha256, actual);
      // Opened before the name is removed (finally): the bytes live as long as the reader's handle.
      const handle = await fs.promises.open(tmp, 'r');
      return handle.createReadStream();
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
}
