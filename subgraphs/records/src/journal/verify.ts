import type { EntityManager } from '@mikro-orm/postgresql';

import { latestCheckpoint, publicKey } from './checkpoint.js';
import {
  consistencyProof,
  hashLeaf,
  inclusionProof,
  MissingNodeError,
  rootFromNodes,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';
import { type NodeSource, nodesRead } from './merkle.js';
import { verifyCheckpointNote } from './note.js';
import { type CaseLeaf, fetchNodes, leavesOfCases, type TreeLeaf, treeSize } from './store.js';

/** A case's entries as stored now, each with the canonical bytes the records subgraph rebuilds from its row. */
export interface CaseEntries {
  caseId: string;
  entries: { entryId: string; bytes: Buffer }[];
}

export interface CaseJournalReport {
  caseId: string;
  /** Leaves of this case in the log (not counting those still queued, a moment after their write). */
  length: number;
  /** Head of the whole log the case was checked against, hex. */
  rootHash: string;
  /** Size of that log. */
  treeSize: number;
  /** Newest signed checkpoint the log was checked against (null: none signed yet). */
  checkpointSize: number | null;
  intact: boolean;
  /** What does not check out, one sentence each. Empty when intact. */
  problems: string[];
}

const hex = (b: Buffer) => b.toString('hex');

/**
 * Re-hashes each case's entries and checks them against the log: every entry has its leaf with the
 * same hash, every leaf has its entry, every leaf is included in the tree, and the tree is consistent
 * with the newest signed checkpoint (whose signature must verify). Constant number of queries.
 */
export async function verifyCaseJournals(
  em: EntityManager,
  cases: readonly CaseEntries[],
): Promise<CaseJournalReport[]> {
  const leaves = await leavesOfCases(
    em,
    cases.map((c) => c.caseId),
  );
  const size = await treeSize(em);
  const cp = await latestCheckpoint(em);
  const global: string[] = [];
  if (cp) {
    try {
      verifyCheckpointNote(cp.note, await publicKey(em));
    } catch (e) {
      global.push(`the newest checkpoint (size ${cp.size}) does not verify: ${(e as Error).message}`);
    }
    if (cp.size > size) global.push(`the journal shrank: checkpoint signed at size ${cp.size}, ${size} leaves now`);
  }
  const anchor = cp && cp.size <= size ? cp.size : 0;

  // One pass learns every stored node the checks read; one query fetches them.
  const inTree = leaves.filter((l): l is TreeLeaf => l.index !== null && l.index < size);
  const compute = (nodes: NodeSource) => ({
    root: rootFromNodes(size, nodes),
    anchorProof: consistencyProof(anchor, size, nodes),
    proofs: inTree.map((l) => ({ leaf: l, proof: inclusionProof(l.index, size, nodes) })),
  });
  let computed: ReturnType<typeof compute> | null = null;
  try {
    computed = compute(await fetchNodes(em, nodesRead(compute)));
  } catch (e) {
    if (!(e instanceof MissingNodeError)) throw e;
    global.push(`the journal's tree is incomplete (${e.message}): rows were deleted`);
  }
  const rootHash = computed ? hex(computed.root) : '';
  if (computed && cp && anchor > 0) {
    const ok = verifyConsistency(anchor, size, computed.anchorProof, Buffer.from(cp.rootHash, 'hex'), computed.root);
    if (!ok)
      global.push(
        `the journal is not consistent with its signed checkpoint at size ${cp.size}: earlier leaves were changed or removed`,
      );
  }
  const included = new Map<number, boolean>();
  for (const { leaf, proof } of computed?.proofs ?? []) {
    included.set(
      leaf.index,
      verifyInclusion(leaf.index, size, Buffer.from(leaf.leafHash, 'hex'), proof, computed!.root),
    );
  }

  return cases.map((c) => {
    const mine = leaves.filter((l) => l.caseId === c.caseId);
    const problems = [...global, ...caseProblems(c, mine, size, included)];
    return {
      caseId: c.caseId,
      length: mine.filter((l) => l.index !== null).length,
      rootHash,
      treeSize: size,
      checkpointSize: cp?.size ?? null,
      intact: problems.length === 0,
      problems,
    };
  });
}

function caseProblems(c: CaseEntries, leaves: CaseLeaf[], size: number, included: Map<number, boolean>): string[] {
  const problems: string[] = [];
  const byEntry = new Map(leaves.map((l) => [l.entryId, l]));
  for (const e of c.entries) {
    const leaf = byEntry.get(e.entryId);
    if (!leaf)
      problems.push(
        `entry ${e.entryId} is not in the journal: it was added behind the journal's back, or its leaf was deleted`,
      );
    else if (hex(hashLeaf(e.bytes)) !== leaf.leafHash)
      problems.push(
        `entry ${e.entryId} (${leaf.index === null ? 'queued leaf' : `leaf ${leaf.index}`}) was altered: ` +
          'its content no longer hashes to the journaled leaf',
      );
  }
  const entryIds = new Set(c.entries.map((e) => e.entryId));
  for (const l of leaves) {
    if (!entryIds.has(l.entryId))
      problems.push(
        `entry ${l.entryId} (leaf ${l.index ?? 'queued'}) is in the journal but missing from the case: it was deleted`,
      );
    // A queued leaf is checked against its entry above; it has no place in the tree yet.
    if (l.index === null) continue;
    if (l.index >= size)
      problems.push(`leaf ${l.index} lies beyond the journal's size ${size}: leaves before it were deleted`);
    else if (included.get(l.index) === false)
      problems.push(
        `leaf ${l.index} (entry ${l.entryId}) is not included in the journal's tree: the leaf or the tree was altered`,
      );
  }
  return problems;
}

export async function verifyCaseJournal(em: EntityManager, c: CaseEntries): Promise<CaseJournalReport> {
  return (await verifyCaseJournals(em, [c]))[0];
}
