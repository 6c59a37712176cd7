// The pure module only: journal/index.js would also load resolvers, whose decorators must not run twice in tests.
import { hashChildren } from '@tsp/records/dist/journal/merkle.js';
import type { Client } from 'pg';

import { copyRows } from './copy.js';

/**
 * Leaves in order after those already in the journal, and every complete subtree node they close, as the
 * journal's own append does: node (level, i) = hash(node(level-1, 2i), node(level-1, 2i+1)). A left
 * sibling written by an earlier load is read back from the database.
 */
export async function loadJournal(
  db: Client,
  leaves: { entryId: string; caseId: string; hash: Buffer }[],
): Promise<void> {
  const { rows } = await db.query<{ n: string }>(
    'select coalesce(max(idx) + 1, 0)::text as n from records.journal_leaf',
  );
  const start = Number(rows[0].n);
  const stored = async (level: number, idx: number): Promise<Buffer> => {
    const r =
      level === 0
        ? await db.query<{ h: Buffer }>('select leaf_hash as h from records.journal_leaf where idx = $1', [idx])
        : await db.query<{ h: Buffer }>('select hash as h from records.journal_node where level = $1 and idx = $2', [
            level,
            idx,
          ]);
    return r.rows[0].h;
  };
  const frontier: Buffer[] = [];
  const leafRows: unknown[][] = [];
  const nodeRows: unknown[][] = [];
  for (const [k, l] of leaves.entries()) {
    const n = start + k;
    leafRows.push([n, l.hash, l.entryId, l.caseId]);
    let h = l.hash;
    let i = n;
    let level = 0;
    while (i % 2 === 1) {
      h = hashChildren(frontier[level] ?? (await stored(level, i - 1)), h);
      i = (i - 1) / 2;
      level++;
      nodeRows.push([level, i, h]);
    }
    frontier[level] = h;
  }
  await copyRows(db, 'records.journal_leaf', ['idx', 'leaf_hash', 'entry_id', 'case_id'], leafRows);
  await copyRows(db, 'records.journal_node', ['level', 'idx', 'hash'], nodeRows);
}
