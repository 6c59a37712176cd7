import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { FsBlobStore } from '../src/blobs/store';
import { blobStoreContract } from './blob-store-contract';

// The filesystem store: `<dir>/ab/cd/<sha256>`, staged under `<dir>/tmp`.
blobStoreContract(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blobs-'));
  return {
    store: new FsBlobStore(dir),
    tamper: async (h, bytes) => fs.writeFileSync(path.join(dir, h.slice(0, 2), h.slice(2, 4), h), bytes),
    leftovers: () => fs.readdirSync(path.join(dir, 'tmp')),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});
