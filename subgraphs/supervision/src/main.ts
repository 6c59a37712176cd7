import 'reflect-metadata';

import type { SubgraphService } from '@tsp/shared';

import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { statisticsExportRoutes } from './routes/statistics-export.js';
import { schema } from './schema/index.js';

/**
 * 行政执法监督 Supervision subgraph: the justice bureau's own records (complaints and reports, 投诉举报), written by
 * the bureau, read across the agencies of its region; and the region's enforcement statistics (行政执法统计).
 */
export const supervision: SubgraphService = {
  name: 'supervision',
  schema,
  db: { schema: 'supervision', entities, migrations },
  routes: statisticsExportRoutes,
};
