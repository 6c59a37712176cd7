import type { EntityManager } from '@mikro-orm/postgresql';
import { type Identity, logger, newContext, Role } from '@tsp/shared';

import type { ChangeWatch, WatchState } from './change-watch.js';
import { createCheckpoint, JournalIntegrityError, latestCheckpoint, publicKey } from './checkpoint.js';
import { extendEdge, rightEdge, rootFromEdge } from './compact.js';
import { journalEntrySource } from './entry-source.js';
import {
  consistencyProof,
  EMPTY_ROOT,
  hashLeaf,
  MissingNodeError,
  type NodeSource,
  nodesRead,
  rootFromNodes,
  verifyConsistency,
} from './merkle.js';
import { verifyCheckpointNote } from './note.js';
import { fetchNodes, integrateQueued, queuedAgain, queuedLongerThan, treeSize } from './store.js';

/**
 * The journal's self-audit (定期自检). Each run continues from the head the last successful run
 * verified and signed:
 * - the newest checkpoint's signature, and the log's consistency with it and with the last audited head;
 * - every leaf added since: its subtree hashes recomputed from the leaves (folded onto the audited
 *   right edge) and compared with the stored ones, and its entry re-hashed from the records;
 * - a rolling sweep over older leaves: every stored node re-hashed from its children and each
 *   leaf's entry re-hashed, a window per run, so the whole log is re-checked over time;
 * then it signs a checkpoint of exactly the head it verified, and keeps the outcome in
 * records.journal_audit (append-only). A run that finds problems signs nothing and does not move on:
 * the next run checks the same leaves again, so the problem stays reported until it is resolved.
 */

/** Key of the transaction-scoped advisory lock that keeps audits of one database from overlapping ('tspA'). */
export const JOURNAL_AUDIT_LOCK = 0x74737041;
/** Leaves a run verifies beyond the last audited head; a longer backlog is caught up over several runs. */
export const AUDIT_MAX_LEAVES = 50_000;
/** Older leaves re-checked per run by the rolling sweep (a power of two, so windows align with subtrees). */
export const AUDIT_SWEEP_LEAVES = 16_384;
/** Subtrees up to this many leaves name the cases under them in a problem. */
const ATTRIBUTE_LEAVES = 16;
const ENTRY_CHUNK = 500;
/**
 * Suspect entries a run re-hashes by name; more (e.g. a bulk import that wrote entries and leaves in
 * separate transactions) turn into an all-entries pass, one window per run, so no run holds them all.
 */
export const AUDIT_MAX_SUSPECTS = 10_000;
/** Problems kept per run: a mass deletion must not become a megabyte row; the rest are counted. */
export const AUDIT_MAX_PROBLEMS = 100;

/** Who the audit is when it reads entries through the records' entry source: every agency, no user. */
const AUDIT_IDENTITY: Identity = Object.freeze({ role: Role.ADMIN, sub: 'records:journal-audit', service: 'records' });

export interface JournalAuditProblem {
  /** What does not check out, one sentence a person can act on. */
  message: string;
  /** Cases the problem touches; empty when it concerns the log as a whole. */
  caseIds: string[];
  entryId?: string;
  leafIndex?: number;
}

export interface JournalAudit {
  at: Date;
  /** Last audited head this run continued from. */
  fromSize: number;
  /** Head this run verified (and signed, when ok). */
  treeSize: number;
  /** Root of that head from the stored tree, hex; null when the tree could not be folded. */
  rootHash: string | null;
  ok: boolean;
  problems: JournalAuditProblem[];
  /** Entries re-hashed through the records' entry source (0 when none is registered). */
  entriesChecked: number;
  /** Older leaves [sweptFrom, sweptTo) re-checked by the rolling sweep; null when there were none. */
  sweptFrom: number | null;
  sweptTo: number | null;
  /** Checkpoint signed (or already covering this head) when ok. */
  checkpointSize: number | null;
}

export interface JournalAuditRun extends JournalAudit {
  /** Leaves beyond the verified head, left for the next run. */
  pending: number;
}

