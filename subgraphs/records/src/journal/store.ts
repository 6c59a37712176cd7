import type { EntityManager } from '@mikro-orm/postgresql';
import { afterCommitNow, COMMIT_WITHOUT_FLUSH, flushAfterCommit, runAfterCommit } from '@tsp/shared';

import {
  consistencyProof,
  hashLeaf,
  inclusionProof,
  MissingNodeError,
  type NodeSource,
  nodesRead,
  rootFromNodes,
} from './merkle.js';

/**
 * The one global journal of the records subgraph, in PostgreSQL. Level 0 of the tree is
 * records.journal_leaf; records.journal_node holds every complete aligned subtree above it, written
 * once when its last leaf arrives. Any tree head or proof for any size reads O(log n) rows, in one query.
 */

/** Key of the transaction-scoped advisory lock that sequences appends ('tspJ'). */
export const JOURNAL_APPEND_LOCK = 0x7473704a;

export class JournalRangeError extends Error {}

/** The after-commit statement that moves queued leaves into the tree (migration 0017, records.journal_integrate). */
const JOURNAL_INTEGRATION = 'journal integration';
/**
 * One message, one round trip. Its COMMIT waits for the disk (and for synchronous standbys), as an after-commit
 * statement must, so it confirms the writers' COMMITs too, which did not wait: their commit records come before it.
 * The transactional message makes sure there is a commit record to wait for when nothing was queued (the leaves were
 * moved by another run, or rolled back with a savepoint). Under the append lock, but integrations take turns anyway.
 * With `synchronous_commit = off` for the server, the flush after it (as CONFIRM_COMMITS_SQL does).
 */
export const INTEGRATE_JOURNAL_SQL = `begin;
select records.journal_integrate(null) as integrated;
select pg_logical_emit_message(true, 'tsp.flush', '');
commit;
select pg_logical_emit_message(false, 'tsp.flush', '', true)
 where current_setting('synchronous_commit') = 'off' and pg_current_wal_flush_lsn() < pg_current_wal_insert_lsn()`;

/** records' DbOptions.afterCommit: openOrm runs the integration on a connection of its own. */
export const JOURNAL_AFTER_COMMIT = { [JOURNAL_INTEGRATION]: INTEGRATE_JOURNAL_SQL } as const;

/**
 * 排队入日志 Queues one leaf (a record entry's canonical bytes) for the log and returns its hash, hex. In a
 * transaction, the leaf commits or rolls back with the entry, takes no lock, and is moved into the tree after the
 * COMMIT, before the caller goes on; outside one, it is moved at once. Either way the caller goes on only once the leaf
 * is in the tree and on disk, and a failure there is CommitUnconfirmed: the entry is kept, and its queued leaf is
 * moved by the next integration (any write's, or the self-audit's). Concurrent writers' leaves are moved by one
 * transaction (records.journal_integrate), so writes of different cases no longer take turns on the append lock.
 * The ORM must have been opened with JOURNAL_AFTER_COMMIT.
 */
export async function queueLeaf(em: EntityManager, p: JournalAppend): Promise<string> {
  const leafHash = hashLeaf(p.data);
  // Asked for before the insert: an ORM without the integration refuses the write instead of leaving the leaf queued.
  let integrate: (() => Promise<void>) | undefined;
  if (em.isInTransaction()) runAfterCommit(em, JOURNAL_INTEGRATION);
  else integrate = afterCommitNow(em, JOURNAL_INTEGRATION);
  // The COMMIT need not wait for the disk: the flush after the integration covers it.
  await em.execute(
    `with c as (select ${COMMIT_WITHOUT_FLUSH}) insert into records.journal_queue (entry_id, case_id, leaf_hash)
     select ?, ?, ? from c`,
    [p.entryId, p.caseId, leafHash],
  );
  await integrate?.();
  return hex(leafHash);
}

