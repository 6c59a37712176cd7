import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const SHA256_RE = /^[0-9a-f]{64}$/;

export class BlobTooLarge extends Error {}
export class BlobHashMismatch extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`content hashes to ${actual}, not ${expected}`);
  }
}

/** Attachments are stored by SHA-256: the journal keeps only the hash, the store keeps the bytes. */
export interface BlobStore {
  /** Stores the stream if it hashes to `sha256`; `created` is false when it was already there. */
  put(sha256: string, body: Readable, maxBytes: number): Promise<{ size: number; created: boolean }>;
  /** The verified bytes, or null if absent. Throws BlobHashMismatch when the stored bytes were altered. */
  get(sha256: string): Promise<Readable | null>;
  /** Whether bytes are stored under this name (not re-hashed: a cheap stat or HEAD). */
  has(sha256: string): Promise<boolean>;
  /** Removes the bytes (an expired upload); absent bytes are not an error. */
  delete(sha256: string): Promise<void>;
}

/** Counts and hashes bytes as they pass, failing past the size limit (every store puts through it). */
export function meter(maxBytes: number) {
  const hash = createHash('sha256');
  let size = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) return cb(new BlobTooLarge(`larger than ${maxBytes} bytes`));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  return { t, digest: () => hash.digest('hex'), size: () => size };
}

/** Filesystem store: `<dir>/ab/cd/<sha256>`, written to a temp file and renamed only once the hash matches. */
export class FsBlobStore implements BlobStore {
  constructor(private readonly dir: string) {
    fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  }

  private file(sha: string) {
    return path.join(this.dir, sha.slice(0, 2), sha.slice(2, 4), sha);
  }

  async put(sha256: string, body: Readable, maxBytes: number) {
    const tmp = path.join(this.dir, 'tmp', randomUUID());
    const m = meter(maxBytes);
    try {
      await pipeline(body, m.t, fs.createWriteStream(tmp, { flags: 'wx' }));
      const actual = m.digest();
      if (actual !== sha256) throw new BlobHashMismatch(sha256, actual);
      const target = this.file(sha256);
      if (fs.existsSync(target)) return { size: m.size(), created: false };
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(tmp, target);
      return { size: m.size(), created: true };
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  async get(sha256: string) {
    const file = this.file(sha256);
    if (!fs.existsSync(file)) return null;
    // Check before sending: a reader must never receive altered evidence as if it were the original.
    const hash = createHash('sha256');
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
    const actual = hash.digest('hex');
    if (actual !== sha256) throw new BlobHashMismatch(sha256, actual);
    return fs.createReadStream(file);
  }

  async has(sha256: string) {
    return fs.existsSync(this.file(sha256));
  }

  async delete(sha256: string) {
    fs.rmSync(this.file(sha256), { force: true });
  }
}