type Row = Record<string, unknown>;
const hex = (b: Buffer) => b.toString('hex');
const pow2 = (l: number) => 2 ** l;
const ceilDiv = (a: number, l: number) => Math.ceil(a / pow2(l));

interface Leaf {
  index: number;
  hash: Buffer;
  entryId: string;
  caseId: string;
}

const AUDIT_COLUMNS = `at, from_size::text as from_size, tree_size::text as tree_size, root_hash, ok, problems,
  entries_checked, swept_from::text as swept_from, swept_to::text as swept_to,
  checkpoint_size::text as checkpoint_size`;
const LAST_SWEEP = `select ${AUDIT_COLUMNS} from records.journal_audit where swept_from is not null
  order by seq desc limit 1`;

const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const toAudit = (r: Row): JournalAudit => ({
  at: new Date(r.at as string),
  fromSize: Number(r.from_size),
  treeSize: Number(r.tree_size),
  rootHash: r.root_hash ? hex(r.root_hash as Buffer) : null,
  ok: r.ok as boolean,
  problems: (typeof r.problems === 'string' ? JSON.parse(r.problems) : r.problems) as JournalAuditProblem[],
  entriesChecked: Number(r.entries_checked),
  sweptFrom: numOrNull(r.swept_from),
  sweptTo: numOrNull(r.swept_to),
  checkpointSize: numOrNull(r.checkpoint_size),
});

/** The newest self-audit's outcome, or null before the first. */
export async function latestAudit(em: EntityManager): Promise<JournalAudit | null> {
  const [r] = await em.execute(`select ${AUDIT_COLUMNS} from records.journal_audit order by seq desc limit 1`);
  return r ? toAudit(r) : null;
}

/** What the newest self-audit found wrong (empty when it passed, or none ran yet): for JOURNAL_NOT_INTACT findings. */
export async function latestAuditProblems(em: EntityManager): Promise<JournalAuditProblem[]> {
  return (await latestAudit(em))?.problems ?? [];
}

/**
 * Runs one audit in its own transaction. Returns null when another audit of this database holds
 * the audit lock (several service instances share the work, never duplicate it).
 */
export async function runJournalAudit(em: EntityManager, o: JournalAuditOptions = {}): Promise<JournalAuditRun | null> {
  const queued = await queueProblems(em);
  const run = await em.fork().transactional(async (tx) => {
    const [{ got }] = await tx.execute(`select pg_try_advisory_xact_lock(?) as got`, [JOURNAL_AUDIT_LOCK]);
    if (!got) return null;
    return audit(tx, {
      maxLeaves: o.maxLeaves ?? AUDIT_MAX_LEAVES,
      sweepLeaves: o.sweepLeaves ?? AUDIT_SWEEP_LEAVES,
      sweep: o.sweep ?? true,
      watch: o.watch,
      maxSuspects: o.maxSuspects ?? AUDIT_MAX_SUSPECTS,
      queued,
    });
  });
  // The marks count as seen only once the outcome that saw them is stored.
  if (run) o.watch?.commit(run.ok);
  return run;
}

/** Entries outside the journal (the entry source's anti-join), one problem each. */
async function unjournaledProblems(tx: EntityManager): Promise<JournalAuditProblem[]> {
  const found = (await journalEntrySource()?.unjournaled?.(tx, AUDIT_MAX_PROBLEMS)) ?? [];
  return found.map(({ entryId, caseId }) => ({
    message: `entry ${entryId} is not in the journal: it was added behind the journal's back, or its leaf was deleted`,
    caseIds: [caseId],
    entryId,
  }));
}

/** How long a queued leaf may wait for the tree before a failing integration is a finding of the self-audit. */
const QUEUE_PATIENCE_SECONDS = 60;

/**
 * Leaves a crash left queued (their writer's integration never ran) join the tree first, in a transaction of their
 * own: the audit's would hold the append lock, and so every write's integration, until it ends. What stays queued is
 * a problem: the integration keeps failing (every write is answered COMMIT_UNCONFIRMED meanwhile), or a queued leaf's
 * entry has a leaf already (integrations leave it be, so that it cannot stop them).
 */
