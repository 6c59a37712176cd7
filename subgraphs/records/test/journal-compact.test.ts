import { extendEdge, rightEdge, rootFromEdge } from '../src/journal/compact';
import { EMPTY_ROOT, hashChildren, hashLeaf, nodeSourceFromLeaves, rootFromLeaves } from '../src/journal/merkle';

const leaves = Array.from({ length: 300 }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));

describe('right edge (what an append and the self-audit fold onto)', () => {
  it('gives the RFC 6962 root of every size 0 … 300, read from the stored nodes', () => {
    const nodes = nodeSourceFromLeaves(leaves);
    for (let n = 0; n <= 300; n++)
      expect(rootFromEdge(n, rightEdge(n, nodes)).equals(rootFromLeaves(leaves.slice(0, n)))).toBe(true);
    expect(rootFromEdge(0, new Map())).toEqual(EMPTY_ROOT);
  });

  it('extending from any size m to any n completes exactly the subtrees of the tree of n leaves that m lacked', () => {
    const full = nodeSourceFromLeaves(leaves);
    for (const m of [0, 1, 2, 3, 7, 8, 9, 63, 64, 100, 255, 256]) {
      for (const n of [m, m + 1, m + 2, m + 5, 300]) {
        const edge = rightEdge(m, full);
        const done = extendEdge(m, edge, leaves.slice(m, n));
        const expected: string[] = [];
        for (let level = 1; 2 ** level <= n; level++) {
          for (let i = Math.floor(m / 2 ** level); i < Math.floor(n / 2 ** level); i++) expected.push(`${level}/${i}`);
        }
        expect(done.map((d) => `${d.level}/${d.index}`).sort()).toEqual(expected.sort());
        for (const d of done) expect(d.hash.equals(full(d.level, d.index))).toBe(true);
        expect(rootFromEdge(n, edge).equals(rootFromLeaves(leaves.slice(0, n)))).toBe(true);
      }
    }
  });

  it('a wrong edge node gives a different root and different completed nodes (nothing is trusted blindly)', () => {
    const edge = rightEdge(6, nodeSourceFromLeaves(leaves));
    edge.set(1, hashChildren(leaves[0], leaves[0]));
    const done = extendEdge(6, edge, leaves.slice(6, 8));
    expect(done.find((d) => d.level === 2)!.hash.equals(nodeSourceFromLeaves(leaves)(2, 1))).toBe(false);
  });

  it('refuses an edge that lacks a node the append needs', () => {
    expect(() => extendEdge(1, new Map(), [leaves[1]])).toThrow('no node at level 0');
    expect(() => rootFromEdge(3, new Map([[0, leaves[2]]]))).toThrow('no node at level 1');
  });
});
