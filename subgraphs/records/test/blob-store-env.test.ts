import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blobStoreFromEnv } from '../src/blobs/from-env';
import { S3BlobStore } from '../src/blobs/s3-store';
import { FsBlobStore } from '../src/blobs/store';

const VARS = ['BLOB_STORE', 'BLOB_DIR', 'S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
let dir: string;
beforeEach(() => {
  for (const v of VARS) delete process.env[v];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blob-env-'));
  process.env.BLOB_DIR = dir;
});
afterEach(() => {
  for (const v of VARS) (saved[v] === undefined ? delete process.env[v] : (process.env[v] = saved[v]));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the filesystem store is the default', () => {
  expect(blobStoreFromEnv()).toBeInstanceOf(FsBlobStore);
  process.env.BLOB_STORE = 'fs';
  expect(blobStoreFromEnv()).toBeInstanceOf(FsBlobStore);
});

test('BLOB_STORE=s3 with every variable gives the S3 store', () => {
  Object.assign(process.env, {
    BLOB_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'evidence', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret',
  });
  expect(blobStoreFromEnv()).toBeInstanceOf(S3BlobStore);
});

test('BLOB_STORE=s3 fails at startup naming every missing variable', () => {
  Object.assign(process.env, { BLOB_STORE: 's3', S3_BUCKET: 'evidence', S3_SECRET_ACCESS_KEY: '' });
  expect(() => blobStoreFromEnv()).toThrow('BLOB_STORE=s3 needs S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (unset or empty)');
});

test('an unknown store or a non-http endpoint is refused', () => {
  process.env.BLOB_STORE = 'gcs';
  expect(() => blobStoreFromEnv()).toThrow('BLOB_STORE must be fs or s3, not "gcs"');
  Object.assign(process.env, { BLOB_STORE: 's3', S3_ENDPOINT: 'ftp://x', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 's' });
  expect(() => blobStoreFromEnv()).toThrow('S3_ENDPOINT: must be an http(s) URL');
});

test('the AWS SDK is loaded at the first S3 request, not at startup: the filesystem store never pays for it', async () => {
  let loaded = false;
  jest.doMock('@aws-sdk/client-s3', () => {
    loaded = true;
    return jest.requireActual('@aws-sdk/client-s3');
  });
  await jest.isolateModulesAsync(async () => {
    const fresh = await import('../src/blobs/from-env.js');
    fresh.blobStoreFromEnv();
    Object.assign(process.env, {
      BLOB_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9', S3_BUCKET: 'evidence', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret',
    });
    const store = fresh.blobStoreFromEnv();
    expect(loaded).toBe(false);
    await expect(store.has('a'.repeat(64))).rejects.toThrow(/ECONNREFUSED/);
    expect(loaded).toBe(true);
  });
  jest.dontMock('@aws-sdk/client-s3');
});
