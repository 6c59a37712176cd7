import { seedBench } from '@tsp/scripts/bench/seed';

import { createMigratedDatabase, sql } from './kit/db';

/**
 * The bench's bulk seeder must leave what records itself would: a journal whose every node is the hash of
 * its children across seed calls, and each entry, attachment and leaf written by one transaction (the journal
 * audit takes a row version that differs from its leaf's for a suspect, and re-hashes every suspect).
 */
let url: string;
beforeAll(async () => {
  url = await createMigratedDatabase();
  for (const region of ['种子县甲', '种子县乙'])
    await seedBench(
      url,
      { agencies: 2, casesPerAgency: 20, officersPerAgency: 3, shape: 'province' },
      () => undefined,
      region,
    );
}, 120_000);

test('two seed calls continue one journal: every node equals the hash of its children', async () => {
  const [{ leaves, entries }] = await sql<{ leaves: string; entries: string }>(
    url,
    `select (select count(*) from records.journal_leaf)::text as leaves,
            (select count(*) from records.record_entry)::text as entries`,
  );
  expect(Number(leaves)).toBeGreaterThan(200);
  expect(leaves).toBe(entries);
  const [{ nodes, wrong }] = await sql<{ nodes: string; wrong: string }>(
    url,
    `select count(*)::text as nodes,
            count(*) filter (where n.hash is distinct from sha256('\\x01'::bytea || l.h || r.h))::text as wrong
       from records.journal_node n
       cross join lateral (select case when n.level = 1 then (select leaf_hash from records.journal_leaf where idx = 2 * n.idx)
         else (select hash from records.journal_node where level = n.level - 1 and idx = 2 * n.idx) end as h) l
       cross join lateral (select case when n.level = 1 then (select leaf_hash from records.journal_leaf where idx = 2 * n.idx + 1)
         else (select hash from records.journal_node where level = n.level - 1 and idx = 2 * n.idx + 1) end as h) r`,
  );
  // A complete binary tree over n leaves has n - popcount(n) inner nodes.
  const n = Number(leaves);
  expect(Number(nodes)).toBe(n - n.toString(2).replace(/0/g, '').length);
  expect(wrong).toBe('0');
});

test('no seeded entry or attachment is a suspect to the journal audit (same transaction as its leaf)', async () => {
  const [{ suspects }] = await sql<{ suspects: string }>(
    url,
    `select ((select count(*) from records.journal_leaf l join records.record_entry e on e.id = l.entry_id
               where e.xmin <> l.xmin)
           + (select count(*) from records.attachment a join records.journal_leaf l on l.entry_id = a.entry_id
               where a.xmin <> l.xmin))::text as suspects`,
  );
  expect(suspects).toBe('0');
});
