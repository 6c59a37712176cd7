import 'reflect-metadata';

import type { SubgraphService } from '@tsp/shared';

import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { schema } from './schema/index.js';

/** 涉企行政检查 Inspection subgraph: enterprises and the agencies' inspection lists (issue 15, first slice). */
export const inspection: SubgraphService = {
  name: 'inspection',
  schema,
  db: { schema: 'inspection', entities, migrations },
};