async function queueProblems(em: EntityManager): Promise<JournalAuditProblem[]> {
  const problems: JournalAuditProblem[] = [];
  try {
    await em.fork().transactional((tx) => integrateQueued(tx));
  } catch (e) {
    // One failure (a timeout, a dropped connection) is no finding in the append-only audit record; leaves left
    // waiting past a minute are.
    const waiting = await queuedLongerThan(em.fork(), QUEUE_PATIENCE_SECONDS);
    if (waiting)
      problems.push({
        message:
          `${waiting} queued journal leaves have waited over ${QUEUE_PATIENCE_SECONDS} s and cannot be moved into ` +
          `the tree, so their entries stay outside it: ${(e as Error).message}`,
        caseIds: [],
      });
  }
  for (const q of await queuedAgain(em.fork()))
    problems.push({
      message: `entry ${q.entryId} is queued for the journal though it has a leaf already: the queue was written behind the service's back`,
      caseIds: [q.caseId],
      entryId: q.entryId,
    });
  return problems;
}

export interface JournalAuditOptions {
  maxLeaves?: number;
  sweepLeaves?: number;
  /** Check the next window of the rolling sweep (default true; the worker sweeps only during a full pass). */
  sweep?: boolean;
  /** Change detection: re-check the whole tree and suspect entries when the tables' marks moved. */
  watch?: ChangeWatch;
  /** Suspects re-hashed by name in one run (default AUDIT_MAX_SUSPECTS). */
  maxSuspects?: number;
}

/** Where the rolling sweep stands: inside a pass (or retrying a failed window), or when it last finished one. */
export async function sweepState(em: EntityManager): Promise<{ inPass: boolean; lastPassAt: Date | null }> {
  const [r] = await em.execute(LAST_SWEEP);
  if (!r) return { inPass: false, lastPassAt: null };
  const a = toAudit(r);
  // A window that reaches the audited head ends a pass.
  return a.ok && a.sweptTo === a.fromSize ? { inPass: false, lastPassAt: a.at } : { inPass: true, lastPassAt: null };
}

type AuditSettings = Required<Omit<JournalAuditOptions, 'watch'>> &
  Pick<JournalAuditOptions, 'watch'> & { queued: JournalAuditProblem[] };