/** Whether the entry's leaf is queued, not yet in the tree. */
export async function isQueued(em: EntityManager, entryId: string): Promise<boolean> {
  return (await run(em, `select 1 from records.journal_queue where entry_id = ?`, [entryId])).length > 0;
}

/** Moves every leaf queued so far into the tree, in the caller's transaction (the self-audit, before it reads). */
export async function integrateQueued(em: EntityManager): Promise<number> {
  const [r] = await run(em, `select records.journal_integrate(null) as n`);
  return Number(r.n);
}

/** How many leaves have been queued for longer than `seconds`. */
export async function queuedLongerThan(em: EntityManager, seconds: number): Promise<number> {
  const [r] = await run(
    em,
    `select count(*)::int as n from records.journal_queue where queued_at < now() - make_interval(secs => ?)`,
    [seconds],
  );
  return r.n as number;
}

/** The queue now: how many leaves wait for the tree, and how long the oldest has waited (0 when none). */
export async function queueState(em: EntityManager): Promise<{ leaves: number; oldestSeconds: number }> {
  const [r] = await run(
    em,
    `select count(*)::int as n, coalesce(extract(epoch from now() - min(queued_at)), 0)::float8 as oldest
       from records.journal_queue`,
  );
  return { leaves: r.n as number, oldestSeconds: r.oldest as number };
}

/** Queued leaves whose entry has a leaf already (integrations leave them queued), at most `limit`. */
export async function queuedAgain(em: EntityManager, limit = 20): Promise<{ entryId: string; caseId: string }[]> {
  const rows = await run(
    em,
    `select q.entry_id, q.case_id from records.journal_queue q
      where exists (select 1 from records.journal_leaf l where l.entry_id = q.entry_id) order by q.seq limit ?`,
    [limit],
  );
  return rows.map((r) => ({ entryId: r.entry_id as string, caseId: r.case_id as string }));
}

type Row = Record<string, unknown>;
const run = (em: EntityManager, sql: string, params: unknown[] = []): Promise<Row[]> => em.execute(sql, params);
const hex = (b: Buffer): string => b.toString('hex');
/** Postgres array literal of plain tokens (numbers, hex): nothing here needs quoting. */
const pgArray = (xs: readonly (string | number)[]): string => `{${xs.join(',')}}`;

export interface AppendedLeaf {
  /** Position in the global log (0-based). */
  index: number;
  /** SHA-256(0x00 ‖ data), hex. */
  leafHash: string;
}

/**
 * Appends one leaf (a record entry's canonical bytes) to the log, with the subtree hashes it completes.
 * Call it inside the transaction that writes the entry, as late as possible: the append lock is held
 * until that transaction ends, and it makes concurrent appends take turns. READ COMMITTED (the default)
 * is required, so that the size read after the lock sees the previous holder's commit.
 */
export async function appendLeaf(em: EntityManager, p: JournalAppend): Promise<AppendedLeaf> {
  // journal_append_batch directly: one PL/pgSQL call fewer than journal_append(entry, case, leaf).
  const sql = `select t.idx::text as idx, t.leaf_hash from records.journal_append_batch(array[?::uuid], array[?::uuid], array[?::bytea]) t, ${COMMIT_WITHOUT_FLUSH}`;
  return (await callAppend(em, [p], sql, [p.entryId, p.caseId, p.data]))[0];
}

export interface JournalAppend {
  entryId: string;
  caseId: string;
  /** The entry's canonical bytes (canonicalEntryBytes). */
  data: Buffer;
}

/**
 * Appends several leaves, in order, in one round trip (for callers that write many entries in one
 * transaction, e.g. an import). Same guarantees as appendLeaf: inside the caller's transaction, indexes
 * consecutive and known on return, the append lock held until that transaction ends.
 *
 * The work is done by records.journal_append_batch (migration 0005): lock, size, hashing with
 * PostgreSQL's sha256() and inserts in one call. Each returned leaf hash is checked against the
 * TypeScript reference (merkle.ts), so the two implementations can never silently disagree.
 */
