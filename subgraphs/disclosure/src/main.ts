import 'reflect-metadata';

import type { SubgraphService } from '@tsp/shared';

import { entities } from './entities/index.js';
import { consumers } from './events/consumers.js';
import { migrations } from './migrations/index.js';
import { flowchartRoutes } from './routes/flowcharts.js';
import { schema } from './schema/index.js';

/** 行政执法公示 Disclosure subgraph: ex-ante lists, decision publications, annual reports. */
export const disclosure: SubgraphService = {
  name: 'disclosure',
  schema,
  db: { schema: 'disclosure', entities, migrations },
  routes: flowchartRoutes,
  workers: consumers,
};