async function audit(tx: EntityManager, o: AuditSettings): Promise<JournalAuditRun> {
  const { maxLeaves, sweepLeaves, sweep, watch } = o;
  const problems: JournalAuditProblem[] = [...o.queued];
  const global = (message: string) => problems.push({ message, caseIds: [] });

  const [lastOkRow] = await tx.execute(
    `select ${AUDIT_COLUMNS} from records.journal_audit where ok order by seq desc limit 1`,
  );
  const lastOk = lastOkRow ? toAudit(lastOkRow) : null;
  const previous = await latestAudit(tx);
  const [lastSweepRow] = await tx.execute(LAST_SWEEP);
  const lastSweep = lastSweepRow ? toAudit(lastSweepRow) : null;
  const cp = await latestCheckpoint(tx);
  const size = await treeSize(tx);
  const key = await publicKey(tx);

  if (cp) {
    try {
      verifyCheckpointNote(cp.note, key);
    } catch (e) {
      global(`the newest checkpoint (size ${cp.size}) does not verify: ${(e as Error).message}`);
    }
    if (cp.size > size) global(`the journal shrank: a checkpoint was signed at size ${cp.size}, ${size} leaves now`);
  }
  let base = lastOk?.treeSize ?? 0;
  let baseRoot = lastOk?.rootHash ? Buffer.from(lastOk.rootHash, 'hex') : EMPTY_ROOT;
  if (base > size) {
    global(`the journal shrank: the audit of ${lastOk!.at.toISOString()} verified ${base} leaves, ${size} now`);
    base = 0;
    baseRoot = EMPTY_ROOT;
  }
  if (base > 0) {
    // The audit table is not signed: its head must agree with the checkpoint signed for it.
    const [signed] = await tx.execute(`select root_hash, note from records.checkpoint where size = ?`, [base]);
    if (!signed) global(`no signed checkpoint exists for the audited head at size ${base}: a checkpoint was deleted`);
    else if (!(signed.root_hash as Buffer).equals(baseRoot)) {
      global(`the audited head at size ${base} differs from the checkpoint signed for it`);
    } else {
      try {
        verifyCheckpointNote(signed.note as string, key);
      } catch (e) {
        global(`the checkpoint at the audited size ${base} does not verify: ${(e as Error).message}`);
      }
    }
  }
  const target = Math.min(size, base + maxLeaves);

  // The stored nodes every consistency check reads, in one query.
  const cpSize = cp && cp.size <= size ? cp.size : null;
  const compute = (nodes: NodeSource) => ({
    root: rootFromNodes(target, nodes),
    edge: rightEdge(base, nodes),
    fromBase: consistencyProof(base, target, nodes),
    withCheckpoint:
      cpSize === null
        ? []
        : cpSize <= target
          ? consistencyProof(cpSize, target, nodes)
          : consistencyProof(target, cpSize, nodes),
  });
  let tree: ReturnType<typeof compute> | null = null;
  try {
    tree = compute(await fetchNodes(tx, nodesRead(compute)));
  } catch (e) {
    if (!(e instanceof MissingNodeError)) throw e;
    global(`the journal's tree is incomplete (${e.message}): rows were deleted`);
  }
  if (tree) {
    if (!rootFromEdge(base, tree.edge).equals(baseRoot))
      global(
        `the first ${base} leaves no longer hash to the head audited at that size: ` +
          'earlier leaves or nodes were changed or removed',
      );
    else if (!verifyConsistency(base, target, tree.fromBase, baseRoot, tree.root))
      global(`the journal at size ${target} is not consistent with the head audited at size ${base}`);
    if (cp && cpSize !== null) {
      const cpRoot = Buffer.from(cp.rootHash, 'hex');
      const consistent =
        cpSize <= target
          ? verifyConsistency(cpSize, target, tree.withCheckpoint, cpRoot, tree.root)
          : verifyConsistency(target, cpSize, tree.withCheckpoint, tree.root, cpRoot);
      if (!consistent) {
        global(
          `the journal is not consistent with its newest signed checkpoint (size ${cp.size}): ` +
            'earlier leaves were changed or removed',
        );
      }
    }
  }

  // Leaves added since the audited head: fold them onto its right edge and compare every node they complete.
  const fresh = await readLeaves(tx, base, target);
  problems.push(...gaps(fresh, base, target));
  if (tree && fresh.length === target - base) {
    problems.push(...(await foldProblems(tx, base, target, tree.edge, fresh)));
  }

  // Older leaves: the next window of the rolling sweep.
  let sweptFrom: number | null = null;
  let sweptTo: number | null = null;
  let swept: Leaf[] = [];
  if (base > 0 && sweep) {
    // Windows of `sweepLeaves` from 0 up; one cut short by the audited head ends a pass, and the next
    // pass starts again at 0 (a small log is swept whole every run). After a failed run the same
    // window is checked again, so a problem stays reported until it is resolved.
    const p = lastSweep;
    const resume = !p ? 0 : !p.ok ? p.sweptFrom! : p.sweptTo! - p.sweptFrom! === sweepLeaves ? p.sweptTo! : 0;
    sweptFrom = resume < base ? resume : 0;
    sweptTo = Math.min(sweptFrom + sweepLeaves, base);
    swept = await readLeaves(tx, sweptFrom, sweptTo);
    problems.push(...gaps(swept, sweptFrom, sweptTo));
    problems.push(...(await sweepProblems(tx, sweptFrom, sweptTo, base, swept)));
    // The pass's last window: every entry has its leaf, or a queued one.
    if (sweptTo === base) problems.push(...(await unjournaledProblems(tx)));
  }

  const { checked, problems: entryProblems } = await rehashEntries(tx, [...swept, ...fresh]);
  problems.push(...entryProblems);
  let entriesChecked = checked;
  // The watch state the newest run stored; a run without a watch passes it on unchanged.
  const [stored] = await tx.execute<{ watch: WatchState | null }[]>(
    `select watch from records.journal_audit order by seq desc limit 1`,
  );
  watch?.restore(stored?.watch ?? null);
  if (watch && base > 0) {
    const w = await watchedProblems(tx, watch, base, o, previous, [...swept, ...fresh]);
    problems.push(...w.problems);
    entriesChecked += w.checked;
  }

  let checkpointSize: number | null = null;
  if (!problems.length) {
    try {
      checkpointSize = (await createCheckpoint(tx, target)).size;
    } catch (e) {
      if (!(e instanceof JournalIntegrityError)) throw e;
      global(`refused to sign the head at size ${target}: ${e.message}`);
    }
  }
  const ok = problems.length === 0;
  const kept =
    problems.length > AUDIT_MAX_PROBLEMS
      ? [
          ...problems.slice(0, AUDIT_MAX_PROBLEMS),
          { message: `… and ${problems.length - AUDIT_MAX_PROBLEMS} more problems of this run`, caseIds: [] },
        ]
      : problems;
  const nextWatch = watch?.state(ok) ?? stored?.watch ?? null;
  const [row] = await tx.execute(
    `insert into records.journal_audit
       (from_size, tree_size, root_hash, ok, problems, entries_checked, swept_from, swept_to, checkpoint_size, watch)
     values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb) returning ${AUDIT_COLUMNS}`,
    [
      base,
      target,
      tree ? tree.root : null,
      ok,
      JSON.stringify(kept),
      entriesChecked,
      sweptFrom,
      sweptTo,
      checkpointSize,
      nextWatch ? JSON.stringify(nextWatch) : null,
    ],
  );
  return { ...toAudit(row), pending: size - target };
}

