import 'reflect-metadata';

import { config, type SubgraphService } from '@tsp/shared';

import { mountBlobs, startBlobSweeperFromEnv } from './blobs/index.js';
import { entities } from './entities/index.js';
import { JOURNAL_AFTER_COMMIT, journalMetrics } from './journal/index.js';
import { migrations } from './migrations/index.js';
import { registerEntrySource } from './read/entry-source.js';
import { schema } from './schema/index.js';
import { startJournalAudit } from './workers/journal-audit.js';

// The journal's inclusion proofs return entry content through the lifecycle's read checks.
registerEntrySource();

/** 执法全过程记录 Records subgraph: cases and their full-process record. */
export const records: SubgraphService = {
  name: 'records',
  schema,
  db: { schema: 'records', entities, migrations, afterCommit: JOURNAL_AFTER_COMMIT },
  routes: mountBlobs,
  workers: (orm) => [
    // Re-verifies the journal and signs checkpoints; the first run comes one JOURNAL_AUDIT_INTERVAL_MS after start.
    startJournalAudit(orm, { firstRunMs: config().JOURNAL_AUDIT_INTERVAL_MS }),
    // Deletes uploads no case of their agency cited in time.
    startBlobSweeperFromEnv(orm),
  ],
  metrics: journalMetrics,
};