export async function appendLeaves(em: EntityManager, items: readonly JournalAppend[]): Promise<AppendedLeaf[]> {
  if (!items.length) return [];
  return callAppend(
    em,
    items,
    `select t.idx::text as idx, t.leaf_hash from records.journal_append_batch(?::uuid[], ?::uuid[], ?::bytea[]) t, ${COMMIT_WITHOUT_FLUSH} order by t.idx`,
    [
      pgArray(items.map((i) => i.entryId)),
      pgArray(items.map((i) => i.caseId)),
      pgArray(items.map((i) => `"\\\\x${hex(i.data)}"`)),
    ],
  );
}

async function callAppend(
  em: EntityManager,
  items: readonly JournalAppend[],
  sql: string,
  params: unknown[],
): Promise<AppendedLeaf[]> {
  if (!em.isInTransaction()) throw new Error('appendLeaf must run inside the transaction that writes the entry');
  // Group commit (@tsp/shared group-commit.ts): the append lock is released at COMMIT without waiting for the
  // disk; the transaction's caller goes on once the WAL is flushed.
  flushAfterCommit(em);
  let rows: Row[];
  try {
    rows = await run(em, sql, params);
  } catch (e) {
    const m = /journal node missing at level (\d+), index (\d+)/.exec((e as Error).message);
    throw m ? new MissingNodeError(Number(m[1]), Number(m[2])) : e;
  }
  return rows.map((r, k) => {
    const expected = hex(hashLeaf(items[k].data));
    const got = hex(r.leaf_hash as Buffer);
    if (got !== expected)
      throw new Error(`journal_append hashed leaf ${r.idx} to ${got}, the reference gives ${expected}`);
    return { index: Number(r.idx), leafHash: got };
  });
}

/** Number of leaves in the log now. */
export async function treeSize(em: EntityManager): Promise<number> {
  const [r] = await run(em, `select coalesce(max(idx) + 1, 0)::text as n from records.journal_leaf`);
  return Number(r.n);
}

/** Reads the given stored subtree hashes (level 0 from journal_leaf) in one query. */
export async function fetchNodes(em: EntityManager, keys: readonly [number, number][]): Promise<NodeSource> {
  const leaves = keys.filter(([l]) => l === 0).map(([, i]) => i);
  const inner = keys.filter(([l]) => l > 0);
  const found = new Map<string, Buffer>();
  if (keys.length) {
    const rows = await run(
      em,
      `select 0 as level, idx::text as idx, leaf_hash as hash from records.journal_leaf where idx = any(?::bigint[])
       union all
       select level, idx::text, hash from records.journal_node
        where (level, idx) in (select * from unnest(?::int[], ?::bigint[]))`,
      [pgArray(leaves), pgArray(inner.map(([l]) => l)), pgArray(inner.map(([, i]) => i))],
    );
    for (const r of rows) found.set(`${r.level}:${r.idx}`, r.hash as Buffer);
  }
  return (level, index) => {
    const h = found.get(`${level}:${index}`);
    if (!h) throw new MissingNodeError(level, index);
    return h;
  };
}

/** Runs pure tree computations against the store: learns the nodes they read, fetches them at once, computes. */
export async function withNodes<T>(em: EntityManager, compute: (nodes: NodeSource) => T): Promise<T> {
  return compute(await fetchNodes(em, nodesRead(compute)));
}

async function checkedSize(em: EntityManager, ...sizes: number[]): Promise<number> {
  const current = await treeSize(em);
  for (const s of sizes) {
    if (!Number.isSafeInteger(s) || s < 0 || s > current)
      throw new JournalRangeError(`tree size ${s} is outside 0…${current}, the journal's current size`);
  }
  return current;
}

export interface TreeHead {
  size: number;
  /** MTH of the first `size` leaves, hex. */
  rootHash: string;
}

/** The tree head now, or at an earlier size. */
export async function treeHead(em: EntityManager, size?: number): Promise<TreeHead> {
  const current = await checkedSize(em, ...(size === undefined ? [] : [size]));
  const s = size ?? current;
  return { size: s, rootHash: hex(await withNodes(em, (nodes) => rootFromNodes(s, nodes))) };
}

