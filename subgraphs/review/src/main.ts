import 'reflect-metadata';

import type { SubgraphService } from '@tsp/shared';

import { entities } from './entities/index.js';
import { migrations, renamedMigrations } from './migrations/index.js';
import { schema } from './schema/index.js';
import { startWebhookWorker, webhookMetrics } from './webhooks/index.js';
import { reviewWorkers } from './workers/index.js';

/** 重大执法决定法制审核 Review subgraph: catalogue, legal reviews, the decision gate's check, review events. */
export const review: SubgraphService = {
  name: 'review',
  schema,
  db: { schema: 'review', entities, migrations, renamedMigrations },
  workers: (orm) => [...reviewWorkers(orm), startWebhookWorker({ orm })],
  metrics: webhookMetrics,
};
