import { createHash } from 'node:crypto';

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing, proofs and verifiers. Pure functions over hashes.
 *
 * Positions are plain numbers (safe to 2^53). Arithmetic avoids `>>`/`&`, which truncate to 32 bits.
 * A tree is read through a {@link NodeSource}: the hash of a complete, aligned subtree, so a proof
 * needs only O(log n) stored nodes (see store.ts) or can be computed from an in-memory leaf list.
 */

export const HASH_SIZE = 32;

export function sha256(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({d}) = SHA-256(0x00 ‖ d). */
export function hashLeaf(data: Uint8Array): Buffer {
  return sha256(LEAF_PREFIX, data);
}

/** Interior node: SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

/** MTH({}) = SHA-256() — the root of the empty tree. */
export const EMPTY_ROOT: Buffer = sha256();

/**
 * Hash of the complete aligned subtree at `level`, `index`: it covers leaves
 * [index·2^level, (index+1)·2^level). Level 0 is the leaf hashes themselves.
 */
export type NodeSource = (level: number, index: number) => Buffer;

export class MissingNodeError extends Error {
  constructor(
    readonly level: number,
    readonly index: number,
  ) {
    super(`journal node missing at level ${level}, index ${index}`);
  }
}

const pow2 = (l: number): number => 2 ** l;
const isOdd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

/** Largest power of two strictly below n (n ≥ 2): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && splitPoint(n * 2) === n;
}

/** Every complete subtree of an in-memory leaf list (O(n) memory): for tests, tools and small trees. */
export function nodeSourceFromLeaves(leafHashes: readonly Buffer[]): NodeSource {
  const levels: Buffer[][] = [leafHashes.slice()];
  while (levels[levels.length - 1].length > 1) {
    const below = levels[levels.length - 1];
    const up: Buffer[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) up.push(hashChildren(below[i], below[i + 1]));
    levels.push(up);
  }
  return (level, index) => {
    const h = levels[level]?.[index];
    if (!h) throw new MissingNodeError(level, index);
    return h;
  };
}

/**
 * MTH of leaves [start, end) where start is aligned to a power of two ≥ end − start — the only
 * ranges RFC 6962's recursion ever asks for: a complete subtree, or one that ends at the tree's size.
 * It is the right-to-left fold of the complete subtrees in the binary decomposition of the range.
 */
export function rangeHash(start: number, end: number, nodes: NodeSource): Buffer {
  if (!(start >= 0 && end > start)) throw new RangeError(`empty or invalid range [${start}, ${end})`);
  const pieces: Buffer[] = [];
  let a = start;
  let lastLevel = Infinity;
  while (a < end) {
    let level = 0;
    while (a % pow2(level + 1) === 0 && a + pow2(level + 1) <= end) level++;
    if (level >= lastLevel) throw new RangeError(`range [${start}, ${end}) is not aligned to a subtree`);
    lastLevel = level;
    pieces.push(nodes(level, a / pow2(level)));
    a += pow2(level);
  }
  let h = pieces[pieces.length - 1];
  for (let i = pieces.length - 2; i >= 0; i--) h = hashChildren(pieces[i], h);
  return h;
}

/** The tree head (MTH) of the first `size` leaves. */
export function rootFromNodes(size: number, nodes: NodeSource): Buffer {
  return size === 0 ? EMPTY_ROOT : rangeHash(0, size, nodes);
}

/** MTH(D[n]) of a list of leaf hashes (not leaf data: hash data with {@link hashLeaf} first). */
export function rootFromLeaves(leafHashes: readonly Buffer[]): Buffer {
  return rootFromNodes(leafHashes.length, nodeSourceFromLeaves(leafHashes));
}

function checkSize(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
}

/**
 * RFC 6962 §2.1.1 audit path PATH(m, D[n]) for leaf `index` in the tree of `size` leaves.
 * Accepts a node source or the full list of leaf hashes.
 */
export function inclusionProof(index: number, size: number, source: NodeSource | readonly Buffer[]): Buffer[] {
  checkSize('index', index);
  checkSize('size', size);
  if (index >= size) throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
  const nodes = typeof source === 'function' ? source : nodeSourceFromLeaves(source);
  const path = (m: number, a: number, b: number): Buffer[] => {
    if (b - a === 1) return [];
    const k = splitPoint(b - a);
    return m < a + k
      ? [...path(m, a, a + k), rangeHash(a + k, b, nodes)]
      : [...path(m, a + k, b), rangeHash(a, a + k, nodes)];
  };
  return path(index, 0, size);
}

/** RFC 6962 §2.1.2 consistency proof PROOF(m, D[n]) between the tree of size m and that of size n. */
export function consistencyProof(m: number, n: number, source: NodeSource | readonly Buffer[]): Buffer[] {
  checkSize('first size', m);
  checkSize('second size', n);
  if (m > n) throw new RangeError(`first size ${m} is larger than second size ${n}`);
  if (m === 0 || m === n) return [];
  const nodes = typeof source === 'function' ? source : nodeSourceFromLeaves(source);
  // SUBPROOF(m, D[a:b], complete): `m` counts leaves of the old tree inside [a, b).
  const sub = (mm: number, a: number, b: number, complete: boolean): Buffer[] => {
    if (mm === b - a) return complete ? [] : [rangeHash(a, b, nodes)];
    const k = splitPoint(b - a);
    return mm <= k
      ? [...sub(mm, a, a + k, complete), rangeHash(a + k, b, nodes)]
      : [...sub(mm - k, a + k, b, false), rangeHash(a, a + k, nodes)];
  };
  return sub(m, 0, n, true);
}

/**
 * Runs a proof computation once with placeholder hashes to learn which stored nodes it reads.
 * The algorithms' control flow depends only on positions, never on hash values, so the store can
 * fetch exactly these nodes in one query and run the computation again for real.
 */
export function nodesRead(compute: (nodes: NodeSource) => unknown): [level: number, index: number][] {
  const seen = new Map<string, [number, number]>();
  const placeholder = Buffer.alloc(HASH_SIZE);
  compute((level, index) => {
    seen.set(`${level}:${index}`, [level, index]);
    return placeholder;
  });
  return [...seen.values()];
}

const isHash = (h: unknown): h is Buffer => Buffer.isBuffer(h) && h.length === HASH_SIZE;

/**
 * RFC 9162 §2.1.3.2: recomputes the root from a leaf hash and its audit path. Returns null when the
 * path cannot belong to this index and size (wrong length, bad hash size). Trusts nothing it is given.
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Buffer,
  proof: readonly Buffer[],
): Buffer | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  if (!isHash(leafHash) || !proof.every(isHash)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!isOdd(fn)) {
        while (!(isOdd(fn) || fn === 0)) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

/** True when `proof` proves that `leafHash` is leaf `index` of the tree of `size` leaves whose head is `root`. */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Buffer,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  const r = rootFromInclusionProof(index, size, leafHash, proof);
  return r !== null && isHash(root) && r.equals(root);
}

/**
 * RFC 9162 §2.1.4.2: true when `proof` shows that the tree of size1 with head root1 is a prefix of
 * the tree of size2 with head root2 — nothing in the first tree was changed, removed or reordered.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Buffer[],
  root1: Buffer,
  root2: Buffer,
): boolean {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size1 > size2) return false;
  if (!proof.every(isHash)) return false;
  if (size1 === 0) return proof.length === 0 && isHash(root2);
  if (!isHash(root1) || !isHash(root2)) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!isOdd(fn)) {
        while (!(isOdd(fn) || fn === 0)) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}
