import { createHash } from 'node:crypto';

import {
  consistencyProof,
  EMPTY_ROOT,
  hashChildren,
  hashLeaf,
  inclusionProof,
  nodeSourceFromLeaves,
  nodesRead,
  rootFromLeaves,
  rootFromNodes,
  verifyConsistency,
  verifyInclusion,
} from '../src/journal/merkle';

const h = (x: string) => Buffer.from(x, 'hex');
const sha = (...parts: Buffer[]) => parts.reduce((c, p) => c.update(p), createHash('sha256')).digest();

/*
 * RFC 6962 reference vectors as published by transparency-dev/merkle (proof/verify_test.go): the
 * eight leaf inputs, the roots of the trees of sizes 1…8, and their inclusion and consistency proofs.
 * They are facts about SHA-256 and RFC 6962, copied as data.
 */
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  h,
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(h);
// Leaf numbers are 1-based in the published table.
const INCLUSION = [
  { leaf: 1, size: 1, proof: [] as string[] },
  {
    leaf: 1,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 6,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 3, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 2,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY = [
  { size1: 1, size2: 1, proof: [] as string[] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const SOME_HASH = h('abacaba000000000000000000000000000000000000000000060061e00123456');

/** Every way the published test suite corrupts an inclusion proof: each must be refused. */
function corruptInclusion(index: number, size: number, proof: Buffer[], root: Buffer, leaf: Buffer) {
  const probes: [string, number, number, Buffer, Buffer[], Buffer][] = [
    ['index - 1', index - 1, size, leaf, proof, root],
    ['index + 1', index + 1, size, leaf, proof, root],
    ['index ^ 2', index ^ 2, size, leaf, proof, root],
    ['size * 2', index, size * 2, leaf, proof, root],
    ['size / 2', index, Math.floor(size / 2), leaf, proof, root],
    ['wrong leaf', index, size, Buffer.from('WrongLeaf'), proof, root],
    ['empty root', index, size, leaf, proof, EMPTY_ROOT],
    ['random root', index, size, leaf, proof, SOME_HASH],
    ['trailing garbage', index, size, leaf, [...proof, Buffer.alloc(0)], root],
    ['trailing root', index, size, leaf, [...proof, root], root],
    ['preceding garbage', index, size, leaf, [Buffer.alloc(0), ...proof], root],
    ['preceding root', index, size, leaf, [root, ...proof], root],
  ];
  proof.forEach((_, i) => {
    const p = proof.map((x) => Buffer.from(x));
    p[i][0] ^= 8;
    probes.push([`proof[${i}] bit flipped`, index, size, leaf, p, root]);
  });
  if (proof.length > 0) probes.push(['removed component', index, size, leaf, proof.slice(0, -1), root]);
  if (proof.length > 1)
    probes.push(['inserted component', index, size, leaf, [proof[0], SOME_HASH, ...proof.slice(1)], root]);
  return probes;
}

function corruptConsistency(size1: number, size2: number, proof: Buffer[], root1: Buffer, root2: Buffer) {
  const probes: [string, number, number, Buffer[], Buffer, Buffer][] = [
    ['size1 - 1', size1 - 1, size2, proof, root1, root2],
    ['size1 + 1', size1 + 1, size2, proof, root1, root2],
    ['size1 ^ 2', size1 ^ 2, size2, proof, root1, root2],
    ['size2 * 2', size1, size2 * 2, proof, root1, root2],
    ['size2 / 2', size1, Math.floor(size2 / 2), proof, root1, root2],
    ['wrong root1', size1, size2, proof, Buffer.from('WrongRoot'), root2],
    ['wrong root2', size1, size2, proof, root1, Buffer.from('WrongRoot')],
    ['swapped roots', size1, size2, proof, root2, root1],
    ['empty proof', size1, size2, [], root1, root2],
    ['trailing garbage', size1, size2, [...proof, Buffer.alloc(0)], root1, root2],
    ['trailing root1', size1, size2, [...proof, root1], root1, root2],
    ['trailing root2', size1, size2, [...proof, root2], root1, root2],
    ['preceding garbage', size1, size2, [Buffer.alloc(0), ...proof], root1, root2],
    ['preceding root1', size1, size2, [root1, ...proof], root1, root2],
    ['preceding root2', size1, size2, [root2, ...proof], root1, root2],
    ['preceding proof[0]', size1, size2, [proof[0], ...proof], root1, root2],
  ];
  if (proof.length > 0) probes.push(['truncated', size1, size2, proof.slice(0, -1), root1, root2]);
  proof.forEach((_, i) => {
    const p = proof.map((x) => Buffer.from(x));
    p[i][0] ^= 16;
    probes.push([`proof[${i}] bit flipped`, size1, size2, p, root1, root2]);
  });
  return probes;
}

describe('RFC 6962 reference vectors (transparency-dev/merkle)', () => {
  const leafHashes = LEAVES.map(hashLeaf);

  it('hashes leaves and nodes with the 0x00 / 0x01 prefixes', () => {
    expect(hashLeaf(Buffer.alloc(0))).toEqual(sha(Buffer.from([0])));
    expect(hashChildren(LEAVES[1], LEAVES[2])).toEqual(sha(Buffer.from([1]), LEAVES[1], LEAVES[2]));
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('computes the published roots of sizes 1…8', () => {
    for (let n = 1; n <= 8; n++)
      expect(rootFromLeaves(leafHashes.slice(0, n)).toString('hex')).toBe(ROOTS[n - 1].toString('hex'));
  });

  it.each(INCLUSION)(
    'builds and verifies the published inclusion proof of leaf $leaf in size $size, refusing every corruption',
    ({ leaf, size, proof }) => {
      const tree = leafHashes.slice(0, size);
      const mine = inclusionProof(leaf - 1, size, tree);
      expect(mine.map((x) => x.toString('hex'))).toEqual(proof);
      expect(verifyInclusion(leaf - 1, size, leafHashes[leaf - 1], proof.map(h), ROOTS[size - 1])).toBe(true);
      const accepted = corruptInclusion(leaf - 1, size, proof.map(h), ROOTS[size - 1], leafHashes[leaf - 1])
        .filter(([, i, s, l, p, r]) => verifyInclusion(i, s, l, p, r))
        .map(([d]) => d);
      expect(accepted).toEqual([]);
    },
  );

  it.each(CONSISTENCY)(
    'builds and verifies the published consistency proof $size1 → $size2, refusing every corruption',
    ({ size1, size2, proof }) => {
      const mine = consistencyProof(size1, size2, leafHashes.slice(0, size2));
      expect(mine.map((x) => x.toString('hex'))).toEqual(proof);
      expect(verifyConsistency(size1, size2, proof.map(h), ROOTS[size1 - 1], ROOTS[size2 - 1])).toBe(true);
      if (proof.length === 0) return;
      const accepted = corruptConsistency(size1, size2, proof.map(h), ROOTS[size1 - 1], ROOTS[size2 - 1])
        .filter(([, s1, s2, p, r1, r2]) => verifyConsistency(s1, s2, p, r1, r2))
        .map(([d]) => d);
      expect(accepted).toEqual([]);
    },
  );

  it('handles the edge cases of the published verifier tests', () => {
    const r1 = Buffer.alloc(32, 1);
    const r2 = Buffer.alloc(32, 2);
    expect(verifyConsistency(0, 0, [], r1, r1)).toBe(true);
    expect(verifyConsistency(0, 1, [], r1, r2)).toBe(true);
    expect(verifyConsistency(1, 1, [], r2, r2)).toBe(true);
    expect(verifyConsistency(1, 1, [], r1, r2)).toBe(false);
    expect(verifyConsistency(1, 0, [], r1, r2)).toBe(false);
    expect(verifyConsistency(2, 1, [], r1, r2)).toBe(false);
    expect(verifyConsistency(1, 2, [], r1, r2)).toBe(false);
    expect(verifyConsistency(1, 1, [EMPTY_ROOT], EMPTY_ROOT, EMPTY_ROOT)).toBe(false);
    expect(verifyConsistency(0, 1, [EMPTY_ROOT], EMPTY_ROOT, EMPTY_ROOT)).toBe(false);
    for (const [i, s] of [
      [0, 0],
      [1, 0],
      [2, 1],
    ])
      expect(verifyInclusion(i, s, SOME_HASH, [], EMPTY_ROOT)).toBe(false);
    const one = hashLeaf(Buffer.from('data'));
    expect(verifyInclusion(0, 1, one, [], one)).toBe(true);
    expect(verifyInclusion(0, 1, Buffer.alloc(0), [], one)).toBe(false);
    expect(verifyInclusion(0, 1, one, [], Buffer.alloc(0))).toBe(false);
  });
});

/*
 * An independent, naive RFC 6962 implementation straight from the RFC's recursive definitions over
 * slices (memoised by range: a subtree's hash does not depend on the tree it is part of).
 */
function naive(leafHashes: Buffer[]) {
  const memo = new Map<string, Buffer>();
  const k = (n: number) => {
    let p = 1;
    while (p * 2 < n) p *= 2;
    return p;
  };
  const mth = (a: number, b: number): Buffer => {
    if (b - a === 0) return sha();
    if (b - a === 1) return leafHashes[a];
    const key = `${a}:${b}`;
    let v = memo.get(key);
    if (!v) memo.set(key, (v = hashChildren(mth(a, a + k(b - a)), mth(a + k(b - a), b))));
    return v;
  };
  const path = (m: number, a: number, b: number): Buffer[] => {
    if (b - a === 1) return [];
    const s = a + k(b - a);
    return m < s ? [...path(m, a, s), mth(s, b)] : [...path(m, s, b), mth(a, s)];
  };
  const subproof = (m: number, a: number, b: number, complete: boolean): Buffer[] => {
    if (m === b - a) return complete ? [] : [mth(a, b)];
    const s = k(b - a);
    return m <= s
      ? [...subproof(m, a, a + s, complete), mth(a + s, b)]
      : [...subproof(m - s, a + s, b, false), mth(a, a + s)];
  };
  return {
    root: (n: number) => mth(0, n),
    path: (m: number, n: number) => path(m, 0, n),
    proof: (m: number, n: number) => (m === 0 || m === n ? [] : subproof(m, 0, n, true)),
  };
}

describe('all tree sizes 1…1,000 against a naive RFC 6962 implementation', () => {
  const N = 1000;
  const leafHashes = Array.from({ length: N }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));
  const ref = naive(leafHashes);
  const nodes = nodeSourceFromLeaves(leafHashes);
  const hex = (xs: Buffer[]) => xs.map((x) => x.toString('hex'));
  // Deterministic sample: both ends, the split points, and a spread between.
  const sample = (n: number) =>
    [
      ...new Set(
        [0, 1, n - 2, n - 1, Math.floor(n / 2), n - (n % 64) - 1, 511, 512].concat(
          Array.from({ length: 8 }, (_, j) => Math.floor((j * 7919 + n * 31) % n)),
        ),
      ),
    ].filter((i) => i >= 0 && i < n);

  it('roots of every size', () => {
    expect(rootFromNodes(0, nodes)).toEqual(EMPTY_ROOT);
    for (let n = 1; n <= N; n++) expect(rootFromNodes(n, nodes).equals(ref.root(n))).toBe(true);
  });

  it('inclusion proofs: every leaf up to size 64, a sample of leaves for every size above', () => {
    let checked = 0;
    for (let n = 1; n <= N; n++) {
      const root = ref.root(n);
      for (const i of n <= 64 ? Array.from({ length: n }, (_, j) => j) : sample(n)) {
        const p = inclusionProof(i, n, nodes);
        expect(hex(p)).toEqual(hex(ref.path(i, n)));
        expect(verifyInclusion(i, n, leafHashes[i], p, root)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('consistency proofs: every m ≤ n up to 64, a sample of m for every size above', () => {
    let checked = 0;
    for (let n = 1; n <= N; n++) {
      const ms =
        n <= 64
          ? Array.from({ length: n + 1 }, (_, j) => j)
          : [0, 1, 2, 3, n - 1, n, 64, 256, 512, Math.floor(n / 3), (n * 7) % n, 999 % n].filter((m) => m <= n);
      for (const m of ms) {
        const p = consistencyProof(m, n, nodes);
        expect(hex(p)).toEqual(hex(ref.proof(m, n)));
        expect(verifyConsistency(m, n, p, ref.root(m), ref.root(n))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('refuses tampered proofs at many sizes', () => {
    for (const n of [3, 5, 17, 64, 100, 257, 999, 1000]) {
      for (const i of sample(n)) {
        const p = inclusionProof(i, n, nodes);
        const bad = corruptInclusion(i, n, p, ref.root(n), leafHashes[i]).filter(([, a, b, l, pp, r]) =>
          verifyInclusion(a, b, l, pp, r),
        );
        expect(bad.map(([d]) => `${n}/${i}: ${d}`)).toEqual([]);
      }
      for (const m of [1, 2, Math.floor(n / 2), n - 1]) {
        if (m < 1 || m >= n) continue;
        const p = consistencyProof(m, n, nodes);
        const bad = corruptConsistency(m, n, p, ref.root(m), ref.root(n)).filter(([, a, b, pp, r1, r2]) =>
          verifyConsistency(a, b, pp, r1, r2),
        );
        expect(bad.map(([d]) => `${m}→${n}: ${d}`)).toEqual([]);
      }
    }
  });

  it('a proof against a tree with one changed leaf fails', () => {
    const changed = leafHashes.slice(0, 300);
    changed[100] = hashLeaf(Buffer.from('rewritten'));
    const forged = consistencyProof(200, 300, changed);
    expect(verifyConsistency(200, 300, forged, ref.root(200), rootFromLeaves(changed))).toBe(false);
    expect(verifyInclusion(100, 300, leafHashes[100], inclusionProof(100, 300, changed), rootFromLeaves(changed))).toBe(
      false,
    );
  });
});

describe('proof cost', () => {
  it('reads O(log n) stored subtrees for a root, an inclusion or a consistency proof, at any size', () => {
    for (const n of [1000, 1_000_000, 2 ** 40 + 12345]) {
      const log = Math.ceil(Math.log2(n));
      expect(nodesRead((s) => rootFromNodes(n, s)).length).toBeLessThanOrEqual(log);
      expect(nodesRead((s) => inclusionProof(n - 1, n, s)).length).toBeLessThanOrEqual(2 * log);
      expect(nodesRead((s) => inclusionProof(Math.floor(n / 3), n, s)).length).toBeLessThanOrEqual(2 * log);
      expect(nodesRead((s) => consistencyProof(Math.floor(n / 3), n, s)).length).toBeLessThanOrEqual(2 * log);
    }
  });
});