async function readLeaves(tx: EntityManager, from: number, to: number): Promise<Leaf[]> {
  if (to <= from) return [];
  const rows = await tx.execute(
    `select l.idx::text as idx, l.leaf_hash, l.entry_id, l.case_id from records.journal_leaf l
      where l.idx >= ? and l.idx < ? order by l.idx`,
    [from, to],
  );
  return rows.map(toLeaf);
}

const toLeaf = (r: Row): Leaf => ({
  index: Number(r.idx),
  hash: r.leaf_hash as Buffer,
  entryId: r.entry_id as string,
  caseId: r.case_id as string,
});

/** Leaf positions missing from [from, to): rows were deleted (the first few are named). */
function gaps(leaves: Leaf[], from: number, to: number): JournalAuditProblem[] {
  if (leaves.length === to - from) return [];
  const have = new Set(leaves.map((l) => l.index));
  const missing: number[] = [];
  for (let i = from; i < to && missing.length < 10; i++) if (!have.has(i)) missing.push(i);
  const message =
    `${to - from - leaves.length} leaves between ${from} and ${to} are missing ` +
    `(first: ${missing.join(', ')}): rows were deleted`;
  return [{ message, caseIds: [] }];
}

/** Cases of the leaves under node (level, index), when the subtree is small enough to name them. */
function casesUnder(level: number, index: number, leaves: Map<number, Leaf>): string[] {
  if (pow2(level) > ATTRIBUTE_LEAVES) return [];
  const ids = new Set<string>();
  for (let i = index * pow2(level); i < (index + 1) * pow2(level); i++) {
    const l = leaves.get(i);
    if (l) ids.add(l.caseId);
  }
  return [...ids];
}

const nodeProblem = (level: number, index: number, leaves: Map<number, Leaf>, why: string): JournalAuditProblem => ({
  message: `node ${level}/${index} (leaves ${index * pow2(level)}…${(index + 1) * pow2(level) - 1}) ${why}`,
  caseIds: casesUnder(level, index, leaves),
});

