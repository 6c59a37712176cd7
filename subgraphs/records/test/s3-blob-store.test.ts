import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';

import { S3BlobStore, S3Error } from '../src/blobs/s3-store';
import { blobStoreContract } from './blob-store-contract';
import { S3_TEST_CREDENTIALS, type S3TestServer, startS3TestServer } from './s3-test-server';

let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3TestServer();
});
afterAll(async () => s3?.stop());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function newBucket(): Promise<string> {
  const bucket = `evidence-${randomUUID().slice(0, 8)}`;
  await s3.createBucket(bucket);
  return bucket;
}

function storeIn(bucket: string, tmpDir: string, secretAccessKey = S3_TEST_CREDENTIALS.secretAccessKey) {
  return new S3BlobStore({
    endpoint: s3.endpoint,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey,
    tmpDir,
  });
}

describe('S3BlobStore on s3rver behind a SigV4-verifying front', () => {
  blobStoreContract(async () => {
    const bucket = await newBucket();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 's3-staging-'));
    return {
      store: storeIn(bucket, tmp),
      tamper: async (h, bytes) => {
        fs.writeFileSync(s3.objectFile(bucket, h), bytes);
        fs.rmSync(`${s3.objectFile(bucket, h)}.md5`, { force: true }); // s3rver's cached ETag
      },
      leftovers: () => fs.readdirSync(tmp),
      cleanup: async () => fs.rmSync(tmp, { recursive: true, force: true }),
    };
  });
});

describe('S3BlobStore requests', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 's3-staging-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('a blob already in the bucket is not uploaded again: HEAD, no PUT', async () => {
    const bucket = await newBucket();
    const store = storeIn(bucket, tmp);
    const body = Buffer.from('询问笔录 scan');
    const h = sha(body);
    await store.put(h, Readable.from([body]), 1000);
    const before = s3.log.length;
    expect(await store.put(h, Readable.from([body]), 1000)).toEqual({ size: body.length, created: false });
    expect(s3.log.slice(before)).toEqual([`HEAD /${bucket}/${h} 200`]);
  });

  test('the signed payload hash is the blob name, so the service refuses other bytes under it', async () => {
    const bucket = await newBucket();
    const h = sha(Buffer.from('the real evidence'));
    const forged = await s3.send('PUT', `/${bucket}/${h}`, Buffer.from('forged evidence'), h);
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
    expect(await storeIn(bucket, tmp).get(h)).toBeNull();
  });

  test('an upload signs the blob name as its payload hash, not UNSIGNED-PAYLOAD', async () => {
    const bucket = await newBucket();
    const body = Buffer.from('现场笔录 signed');
    const h = sha(body);
    await storeIn(bucket, tmp).put(h, Readable.from([body]), 1000);
    expect(s3.payloadHashes.filter((l) => l.startsWith('PUT '))).toContainEqual(
      expect.stringMatching(new RegExp(`^PUT /${bucket}/${h}\\S* ${h}$`)),
    );
  });

  test('a wrong secret is refused by the service and reported with its S3 error code', async () => {
    const bucket = await newBucket();
    const store = storeIn(bucket, tmp, 'not-the-secret');
    const err = await store.get('b'.repeat(64)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(S3Error);
    expect(err).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect((err as Error).message).toContain(`GET /${bucket}/${'b'.repeat(64)} answered 403 SignatureDoesNotMatch`);
    const body = Buffer.from('x');
    await expect(store.put(sha(body), Readable.from([body]), 10)).rejects.toMatchObject({ status: 403 });
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  test('a missing bucket is an error, not an absent attachment', async () => {
    const store = storeIn('no-such-bucket', tmp);
    await expect(store.get('c'.repeat(64))).rejects.toMatchObject({ status: 404, code: 'NoSuchBucket' });
    const body = Buffer.from('y');
    await expect(store.put(sha(body), Readable.from([body]), 10)).rejects.toMatchObject({ code: 'NoSuchBucket' });
  });

  test('an endpoint that answers nothing fails the request instead of hanging', async () => {
    const store = new S3BlobStore({ ...S3_TEST_CREDENTIALS, endpoint: 'http://127.0.0.1:9', bucket: 'b', tmpDir: tmp });
    await expect(store.get('d'.repeat(64))).rejects.toThrow(/ECONNREFUSED/);
  });

  test('an endpoint that accepts the connection and then says nothing fails after the idle timeout', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const store = new S3BlobStore({
        ...S3_TEST_CREDENTIALS,
        endpoint: `http://127.0.0.1:${port}`,
        bucket: 'b',
        tmpDir: tmp,
        idleTimeoutMs: 300,
      });
      const started = Date.now();
      await expect(store.get('e'.repeat(64))).rejects.toThrow(`S3 GET /b/${'e'.repeat(64)}: nothing moved for 300 ms`);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  }, 20_000);
});
