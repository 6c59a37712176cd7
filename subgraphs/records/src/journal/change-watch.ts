import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Cheap change detection for the frequent audit, without triggers: the journal and entry tables are
 * append-only, so any UPDATE or DELETE there is tampering (or maintenance). PostgreSQL counts them per
 * table (pg_stat_user_tables n_tup_upd / n_tup_del, flushed by the writing session within seconds and
 * at its end), and TRUNCATE, VACUUM FULL and CLUSTER give the table a new file (pg_relation_filenode).
 * The audit runs its costlier checks only when such a mark moved since this process last looked, on
 * its first run, and while the previous run failed (so a problem stays reported until resolved).
 *
 * A heuristic against anyone without superuser rights: a superuser can hide from the counters
 * (`SET track_counts = off` in the tampering session, a session kept busy so its counters are not
 * flushed yet, editing data files; a counter reset is movement). The full sweep
 * (JOURNAL_FULL_AUDIT_INTERVAL_MS) is the guarantee.
 */

/** The journal's own tables: a change there re-hashes the whole tree in SQL, and every entry. */
export const JOURNAL_TABLES = ['records.journal_leaf', 'records.journal_node', 'records.checkpoint'];

export interface WatchDecision {
  /** Re-hash every stored node of the audited tree from its children. */
  tree: boolean;
  /** Ask the entry source for suspects (rows newer than their leaf, leaves without an entry). */
  suspects: boolean;
  /** Leaves [from, to) whose entries this run re-hashes: one window of an all-entries pass; null when none. */
  window: { from: number; to: number } | null;
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

const moved = (before: Marks | null, now: Marks, tables: string[]) =>
  !before || tables.some((t) => before[t] !== now[t]);
const deleted = (before: Marks | null, now: Marks, tables: string[]) =>
  !before ||
  tables.some((t) => {
    const [, delBefore, nodeBefore] = (before[t] ?? '').split('/');
    const [, delNow, nodeNow] = (now[t] ?? '').split('/');
    return delBefore !== delNow || nodeBefore !== nodeNow;
  });

/** An all-entries pass over leaves [from, end); `again`: a new trigger came during it, so one more pass follows. */
interface Pass {
  from: number;
  end: number;
  again: boolean;
}

/** What a run leaves for the next (records.journal_audit.watch): the marks it saw and the pass still to go. */
export interface WatchState {
  marks: Marks;
  pass: Pass | null;
}

/**
 * One per audit worker: remembers the marks the last committed run saw, and the all-entries pass in
 * progress. Every entry is re-hashed (a pass) when entry rows were deleted (no row version shows
 * that), when a journal table was updated (a leaf rewritten in the same transaction as its entry
 * shares the entry's xmin again, so no suspect shows that either), and when there is nothing to compare
 * with (the first audit with a watch). A pass goes one window per run, so no run is long (the worker runs
 * back to back meanwhile, beating its heartbeat between runs).
 *
 * Each run stores its state with its outcome (`state`), and the next run starts from the newest stored state
 * (`restore`), whichever instance runs it: a restarted or added instance continues, and compares with the marks
 * the last run saw. The marks are PostgreSQL's counters, kept while this service is down (and across a clean
 * server restart); a crash or a reset changes them, which starts a pass.
 */
export class ChangeWatch {
  private seen: Marks | null = null;
  private pass: Pass | null = null;
  private pending: { marks: Marks; started: Pass | null; advanced: Pass | null } | null = null;

  /** Continues from the state the newest audit run stored (none stored: this process's own, if any). */
  restore(stored: WatchState | null): void {
    if (!stored) return;
    this.seen = stored.marks;
    this.pass = stored.pass;
  }

  /** The state to store with this run's outcome: what `commit(ok)` will keep. Null when the run decided nothing. */
  state(ok: boolean): WatchState | null {
    if (!this.pending) return null;
    return { marks: this.pending.marks, pass: ok ? this.pending.advanced : this.pending.started };
  }

  /** An all-entries pass is under way: the worker runs again soon. */
  get rehashing(): boolean {
    return this.pass !== null;
  }

  /**
   * Which checks this run needs, below the audited head `base`; windows of `windowLeaves` leaves.
   * Call `commit(ok)` once the run's outcome is stored.
   */
  async decide(
    em: EntityManager,
    entryTables: string[],
    previousFailed: boolean,
    base: number,
    windowLeaves: number,
  ): Promise<WatchDecision> {
    const { marks, counting } = await readMarks(em, [...JOURNAL_TABLES, ...entryTables]);
    const always = !counting || previousFailed;
    const journalMoved = moved(this.seen, marks, JOURNAL_TABLES);
    let pass = this.pass ? { ...this.pass } : null;
    if (journalMoved || deleted(this.seen, marks, entryTables)) {
      if (pass) pass.again = true;
      else pass = { from: 0, end: base, again: false };
    }
    const started = pass;
    const window = pass ? { from: pass.from, to: Math.min(pass.from + windowLeaves, pass.end) } : null;
    if (pass && window) {
      const next: Pass | null = { ...pass, from: window.to };
      pass = next.from < next.end ? next : next.again ? { from: 0, end: base, again: false } : null;
    }
    this.pending = { marks, started, advanced: pass };
    return {
      tree: always || journalMoved,
      suspects: always || moved(this.seen, marks, entryTables),
      window: window && window.to > window.from ? window : null,
    };
  }

  /**
   * Too many suspects to re-hash in one run: this run's decision widens to an all-entries pass over
   * [0, base), window by window (or one more pass after the one under way), as a deletion would start.
   */
  passAll(base: number): void {
    if (!this.pending) return;
    const fresh = { from: 0, end: base, again: false };
    const { started, advanced } = this.pending;
    // A pass whose first window is this run's already re-hashes every entry after the suspects were seen.
    if (started && started.from === 0 && started.end >= base) return;
    this.pending.started = started ? { ...started, again: true } : fresh;
    this.pending.advanced = advanced ? { ...advanced, again: true } : fresh;
  }

  /** The run's outcome is stored: its marks count as seen; its window counts as done only when it passed. */
  commit(ok: boolean): void {
    // A failed window is checked again by the next run, like the sweep's.
    const next = this.state(ok);
    if (!next) return;
    this.seen = next.marks;
    this.pass = next.pass;
    this.pending = null;
  }
}
