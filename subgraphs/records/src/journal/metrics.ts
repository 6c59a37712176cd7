import type { Orm, ServiceMetrics } from '@tsp/shared';

import { latestAudit } from './audit.js';
import { queueState } from './store.js';

/**
 * records' `metrics` hook: the newest self-audit as stored in records.journal_audit (whichever
 * instance ran it), and the leaves queued for the tree now (journal/store.ts queueLeaf), read at
 * scrape time. Before the first audit the time is 0 (so an alert on the audit's age fires) and
 * intact is not reported.
 */
export function journalMetrics(metrics: ServiceMetrics, orm: Orm): void {
  metrics.lazyGauges(
    'journal',
    {
      at: {
        name: 'tsp_journal_last_audit_timestamp_seconds',
        help: 'When the newest journal self-audit ran (unix seconds; 0 = none yet)',
      },
      intact: {
        name: 'tsp_journal_intact',
        help: 'Result of the newest journal self-audit: 1 intact, 0 not (记录日志校验失败)',
      },
      problems: {
        name: 'tsp_journal_audit_problems',
        help: 'Problems the newest journal self-audit found (at most 100 kept)',
      },
      queued: {
        name: 'tsp_journal_queued_leaves',
        help: 'Journal leaves queued by writes and not yet in the tree (usually 0: each write waits for its own)',
      },
      waiting: {
        name: 'tsp_journal_queue_oldest_seconds',
        help: 'How long the oldest queued journal leaf has waited for the tree (0 when none; 日志排队时长)',
      },
    },
    async (g) => {
      const queue = await queueState(orm.em.fork());
      g.queued.set(queue.leaves);
      g.waiting.set(queue.oldestSeconds);
      const audit = await latestAudit(orm.em.fork());
      g.at.set(audit ? audit.at.getTime() / 1000 : 0);
      if (!audit) return;
      g.intact.set(audit.ok ? 1 : 0);
      g.problems.set(audit.problems.length);
    },
  );
}
