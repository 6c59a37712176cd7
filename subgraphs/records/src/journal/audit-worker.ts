import { env, logger, periodicWorker, type Orm } from '@tsp/shared';
import { runJournalAudit, type JournalAuditRun } from './audit.js';

/** Default interval of the self-audit: 10 minutes. */
export const DEFAULT_AUDIT_INTERVAL_MS = 10 * 60_000;
/** While a backlog is caught up (more new leaves than one run verifies), runs follow each other this closely. */
const CATCH_UP_MS = 1_000;

export interface JournalAuditWorker {
  stop(): Promise<void>;
  /** Runs an audit now (after any run in progress); null when another instance holds the audit lock. */
  runNow(): Promise<JournalAuditRun | null>;
}

/** JOURNAL_AUDIT_INTERVAL_MS when it is a positive whole number of milliseconds, else 10 minutes. */
export function auditIntervalMs(): number {
  const v = Number(env('JOURNAL_AUDIT_INTERVAL_MS'));
  return Number.isSafeInteger(v) && v > 0 ? v : DEFAULT_AUDIT_INTERVAL_MS;
}

/**
 * The periodic self-audit (see audit.ts): every `intervalMs` (default JOURNAL_AUDIT_INTERVAL_MS, 10
 * minutes) it re-verifies the journal, signs a checkpoint of the verified head and records the
 * outcome. The first run comes after `firstRunMs` (default the smaller of the interval and one
 * minute), so a service that restarts often still audits. For records' `workers` hook.
 */
export function startJournalAudit(
  orm: Orm,
  o: { intervalMs?: number; firstRunMs?: number; maxLeaves?: number; sweepLeaves?: number } = {},
): JournalAuditWorker {
  const log = logger('records:journal-audit');
  const intervalMs = o.intervalMs ?? auditIntervalMs();
  return periodicWorker({
    async run(): Promise<JournalAuditRun | null> {
      const r = await runJournalAudit(orm.em.fork(), { maxLeaves: o.maxLeaves, sweepLeaves: o.sweepLeaves });
      if (r && !r.ok) log.error({ treeSize: r.treeSize, problems: r.problems }, 'journal self-audit: the journal is not intact (记录日志校验失败)');
      else if (r) log.info({ fromSize: r.fromSize, treeSize: r.treeSize, entriesChecked: r.entriesChecked, pending: r.pending }, 'journal self-audit passed');
      return r;
    },
    firstRunMs: o.firstRunMs ?? Math.min(intervalMs, 60_000),
    next: (r) => (r && r.ok && r.pending > 0 ? Math.min(CATCH_UP_MS, intervalMs) : intervalMs),
    log,
    failure: 'journal self-audit could not run',
  });
}
