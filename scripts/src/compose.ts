import fs from 'node:fs';

import { SUPERGRAPH_PATH } from '@tsp/gateway';
import { loadConfigOrExit } from '@tsp/shared';

import { composeSupergraph } from './composition.js';

/** npm run compose: writes gateway/supergraph.graphql (checked in; a test fails when it is stale). */
async function main() {
  loadConfigOrExit();
  const { supergraphSdl, hints } = await composeSupergraph();
  for (const h of hints) console.log(`hint ${h}`);
  fs.writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  console.log(`wrote ${SUPERGRAPH_PATH} (${hints.length} composition hints)`);
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