export interface StoredInclusionProof {
  index: number;
  treeSize: number;
  leafHash: string;
  /** Audit path, hex, leaf side first (RFC 6962 §2.1.1). */
  proof: string[];
  /** Head of the tree of `treeSize` leaves, hex. */
  rootHash: string;
}

export async function inclusionProofFor(em: EntityManager, index: number, size: number): Promise<StoredInclusionProof> {
  await checkedSize(em, size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size)
    throw new JournalRangeError(`leaf ${index} is not in a tree of size ${size}`);
  const r = await withNodes(em, (nodes) => ({
    leaf: nodes(0, index),
    proof: inclusionProof(index, size, nodes),
    root: rootFromNodes(size, nodes),
  }));
  return { index, treeSize: size, leafHash: hex(r.leaf), proof: r.proof.map(hex), rootHash: hex(r.root) };
}

export interface StoredConsistencyProof {
  fromSize: number;
  toSize: number;
  fromRoot: string;
  toRoot: string;
  /** RFC 6962 §2.1.2 proof, hex. */
  proof: string[];
}

export async function consistencyProofFor(em: EntityManager, m: number, n: number): Promise<StoredConsistencyProof> {
  await checkedSize(em, m, n);
  if (m > n) throw new JournalRangeError(`from size ${m} is larger than to size ${n}`);
  const r = await withNodes(em, (nodes) => ({
    proof: consistencyProof(m, n, nodes),
    from: rootFromNodes(m, nodes),
    to: rootFromNodes(n, nodes),
  }));
  return { fromSize: m, toSize: n, fromRoot: hex(r.from), toRoot: hex(r.to), proof: r.proof.map(hex) };
}

export interface CaseLeaf {
  /** null: queued, not in the tree yet (queueLeaf). */
  index: number | null;
  entryId: string;
  caseId: string;
  leafHash: string;
}

/** A leaf in the tree. */
export type TreeLeaf = CaseLeaf & { index: number };

const toLeaf = (r: Row): CaseLeaf => ({
  index: r.idx === null ? null : Number(r.idx),
  entryId: r.entry_id as string,
  caseId: r.case_id as string,
  leafHash: hex(r.leaf_hash as Buffer),
});

/** The case's leaves in log order, then those still queued. */
export async function leafHashesOfCase(em: EntityManager, caseId: string): Promise<CaseLeaf[]> {
  return leavesOfCases(em, [caseId]);
}

/**
 * Leaves of several cases in one query, in log order, then those still queued in queue order. One statement, so one
 * snapshot: a leaf being integrated is seen either queued or in the tree, never twice or not at all.
 */
export async function leavesOfCases(em: EntityManager, caseIds: readonly string[]): Promise<CaseLeaf[]> {
  if (!caseIds.length) return [];
  const rows = await run(
    em,
    `select * from (
       select idx, entry_id, case_id, leaf_hash, null::bigint as seq from records.journal_leaf where case_id = any(?::uuid[])
       union all
       select null, entry_id, case_id, leaf_hash, seq from records.journal_queue where case_id = any(?::uuid[])) l
     order by idx nulls last, seq`,
    [pgArray(caseIds), pgArray(caseIds)],
  );
  return rows.map(toLeaf);
}

/** Leaves of the given entries, in the order asked (null where an entry has none). */
export async function leavesOfEntries(em: EntityManager, entryIds: readonly string[]): Promise<(TreeLeaf | null)[]> {
  if (!entryIds.length) return [];
  const rows = await run(
    em,
    `select idx, entry_id, case_id, leaf_hash from records.journal_leaf where entry_id = any(?::uuid[])`,
    [pgArray(entryIds)],
  );
  const leaves = rows.map(toLeaf) as TreeLeaf[];
  return entryIds.map((id) => leaves.find((l) => l.entryId === id) ?? null);
}