async function foldProblems(
  tx: EntityManager,
  base: number,
  target: number,
  edge: Map<number, Buffer>,
  fresh: Leaf[],
): Promise<JournalAuditProblem[]> {
  const expected = extendEdge(
    base,
    new Map(edge),
    fresh.map((l) => l.hash),
  );
  if (!expected.length) return [];
  const rows = await tx.execute(
    `select n.level, n.idx::text as idx, n.hash from generate_series(1, 62) g
       join records.journal_node n on n.level = g and n.idx >= (?::bigint >> g) and n.idx < (?::bigint >> g)`,
    [base, target],
  );
  const stored = new Map(rows.map((r) => [`${r.level}/${r.idx}`, r.hash as Buffer]));
  const byIndex = new Map(fresh.map((l) => [l.index, l]));
  const wrong = new Set<string>();
  const out: JournalAuditProblem[] = [];
  for (const n of expected) {
    const h = stored.get(`${n.level}/${n.index}`);
    if (!h) out.push(nodeProblem(n.level, n.index, byIndex, 'is missing: rows were deleted'));
    else if (!h.equals(n.hash)) wrong.add(`${n.level}/${n.index}`);
  }
  // A changed leaf makes every node above it differ: name the lowest, where the change is.
  for (const k of wrong) {
    const [level, index] = k.split('/').map(Number);
    if (wrong.has(`${level - 1}/${2 * index}`) || wrong.has(`${level - 1}/${2 * index + 1}`)) continue;
    out.push(
      nodeProblem(
        level,
        index,
        byIndex,
        'does not match the leaves below it: a leaf or the node was altered after it was written',
      ),
    );
  }
  if (rows.length > expected.length) {
    out.push({
      message:
        `${rows.length - expected.length} stored nodes above leaf ${base} belong to no leaf: ` +
        "rows were inserted behind the journal's back",
      caseIds: [],
    });
  }
  return out;
}

/** Every stored node that starts in [from, to) and lies below `base`, re-hashed from its stored children in SQL. */
async function sweepProblems(
  tx: EntityManager,
  from: number,
  to: number,
  base: number,
  leaves: Leaf[],
): Promise<JournalAuditProblem[]> {
  const [r] = await tx.execute(
    `with c as (
       select n.level, n.idx, n.hash,
              case when n.level = 1 then (select l.leaf_hash from records.journal_leaf l where l.idx = 2 * n.idx)
                   else (select k.hash from records.journal_node k
                          where k.level = n.level - 1 and k.idx = 2 * n.idx) end as lh,
              case when n.level = 1 then (select l.leaf_hash from records.journal_leaf l where l.idx = 2 * n.idx + 1)
                   else (select k.hash from records.journal_node k
                          where k.level = n.level - 1 and k.idx = 2 * n.idx + 1) end as rh
         from generate_series(1, 62) g
         join records.journal_node n on n.level = g
          and n.idx >= ((?::bigint + (1::bigint << g) - 1) >> g)
          and n.idx < ((?::bigint + (1::bigint << g) - 1) >> g)
          and ((n.idx + 1) << g) <= ?::bigint)
     select count(*)::int as checked,
            coalesce(jsonb_agg(jsonb_build_object('level', level, 'idx', idx::text,
                                                  'missing', lh is null or rh is null))
              filter (where hash is distinct from sha256('\\x01'::bytea || lh || rh)), '[]') as bad
       from c`,
    [from, to, base],
  );
  let expected = 0;
  for (let level = 1; pow2(level) <= base; level++) {
    expected += Math.max(0, Math.min(ceilDiv(to, level), Math.floor(base / pow2(level))) - ceilDiv(from, level));
  }
  const byIndex = new Map(leaves.map((l) => [l.index, l]));
  type Bad = { level: number; idx: string; missing: boolean };
  const bad = (typeof r.bad === 'string' ? JSON.parse(r.bad) : r.bad) as Bad[];
  // The whole-tree check passes no leaves: read those under the few small bad nodes, to name their cases.
  for (const b of bad.slice(0, AUDIT_MAX_PROBLEMS)) {
    const first = Number(b.idx) * pow2(b.level);
    if (pow2(b.level) <= ATTRIBUTE_LEAVES && !byIndex.has(first))
      for (const l of await readLeaves(tx, first, first + pow2(b.level))) byIndex.set(l.index, l);
  }
  const out = bad.map((b) =>
    nodeProblem(
      b.level,
      Number(b.idx),
      byIndex,
      b.missing
        ? 'has a missing child: rows were deleted'
        : 'does not match its children: a leaf or a node was altered after it was written',
    ),
  );
  if (r.checked !== expected) {
    const message =
      `${expected - (r.checked as number)} stored nodes over leaves ${from}…${to - 1} are missing: ` +
      'rows were deleted';
    out.push({ message, caseIds: [] });
  }
  return out;
}

