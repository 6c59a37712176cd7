import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

import { BlobHashMismatch, type BlobStore, BlobTooLarge } from '../src/blobs/store';

export interface StoreUnderTest {
  store: BlobStore;
  /** Overwrites the stored bytes of `sha256` behind the store's back, as an intruder with disk or bucket access would. */
  tamper(sha256: string, bytes: Buffer): Promise<void>;
  /** Staging files the store left behind (must be none once a put or get has settled). */
  leftovers(): string[];
  cleanup(): Promise<void>;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const read = async (r: Readable) => Buffer.concat(await r.toArray());

/** The BlobStore contract, run once per store so every store is held to the same behaviour. */
export function blobStoreContract(make: () => Promise<StoreUnderTest>): void {
  let s: StoreUnderTest;
  beforeEach(async () => {
    s = await make();
  });
  afterEach(async () => s.cleanup());

  test('stores bytes under their hash once and reads them back; an absent hash reads as null', async () => {
    const body = Buffer.from('现场检查笔录 video bytes…'.repeat(1000));
    expect(await s.store.put(sha(body), Readable.from([body]), 1 << 20)).toEqual({ size: body.length, created: true });
    expect(await s.store.put(sha(body), Readable.from([body]), 1 << 20)).toEqual({ size: body.length, created: false });
    expect((await read((await s.store.get(sha(body)))!)).equals(body)).toBe(true);
    expect(await s.store.get('0'.repeat(64))).toBeNull();
    expect(s.leftovers()).toEqual([]);
  });

  test('knows what it holds and deletes it (expired uploads); deleting an absent blob is no error', async () => {
    const body = Buffer.from('未引用的上传 uncited upload');
    expect(await s.store.has(sha(body))).toBe(false);
    await s.store.put(sha(body), Readable.from([body]), 1 << 20);
    expect(await s.store.has(sha(body))).toBe(true);
    await s.store.delete(sha(body));
    expect(await s.store.has(sha(body))).toBe(false);
    expect(await s.store.get(sha(body))).toBeNull();
    await expect(s.store.delete(sha(body))).resolves.toBeUndefined();
  });

  test('streams a body of many chunks', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(64 * 1024, i));
    const body = Buffer.concat(chunks);
    expect(await s.store.put(sha(body), Readable.from(chunks), 4 << 20)).toEqual({ size: body.length, created: true });
    expect((await read((await s.store.get(sha(body)))!)).equals(body)).toBe(true);
  });

  test('refuses bytes that do not hash to the declared sha256, keeping nothing', async () => {
    await expect(s.store.put('a'.repeat(64), Readable.from([Buffer.from('x')]), 100)).rejects.toBeInstanceOf(
      BlobHashMismatch,
    );
    expect(await s.store.get('a'.repeat(64))).toBeNull();
    expect(s.leftovers()).toEqual([]);
  });

  test('refuses other bytes under a hash already stored, and keeps the original', async () => {
    const body = Buffer.from('original evidence');
    await s.store.put(sha(body), Readable.from([body]), 100);
    await expect(s.store.put(sha(body), Readable.from([Buffer.from('forged evidence')]), 100)).rejects.toBeInstanceOf(
      BlobHashMismatch,
    );
    expect((await read((await s.store.get(sha(body)))!)).equals(body)).toBe(true);
  });

  test('refuses bodies over the size limit, keeping nothing', async () => {
    const body = Buffer.alloc(2000, 1);
    await expect(
      s.store.put(sha(body), Readable.from([body.subarray(0, 1000), body.subarray(1000)]), 1000),
    ).rejects.toBeInstanceOf(BlobTooLarge);
    expect(await s.store.get(sha(body))).toBeNull();
    expect(s.leftovers()).toEqual([]);
  });

  test('stored bytes altered behind the store are refused on read, not served', async () => {
    const body = Buffer.from('original evidence');
    const h = sha(body);
    await s.store.put(h, Readable.from([body]), 100);
    const altered = Buffer.from(body);
    altered[0] ^= 1; // one bit, same length
    await s.tamper(h, altered);
    const err = await s.store.get(h).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BlobHashMismatch);
    expect((err as BlobHashMismatch).actual).toBe(sha(altered));
    expect(s.leftovers()).toEqual([]);
  });
}
