import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { sign as aws4Sign } from 'aws4';
import S3rver from 's3rver';

/** s3rver accepts only its built-in key pair. */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1' };

export interface S3TestServer {
  /** The verifying front: point stores here. */
  endpoint: string;
  /** s3rver's data folder: `<dir>/<bucket>/<key>._S3rver_object`. */
  dir: string;
  /** `METHOD /path status` of every request the front answered, in order. */
  log: string[];
  /** The x-amz-content-sha256 each accepted request signed, in order, as `METHOD /path hash`. */
  payloadHashes: string[];
  objectFile(bucket: string, key: string): string;
  /** A signed request through the front: bucket creation, or a forged upload. */
  send(method: string, path: string, body: Buffer, payloadHash: string): Promise<{ status: number; text: string }>;
  createBucket(name: string): Promise<void>;
  stop(): Promise<void>;
}

const xmlError = (res: http.ServerResponse, status: number, code: string, message: string) => {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
};

const AUTH_RE =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * A real S3-compatible server (s3rver 3.7.1, files in a temp folder) behind a front that checks what
 * s3rver does not: s3rver 3.7.1 only parses SigV4 Authorization headers ("Signature version 4
 * calculation is unimplemented" in its source) and never compares the body with
 * x-amz-content-sha256. The front recomputes every signature with an independent signer (the aws4
 * package) and refuses a body whose SHA-256 differs from the signed payload hash, as S3 does,
 * answering with S3's error codes; accepted requests go on to s3rver unchanged.
 */
export async function startS3TestServer(): Promise<S3TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir });
  const inner = await s3rver.run();
  const log: string[] = [];
  const payloadHashes: string[] = [];

  const front = http.createServer(async (req, res) => {
    const body = Buffer.concat(await req.toArray());
    const answer = (status: number, code: string, message: string) => {
      log.push(`${req.method} ${req.url} ${status}`);
      xmlError(res, status, code, message);
    };
    const auth = AUTH_RE.exec(String(req.headers.authorization ?? ''));
    if (!auth) return answer(403, 'AccessDenied', 'a SigV4 Authorization header is required');
    const [, accessKeyId, , region, signedNames, signature] = auth;
    if (accessKeyId !== S3_TEST_CREDENTIALS.accessKeyId) return answer(403, 'InvalidAccessKeyId', 'unknown access key');
    const names = signedNames.split(';');
    for (const required of ['host', 'x-amz-date', 'x-amz-content-sha256'])
      if (!names.includes(required)) return answer(403, 'SignatureDoesNotMatch', `${required} must be signed`);
    const signed: Record<string, string> = {};
    for (const n of names) {
      const v = req.headers[n];
      if (v === undefined) return answer(403, 'SignatureDoesNotMatch', `signed header ${n} was not sent`);
      signed[n] = String(v);
    }
    // sign(), not RequestSigner#signature() alone: only sign() reads the date from x-amz-date first.
    const resigned = aws4Sign(
      { service: 's3', region, method: req.method, path: req.url, headers: signed },
      { accessKeyId, secretAccessKey: S3_TEST_CREDENTIALS.secretAccessKey },
    );
    const expected = /Signature=([0-9a-f]{64})$/.exec(String(resigned.headers?.Authorization))?.[1];
    if (expected !== signature)
      return answer(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      );
    const declared = signed['x-amz-content-sha256'];
    if (/^[0-9a-f]{64}$/.test(declared) && createHash('sha256').update(body).digest('hex') !== declared)
      return answer(
        400,
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
      );
    payloadHashes.push(`${req.method} ${req.url} ${declared}`);

    const forward = http.request(
      { host: inner.address, port: inner.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        log.push(`${req.method} ${req.url} ${up.statusCode}`);
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', (e) => answer(502, 'BadGateway', e.message));
    forward.end(body);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;

  const send = (method: string, p: string, body: Buffer, payloadHash: string) => {
    const url = new URL(`${endpoint}${p}`);
    const { headers } = aws4Sign(
      {
        service: 's3',
        region: S3_TEST_CREDENTIALS.region,
        method,
        host: url.host,
        path: p,
        headers: { 'content-length': String(body.length), 'x-amz-content-sha256': payloadHash },
      },
      S3_TEST_CREDENTIALS,
    );
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(url, { method, headers }, async (res) => {
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(await res.toArray()).toString() });
      });
      req.on('error', reject);
      req.end(body);
    });
  };

  return {
    endpoint,
    dir,
    log,
    payloadHashes,
    objectFile: (bucket, key) => path.join(dir, bucket, `${key}._S3rver_object`),
    send,
    async createBucket(name) {
      const empty = Buffer.alloc(0);
      const r = await send('PUT', `/${name}`, empty, createHash('sha256').update(empty).digest('hex'));
      if (r.status !== 200) throw new Error(`creating bucket ${name}: ${r.status} ${r.text}`);
    },
    async stop() {
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      front.closeAllConnections();
      await closed;
      await s3rver.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
