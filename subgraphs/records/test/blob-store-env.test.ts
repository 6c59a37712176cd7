import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { overrideConfig } from '@tsp/shared';

import { blobStoreFromEnv } from '../src/blobs/from-env';
import { S3BlobStore } from '../src/blobs/s3-store';
import { FsBlobStore } from '../src/blobs/store';

const VARS = [
  'BLOB_STORE',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
] as const;
const restores: (() => void)[] = [];
const override = (vars: Parameters<typeof overrideConfig>[0]) => restores.push(overrideConfig(vars));
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blob-env-'));
  override({ ...Object.fromEntries(VARS.map((v) => [v, undefined])), BLOB_DIR: dir });
});
afterEach(() => {
  while (restores.length) restores.pop()!();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the filesystem store is the default', () => {
  expect(blobStoreFromEnv()).toBeInstanceOf(FsBlobStore);
  override({ BLOB_STORE: 'fs' });
  expect(blobStoreFromEnv()).toBeInstanceOf(FsBlobStore);
});

test('BLOB_STORE=s3 with every variable gives the S3 store', () => {
  override({
    BLOB_STORE: 's3',
    S3_ENDPOINT: 'http://127.0.0.1:9000',
    S3_BUCKET: 'evidence',
    S3_ACCESS_KEY_ID: 'id',
    S3_SECRET_ACCESS_KEY: 'secret',
  });
  expect(blobStoreFromEnv()).toBeInstanceOf(S3BlobStore);
});

test('BLOB_STORE=s3 is refused as configuration, naming every missing variable', () => {
  expect(() => override({ BLOB_STORE: 's3', S3_BUCKET: 'evidence', S3_SECRET_ACCESS_KEY: '' })).toThrow(
    'S3_ENDPOINT: required because BLOB_STORE is s3 (unset or empty); ' +
      'S3_ACCESS_KEY_ID: required because BLOB_STORE is s3 (unset or empty); ' +
      'S3_SECRET_ACCESS_KEY: required because BLOB_STORE is s3 (unset or empty)',
  );
});

test('an unknown store or a non-http endpoint is refused', () => {
  expect(() => override({ BLOB_STORE: 'gcs' })).toThrow('BLOB_STORE: expected one of fs, s3, got "gcs"');
  expect(() =>
    override({
      BLOB_STORE: 's3',
      S3_ENDPOINT: 'ftp://x',
      S3_BUCKET: 'b',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 's',
    }),
  ).toThrow('S3_ENDPOINT: expected a URL (http or https), got "ftp://x"');
});

test('the AWS SDK is loaded at the first S3 request, not at startup: the filesystem store never pays for it', async () => {
  let loaded = false;
  jest.doMock('@aws-sdk/client-s3', () => {
    loaded = true;
    return jest.requireActual('@aws-sdk/client-s3');
  });
  await jest.isolateModulesAsync(async () => {
    // The isolated registry has its own configuration: override that one.
    const { overrideConfig } = await import('@tsp/shared');
    const fresh = await import('../src/blobs/from-env.js');
    fresh.blobStoreFromEnv();
    const restore = overrideConfig({
      BLOB_STORE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9',
      S3_BUCKET: 'evidence',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    try {
      const store = fresh.blobStoreFromEnv();
      expect(loaded).toBe(false);
      await expect(store.has('a'.repeat(64))).rejects.toThrow(/ECONNREFUSED/);
      expect(loaded).toBe(true);
    } finally {
      restore();
    }
  });
  jest.dontMock('@aws-sdk/client-s3');
});
