import { randomBytes, randomUUID } from 'node:crypto';

import { openOrm, type Orm } from '@tsp/shared';

import {
  appendLeaf,
  appendLeaves,
  hashLeaf,
  MissingNodeError,
  nodeSourceFromLeaves,
  rootFromLeaves,
  treeHead,
} from '../subgraphs/records/src/journal';
import { createTestDatabase, sql } from './kit/db';
import { migrateRecords } from './kit/journal';

/**
 * records.journal_append(_batch) hashes in PostgreSQL; merkle.ts is the reference. Every leaf and node
 * the SQL function stores must be the one the TypeScript computes, at every size.
 */

async function freshJournal(): Promise<{ url: string; orm: Orm }> {
  const url = await createTestDatabase();
  await migrateRecords(url);
  return { url, orm: await openOrm({ schema: 'records', clientUrl: url, entities: [], migrations: [], poolMax: 4 }) };
}

const hex = (b: Buffer) => b.toString('hex');

/** Leaf data of every shape bytea must carry unchanged: empty, NUL bytes, non-UTF-8, large, and plain JSON. */
function leafData(i: number): Buffer {
  switch (i % 6) {
    case 0:
      return Buffer.alloc(0);
    case 1:
      return Buffer.from([0x00, 0x01, 0xff, 0x5c, 0x22, 0x7b, 0x2c]);
    case 2:
      return randomBytes(1 + (i % 97));
    case 3:
      return randomBytes(10_000);
    case 4:
      return Buffer.from(`{"@type":"tsp.records.RecordEntry/v1","summary":"现场检查 ${i} \\"quoted\\" \\\\ back"}`);
    default:
      return Buffer.from(`entry ${i}`);
  }
}

/** Every stored leaf and node as "level/idx" → hex hash. */
async function storedTree(url: string): Promise<Map<string, string>> {
  const rows = await sql<{ k: string; h: Buffer }>(
    url,
    `select '0/' || idx as k, leaf_hash as h from records.journal_leaf union all select level || '/' || idx, hash from records.journal_node`,
  );
  return new Map(rows.map((r) => [r.k, hex(r.h)]));
}

/** The complete subtrees of a tree of the given leaves, computed by merkle.ts. */
function referenceTree(leaves: Buffer[]): Map<string, string> {
  const nodes = nodeSourceFromLeaves(leaves);
  const out = new Map<string, string>();
  for (let level = 0, width = leaves.length; width >= 1; level++, width = Math.floor(width / 2)) {
    for (let i = 0; i < width; i++) out.set(`${level}/${i}`, hex(nodes(level, i)));
  }
  return out;
}

