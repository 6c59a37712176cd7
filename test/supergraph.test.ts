import fs from 'node:fs';

import { SUPERGRAPH_PATH } from '@tsp/gateway';
import { composeSupergraph } from '@tsp/scripts/composition';

test('the checked-in supergraph matches the subgraphs (run `npm run compose` when this fails)', async () => {
  const { supergraphSdl } = await composeSupergraph();
  expect(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(supergraphSdl);
});

test('composition gives no hints that were not read and accepted', async () => {
  const { hints } = await composeSupergraph();
  expect(hints).toEqual([]);
});
