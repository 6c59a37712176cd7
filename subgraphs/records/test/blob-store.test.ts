import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobHashMismatch, BlobTooLarge, FsBlobStore } from '../src/blobs/store';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const read = async (r: Readable) => Buffer.concat(await r.toArray());
let dir: string;
let store: FsBlobStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blobs-'));
  store = new FsBlobStore(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('stores bytes under their hash once and reads them back', async () => {
  const body = Buffer.from('现场检查笔录 video bytes…'.repeat(1000));
  expect(await store.put(sha(body), Readable.from([body]), 1 << 20)).toEqual({ size: body.length, created: true });
  expect(await store.put(sha(body), Readable.from([body]), 1 << 20)).toEqual({ size: body.length, created: false });
  expect(await read((await store.get(sha(body)))!)).toEqual(body);
  expect(await store.get('0'.repeat(64))).toBeNull();
});

test('refuses bytes that do not hash to the declared sha256, keeping nothing', async () => {
  await expect(store.put('a'.repeat(64), Readable.from([Buffer.from('x')]), 100)).rejects.toBeInstanceOf(BlobHashMismatch);
  expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
});

test('refuses bodies over the size limit', async () => {
  const body = Buffer.alloc(2000, 1);
  await expect(store.put(sha(body), Readable.from([body]), 1000)).rejects.toBeInstanceOf(BlobTooLarge);
});

test('a stored file altered on disk is refused on read', async () => {
  const body = Buffer.from('original evidence');
  const h = sha(body);
  await store.put(h, Readable.from([body]), 100);
  fs.writeFileSync(path.join(dir, h.slice(0, 2), h.slice(2, 4), h), 'altered evidence');
  await expect(store.get(h)).rejects.toBeInstanceOf(BlobHashMismatch);
});