describe('journal_append in SQL equals the TypeScript reference', () => {
  let url: string;
  let orm: Orm;
  afterEach(() => orm?.close());

  it('stores exactly the reference leaves and nodes at every size 1 … 300, one append per call (appendLeaf and journal_append)', async () => {
    ({ url, orm } = await freshJournal());
    const leaves: Buffer[] = [];
    const mismatches: number[] = [];
    for (let n = 1; n <= 300; n++) {
      const data = leafData(n);
      leaves.push(hashLeaf(data));
      // Odd sizes through appendLeaf, even ones through the plain SQL entry point journal_append(entry, case, leaf).
      const r = await orm.em.fork().transactional(async (em) => {
        if (n % 2 === 1) return appendLeaf(em, { entryId: randomUUID(), caseId: randomUUID(), data });
        const [row] = await em.execute(`select idx::text as idx, leaf_hash from records.journal_append(?, ?, ?)`, [
          randomUUID(),
          randomUUID(),
          data,
        ]);
        return { index: Number(row.idx), leafHash: hex(row.leaf_hash) };
      });
      expect(r).toEqual({ index: n - 1, leafHash: hex(hashLeaf(data)) });
      const stored = await storedTree(url);
      const expected = referenceTree(leaves);
      if (stored.size !== expected.size || [...expected].some(([k, h]) => stored.get(k) !== h)) mismatches.push(n);
    }
    expect(mismatches).toEqual([]);
    expect((await treeHead(orm.em.fork())).rootHash).toBe(hex(rootFromLeaves(leaves)));
  });

  it('appends batches of every size 1 … 24 in one call each, with consecutive indexes, equal to the reference', async () => {
    ({ url, orm } = await freshJournal());
    const leaves: Buffer[] = [];
    for (let b = 1; b <= 24; b++) {
      const items = Array.from({ length: b }, (_, k) => ({
        entryId: randomUUID(),
        caseId: randomUUID(),
        data: leafData(leaves.length + k),
      }));
      const r = await orm.em.fork().transactional((em) => appendLeaves(em, items));
      expect(r.map((x) => x.index)).toEqual(items.map((_, k) => leaves.length + k));
      leaves.push(...items.map((i) => hashLeaf(i.data)));
      expect(r.map((x) => x.leafHash)).toEqual(leaves.slice(-b).map(hex));
    }
    expect(leaves.length).toBe(300);
    expect(await storedTree(url)).toEqual(referenceTree(leaves));
  });

  it('a rolled-back append leaves no hole: the next append takes the same index', async () => {
    ({ url, orm } = await freshJournal());
    await orm.em
      .fork()
      .transactional((em) => appendLeaf(em, { entryId: randomUUID(), caseId: randomUUID(), data: Buffer.from('a') }));
    await expect(
      orm.em.fork().transactional(async (em) => {
        await appendLeaf(em, { entryId: randomUUID(), caseId: randomUUID(), data: Buffer.from('rolled back') });
        throw new Error('caller fails after appending');
      }),
    ).rejects.toThrow('caller fails');
    const r = await orm.em
      .fork()
      .transactional((em) => appendLeaf(em, { entryId: randomUUID(), caseId: randomUUID(), data: Buffer.from('b') }));
    expect(r.index).toBe(1);
    expect(await storedTree(url)).toEqual(referenceTree([hashLeaf(Buffer.from('a')), hashLeaf(Buffer.from('b'))]));
  });

  it('refuses to extend a tree whose left sibling was deleted, and refuses REPEATABLE READ', async () => {
    ({ url, orm } = await freshJournal());
    for (let i = 0; i < 3; i++)
      await orm.em
        .fork()
        .transactional((em) =>
          appendLeaf(em, { entryId: randomUUID(), caseId: randomUUID(), data: Buffer.from(`x${i}`) }),
        );
    await sql(
      url,
      `alter table records.journal_leaf disable trigger user; delete from records.journal_leaf where idx = 2; alter table records.journal_leaf enable trigger user`,
    );
    await sql(
      url,
      `alter table records.journal_node disable trigger user; delete from records.journal_node where level = 1 and idx = 0; alter table records.journal_node enable trigger user`,
    );
    // Size is 2 again (leaf 2 gone); appending leaf 2 is fine, leaf 3 then needs leaf 2 (present) and node 1/0 (deleted).
    await orm.em
      .fork()
      .transactional((em) => appendLeaf(em, { entryId: randomUUID(), caseId: randomUUID(), data: Buffer.from('x2') }));
    await expect(
      orm.em
        .fork()
        .transactional((em) =>
          appendLeaf(em, { entryId: randomUUID(), caseId: randomUUID(), data: Buffer.from('x3') }),
        ),
    ).rejects.toThrow(MissingNodeError);
    await expect(
      orm.em.fork().transactional(async (em) => {
        await em.execute('set transaction isolation level repeatable read');
        return appendLeaf(em, { entryId: randomUUID(), caseId: randomUUID(), data: Buffer.from('rr') });
      }),
    ).rejects.toThrow('READ COMMITTED');
  });

  it('gives the writer role EXECUTE on the append functions, and nobody else by default', async () => {
    ({ url, orm } = await freshJournal());
    const [p] = await sql<Record<string, boolean>>(
      url,
      `select has_function_privilege('records_writer', 'records.journal_append(uuid, uuid, bytea)', 'EXECUTE') as w1,
              has_function_privilege('records_writer', 'records.journal_append_batch(uuid[], uuid[], bytea[])', 'EXECUTE') as w2,
              has_function_privilege('public', 'records.journal_append(uuid, uuid, bytea)', 'EXECUTE') as p1,
              has_function_privilege('public', 'records.journal_append_batch(uuid[], uuid[], bytea[])', 'EXECUTE') as p2`,
    );
    expect(p).toEqual({ w1: true, w2: true, p1: false, p2: false });
  });
});
