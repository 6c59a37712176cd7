import { config, logger, type Orm, periodicWorker } from '@tsp/shared';

import { type JournalAuditRun, runJournalAudit, sweepState } from '../journal/audit.js';
import { ChangeWatch } from '../journal/change-watch.js';

/** While a backlog is caught up or a full sweep is under way, runs follow each other this closely. */
const CATCH_UP_MS = 1_000;

export interface JournalAuditWorker {
  stop(): Promise<void>;
  /** Runs an audit now (after any run in progress); null when another instance holds the audit lock. */
  runNow(): Promise<JournalAuditRun | null>;
}

/** JOURNAL_AUDIT_INTERVAL_MS (default 30 seconds). */
export const auditIntervalMs = (): number => config().JOURNAL_AUDIT_INTERVAL_MS;
/** JOURNAL_FULL_AUDIT_INTERVAL_MS: between full sweeps, every leaf, node and entry re-checked (default 6 hours). */
export const fullAuditIntervalMs = (): number => config().JOURNAL_FULL_AUDIT_INTERVAL_MS;

/**
 * The self-audit (see journal/audit.ts). Every `intervalMs` (JOURNAL_AUDIT_INTERVAL_MS, 30 s) a frequent run
 * verifies the new leaves and their entries, re-checks old ones only where the tables changed
 * (journal/change-watch.ts), and signs a checkpoint of the verified head. Every `fullIntervalMs`
 * (JOURNAL_FULL_AUDIT_INTERVAL_MS, 6 h) a full sweep re-checks every node and entry, one window per
 * run, runs back to back. The first run comes after `firstRunMs` (default the smaller of the interval
 * and one minute), so a service that restarts often still audits. For records' `workers` hook.
 */
export function startJournalAudit(
  orm: Orm,
  o: {
    intervalMs?: number;
    fullIntervalMs?: number;
    firstRunMs?: number;
    maxLeaves?: number;
    sweepLeaves?: number;
  } = {},
): JournalAuditWorker {
  const log = logger('records:journal-audit');
  const intervalMs = o.intervalMs ?? auditIntervalMs();
  const fullIntervalMs = o.fullIntervalMs ?? fullAuditIntervalMs();
  const watch = new ChangeWatch();
  let sweeping = false;
  return periodicWorker({
    async run(): Promise<JournalAuditRun | null> {
      const s = await sweepState(orm.em.fork());
      const sweep = s.inPass || !s.lastPassAt || Date.now() - s.lastPassAt.getTime() >= fullIntervalMs;
      const { maxLeaves, sweepLeaves } = o;
      const r = await runJournalAudit(orm.em.fork(), { maxLeaves, sweepLeaves, sweep, watch });
      sweeping = !!r && sweep && r.sweptTo !== null && r.sweptTo !== r.fromSize;
      if (r && !r.ok) {
        log.error(
          { treeSize: r.treeSize, problems: r.problems },
          'journal self-audit: the journal is not intact (记录日志校验失败)',
        );
      } else if (r) {
        const { fromSize, treeSize, entriesChecked, pending, sweptTo } = r;
        log.info({ fromSize, treeSize, entriesChecked, pending, sweptTo }, 'journal self-audit passed');
      }
      return r;
    },
    firstRunMs: o.firstRunMs ?? Math.min(intervalMs, 60_000),
    // An all-entries pass of the change check also goes a window per run, runs back to back.
    next: (r) =>
      r && r.ok && (r.pending > 0 || sweeping || watch.rehashing) ? Math.min(CATCH_UP_MS, intervalMs) : intervalMs,
    log,
    failure: 'journal self-audit could not run',
  });
}
