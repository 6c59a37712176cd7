import { EMPTY_ROOT, hashChildren, type NodeSource } from './merkle.js';

/**
 * The right edge of a tree: for each level L whose bit is set in the size, the complete subtree of
 * 2^L leaves still waiting for its right sibling. It is all an append needs (what
 * records.journal_append_batch does in SQL), and what the self-audit folds new leaves onto to
 * recompute every node written since its last audited head. Pure; positions as plain numbers.
 */
export type RightEdge = Map<number, Buffer>;

export interface CompletedNode {
  level: number;
  index: number;
  hash: Buffer;
}

/** Levels whose bit is set in `size`, low to high. */
function setBits(size: number): number[] {
  const out: number[] = [];
  for (let level = 0, s = size; s > 0; level++, s = Math.floor(s / 2)) if (s % 2 === 1) out.push(level);
  return out;
}

/** The right edge of the tree of `size` leaves, read from a node source: node (L, ⌊size/2^L⌋ − 1) per set bit L. */
export function rightEdge(size: number, nodes: NodeSource): RightEdge {
  return new Map(setBits(size).map((level) => [level, nodes(level, Math.floor(size / 2 ** level) - 1)]));
}

/**
 * Appends leaf hashes to a tree of `size` leaves given by its right edge (updated in place), and
 * returns every subtree the appends complete, in the order they complete.
 */
export function extendEdge(size: number, edge: RightEdge, leafHashes: readonly Buffer[]): CompletedNode[] {
  const completed: CompletedNode[] = [];
  let n = size;
  for (const leaf of leafHashes) {
    let h = leaf;
    let i = n;
    let level = 0;
    while (i % 2 === 1) {
      const left = edge.get(level);
      if (!left) throw new RangeError(`right edge of size ${n} has no node at level ${level}`);
      edge.delete(level);
      h = hashChildren(left, h);
      i = (i - 1) / 2;
      level++;
      completed.push({ level, index: i, hash: h });
    }
    edge.set(level, h);
    n++;
  }
  return completed;
}

/** MTH of the tree of `size` leaves from its right edge: the smallest subtree folded into the larger ones. */
export function rootFromEdge(size: number, edge: RightEdge): Buffer {
  const levels = setBits(size);
  if (!levels.length) return EMPTY_ROOT;
  const at = (level: number) => {
    const h = edge.get(level);
    if (!h) throw new RangeError(`right edge of size ${size} has no node at level ${level}`);
    return h;
  };
  let h = at(levels[0]);
  for (const level of levels.slice(1)) h = hashChildren(at(level), h);
  return h;
}
