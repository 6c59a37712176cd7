import { config, loadConfigOrExit } from '@tsp/shared';

import { migrateAll } from './migrate.js';

/** npm run migrate / the compose `migrate` service: applies every schema's migrations to DATABASE_URL. */
async function main() {
  loadConfigOrExit();
  const url = config().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  await migrateAll(url);
  console.log('migrations applied');
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
