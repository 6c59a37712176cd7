import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { BlobHashMismatch, meter, type BlobStore } from './store.js';
import { EMPTY_SHA256, signRequest, type SigV4Credentials } from './sigv4.js';

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

/** Reads an S3 error document (`<Error><Code>…</Code><Message>…</Message></Error>`); HEAD answers have none. */
async function failure(operation: string, res: http.IncomingMessage): Promise<S3Error> {
  let xml = '';
  res.setEncoding('utf8');
  for await (const chunk of res) if (xml.length < 16_384) xml += chunk;
  const tag = (name: string) => xml.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1] ?? '';
  const status = res.statusCode ?? 0;
  return new S3Error(operation, status, tag('Code') || http.STATUS_CODES[status] || 'Error', tag('Message'));
}

/**
 * Attachments in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode), one object
 * per SHA-256, requests signed with Signature V4. Same contract as FsBlobStore: nothing is stored
 * unless it hashes to its name, and nothing is served that does not.
 */
export class S3BlobStore implements BlobStore {
  private readonly base: string;
  private readonly creds: SigV4Credentials;
  private readonly tmpDir: string;
  private readonly idleTimeoutMs: number;

  constructor(private readonly c: S3StoreConfig) {
    const url = new URL(c.endpoint);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`S3_ENDPOINT: must be an http(s) URL, not ${c.endpoint}`);
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    this.creds = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, region: c.region };
    this.tmpDir = c.tmpDir ?? os.tmpdir();
    fs.mkdirSync(this.tmpDir, { recursive: true });
    this.idleTimeoutMs = c.idleTimeoutMs ?? 60_000;
  }

  private objectUrl(sha: string): URL {
    return new URL(`${this.base}/${encodeURIComponent(this.c.bucket)}/${sha}`);
  }

  private tmpFile(kind: string): string {
    return path.join(this.tmpDir, `s3-${kind}-${randomUUID()}`);
  }

  /** One signed request; resolves with the response as soon as its head arrives. */
  private send(
    method: 'HEAD' | 'GET' | 'PUT' | 'DELETE', sha: string, payloadHash: string, upload?: { file: string; size: number },
  ) {
    const url = this.objectUrl(sha);
    const extra: Record<string, string> = upload ? { 'content-length': String(upload.size) } : {};
    const { headers } = signRequest({ method, url, headers: extra, payloadHash }, this.creds);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = client.request(url, { method, headers, timeout: this.idleTimeoutMs }, resolve);
      req.on('timeout', () => req.destroy(new Error(`S3 ${method} ${url.pathname}: nothing moved for ${this.idleTimeoutMs} ms`)));
      req.on('error', reject);
      if (upload) pipeline(fs.createReadStream(upload.file), req).catch(reject);
      else req.end();
    });
  }

  async has(sha: string): Promise<boolean> {
    const res = await this.send('HEAD', sha, EMPTY_SHA256);
    res.resume();
    if (res.statusCode === 200) return true;
    if (res.statusCode === 404) return false;
    throw await failure(`HEAD /${this.c.bucket}/${sha}`, res);
  }

  async put(sha256: string, body: Readable, maxBytes: number) {
    // Staged in a temp file, then uploaded: the simplest way that is correct with any S3-compatible
    // service. The size and hash are checked before a byte reaches the bucket (S3 itself refuses a
    // body that does not match x-amz-content-sha256, but not every compatible service checks it),
    // and a single PUT needs the Content-Length that a chunked upload from a client does not give.
    // Streaming straight through would need aws-chunked signing and still leave the check to the service.
    const tmp = this.tmpFile('put');
    const m = meter(maxBytes);
    try {
      await pipeline(body, m.t, fs.createWriteStream(tmp, { flags: 'wx' }));
      const actual = m.digest();
      if (actual !== sha256) throw new BlobHashMismatch(sha256, actual);
      if (await this.has(sha256)) return { size: m.size(), created: false };
      // The payload hash signed is the blob's name: the service refuses the body if it differs.
      const res = await this.send('PUT', sha256, sha256, { file: tmp, size: m.size() });
      if (res.statusCode !== 200) throw await failure(`PUT /${this.c.bucket}/${sha256}`, res);
      res.resume();
      return { size: m.size(), created: true };
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  async delete(sha256: string) {
    const res = await this.send('DELETE', sha256, EMPTY_SHA256);
    // S3 answers 204 whether or not the key existed; some compatible services answer 404 NoSuchKey for an absent one.
    if (res.statusCode === 204 || res.statusCode === 200) return void res.resume();
    const err = await failure(`DELETE /${this.c.bucket}/${sha256}`, res);
    if (err.status !== 404 || err.code !== 'NoSuchKey') throw err;
  }

  async get(sha256: string) {
    const res = await this.send('GET', sha256, EMPTY_SHA256);
    if (res.statusCode !== 200) {
      const err = await failure(`GET /${this.c.bucket}/${sha256}`, res);
      if (err.status === 404 && err.code === 'NoSuchKey') return null;
      throw err; // NoSuchBucket, AccessDenied, …: a misconfiguration, not an absent attachment
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