/** Each leaf's entry, rebuilt by the records subgraph (its registered entry source), re-hashed and compared. */
async function rehashEntries(
  tx: EntityManager,
  leaves: Leaf[],
): Promise<{ checked: number; problems: JournalAuditProblem[] }> {
  const source = journalEntrySource();
  if (!source || !leaves.length) return { checked: 0, problems: [] };
  const problems: JournalAuditProblem[] = [];
  const log = logger('records:journal-audit');
  for (let i = 0; i < leaves.length; i += ENTRY_CHUNK) {
    const chunk = leaves.slice(i, i + ENTRY_CHUNK);
    const ctx = newContext({ identity: AUDIT_IDENTITY, em: tx, log });
    const bytes = await source.entryBytes(
      ctx,
      chunk.map((l) => l.entryId),
    );
    chunk.forEach((l, k) => {
      const b = bytes[k];
      const at = { caseIds: [l.caseId], entryId: l.entryId, leafIndex: l.index };
      const what = `entry ${l.entryId} (leaf ${l.index})`;
      if (!b) problems.push({ ...at, message: `${what} is journaled but missing from the records: it was deleted` });
      else if (!hashLeaf(b).equals(l.hash)) {
        problems.push({ ...at, message: `${what} no longer hashes to its leaf: the entry or the leaf was altered` });
      }
    });
  }
  return { checked: leaves.length, problems };
}

/**
 * The frequent audit's checks of leaves below the audited head, each only when the watch says the
 * tables changed (see change-watch.ts): the whole tree re-hashed in SQL; the entries the records call
 * suspect and the entries the previous run named, re-hashed; and one window of an all-entries pass.
 */
async function watchedProblems(
  tx: EntityManager,
  watch: ChangeWatch,
  base: number,
  o: Pick<AuditSettings, 'sweepLeaves' | 'maxSuspects'>,
  previous: JournalAudit | null,
  done: Leaf[],
): Promise<{ checked: number; problems: JournalAuditProblem[] }> {
  const source = journalEntrySource();
  const d = await watch.decide(tx, source?.tables ?? [], previous !== null && !previous.ok, base, o.sweepLeaves);
  const problems: JournalAuditProblem[] = [];
  if (d.tree) {
    const [{ n }] = await tx.execute(`select count(*)::text as n from records.journal_leaf where idx < ?`, [base]);
    if (Number(n) !== base) {
      const message = `${base - Number(n)} of the first ${base} leaves are missing: rows were deleted`;
      problems.push({ message, caseIds: [] });
    }
    problems.push(...(await sweepProblems(tx, 0, base, base, [])));
  }
  if (!source) return { checked: 0, problems };
  const doneIds = new Set(done.map((l) => l.entryId));
  const inWindow = d.window ? await readLeaves(tx, d.window.from, d.window.to) : [];
  const ids = new Set<string>();
  for (const p of previous && !previous.ok ? previous.problems : []) if (p.entryId) ids.add(p.entryId);
  if (d.suspects && source.suspects) {
    const suspects = await source.suspects(tx, o.maxSuspects + 1);
    if (suspects.length > o.maxSuspects) watch.passAll(base);
    else for (const id of suspects) ids.add(id);
  }
  for (const l of [...done, ...inWindow]) ids.delete(l.entryId);
  const rows = ids.size
    ? await tx.execute(
        `select idx::text as idx, leaf_hash, entry_id, case_id from records.journal_leaf
        where entry_id = any(?::uuid[]) and idx < ? order by idx`,
        [`{${[...ids].join(',')}}`, base],
      )
    : [];
  const named = rows.map(toLeaf);
  const r = await rehashEntries(tx, [...inWindow.filter((l) => !doneIds.has(l.entryId)), ...named]);
  return { checked: r.checked, problems: [...problems, ...r.problems] };
}
