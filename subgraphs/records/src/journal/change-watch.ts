import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Cheap change detection for the frequent audit, without triggers: the journal and entry tables are
 * append-only, so any UPDATE or DELETE there is tampering (or maintenance). PostgreSQL counts them per
 * table (pg_stat_user_tables n_tup_upd / n_tup_del, flushed by the writing session within seconds and
 * at its end), and TRUNCATE, VACUUM FULL and CLUSTER give the table a new file (pg_relation_filenode).
 * The audit runs its costlier checks only when such a mark moved since this process last looked, on
 * its first run, and while the previous run failed (so a problem stays reported until resolved).
 * Statistics can be reset or switched off (track_counts): a reset moves the marks (one extra check);
 * with track_counts off every run checks. The full sweep (JOURNAL_FULL_AUDIT_INTERVAL_MS) is the backstop.
 */

/** The journal's own tables: a change there re-hashes the whole tree in SQL. */
export const JOURNAL_TABLES = ['records.journal_leaf', 'records.journal_node', 'records.checkpoint'];

export interface WatchDecision {
  /** Re-hash every stored node of the audited tree from its children. */
  tree: boolean;
  /** Ask the entry source for suspects (rows newer than their leaf, leaves without an entry). */
  suspects: boolean;
  /** Re-hash every entry: rows of an entry table were deleted, which no row version can show. */
  allEntries: boolean;
}

type Marks = Record<string, string>;

async function readMarks(em: EntityManager, tables: string[]): Promise<{ marks: Marks; counting: boolean }> {
  if (!tables.length) return { marks: {}, counting: true };
  const rows = await em.execute<{ t: string; upd: string; del: string; node: string; counting: boolean }[]>(
    `select s.schemaname || '.' || s.relname as t, s.n_tup_upd::text as upd, s.n_tup_del::text as del,
            pg_relation_filenode(s.relid)::text as node, current_setting('track_counts')::bool as counting
       from pg_stat_user_tables s where s.schemaname || '.' || s.relname = any(?::text[])`,
    [`{${tables.join(',')}}`],
  );
  const marks: Marks = {};
  for (const r of rows) marks[r.t] = `${r.upd}/${r.del}/${r.node}`;
  return { marks, counting: rows.every((r) => r.counting) };
}

const moved = (before: Marks | null, now: Marks, tables: string[]) => !before || tables.some((t) => before[t] !== now[t]);
const deleted = (before: Marks | null, now: Marks, tables: string[]) =>
  !!before && tables.some((t) => {
    const [, delBefore, nodeBefore] = (before[t] ?? '').split('/');
    const [, delNow, nodeNow] = (now[t] ?? '').split('/');
    return delBefore !== delNow || nodeBefore !== nodeNow;
  });

/** One per audit worker: remembers the marks the last committed run saw. */
export class ChangeWatch {
  private seen: Marks | null = null;
  private pending: Marks | null = null;

  /** Which checks this run needs; call `commit()` once the run's outcome is stored. */
  async decide(em: EntityManager, entryTables: string[], previousFailed: boolean): Promise<WatchDecision> {
    const { marks, counting } = await readMarks(em, [...JOURNAL_TABLES, ...entryTables]);
    this.pending = marks;
    const always = !counting || previousFailed;
    return {
      tree: always || moved(this.seen, marks, JOURNAL_TABLES),
      suspects: always || moved(this.seen, marks, entryTables),
      allEntries: counting && deleted(this.seen, marks, entryTables),
    };
  }

  commit(): void {
    if (this.pending) this.seen = this.pending;
    this.pending = null;
  }
}
