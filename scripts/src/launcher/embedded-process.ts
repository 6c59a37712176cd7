import { fork, type StdioOptions } from 'node:child_process';
import path from 'node:path';

/** Compiled, whether this module runs compiled (scripts/dist) or from source under jest (scripts/src). */
const EMBEDDED_DB = path.resolve(__dirname, '..', '..', 'dist', 'embedded-db.js');

export interface EmbeddedProcess {
  url: string;
  /** Asks it to stop PostgreSQL and waits for it to exit. */
  stop(): Promise<void>;
}

/** Runs scripts/dist/embedded-db.js on `dataDir` in a child process and waits for the URL it sends. */
export function startEmbeddedProcess(
  dataDir: string,
  o: { detached?: boolean; stdio?: StdioOptions; execArgv?: string[] } = {},
): Promise<EmbeddedProcess> {
  const proc = fork(EMBEDDED_DB, [dataDir], {
    execArgv: o.execArgv ?? process.execArgv,
    detached: o.detached,
    stdio: o.stdio ?? ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    proc.once('message', (m: { url: string }) =>
      resolve({
        url: m.url,
        async stop() {
          if (proc.exitCode !== null) return;
          proc.send('stop');
          await exited;
        },
      }),
    );
    proc.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with code ${code}`)));
  });
}
