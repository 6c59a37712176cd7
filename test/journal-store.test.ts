import { createPublicKey, randomUUID } from 'node:crypto';

import { openOrm, type Orm } from '@tsp/shared';

import {
  appendLeaf,
  canonicalEntryBytes,
  consistencyProof,
  consistencyProofFor,
  createCheckpoint,
  hashLeaf,
  inclusionProof,
  inclusionProofFor,
  JournalIntegrityError,
  latestCheckpoint,
  leafHashesOfCase,
  MissingNodeError,
  nodeSourceFromLeaves,
  publicKeyPem,
  rootFromLeaves,
  treeHead,
  verifyCaseJournal,
  verifyCheckpointNote,
  verifyConsistency,
  verifyInclusion,
} from '../subgraphs/records/src/journal';
import { createTestDatabase, sql } from './kit/db';
import { migrateRecords } from './kit/journal';

const hex = (b: Buffer) => b.toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');
const JOURNAL_TABLES = ['journal_leaf', 'journal_node', 'checkpoint', 'signing_key'];

async function freshJournal(poolMax = 9): Promise<{ url: string; orm: Orm }> {
  const url = await createTestDatabase();
  await migrateRecords(url);
  return { url, orm: await openOrm({ schema: 'records', clientUrl: url, entities: [], migrations: [], poolMax }) };
}

const append = (orm: Orm, data: Buffer, caseId: string = randomUUID(), entryId: string = randomUUID()) =>
  orm.em.fork().transactional((em) => appendLeaf(em, { entryId, caseId, data }));

/** Every stored node, compared with the pure tree over the stored leaves. */
async function storedTreeMatchesLeaves(url: string): Promise<{ size: number; wrong: string[] }> {
  const leaves = await sql<{ idx: string; leaf_hash: Buffer }>(
    url,
    `select idx, leaf_hash from records.journal_leaf order by idx`,
  );
  const nodes = await sql<{ level: number; idx: string; hash: Buffer }>(
    url,
    `select level, idx::text, hash from records.journal_node`,
  );
  const wrong = leaves.filter((l, i) => Number(l.idx) !== i).map((l) => `leaf gap at ${l.idx}`);
  const pure = nodeSourceFromLeaves(leaves.map((l) => l.leaf_hash));
  for (const n of nodes) if (!pure(n.level, Number(n.idx)).equals(n.hash)) wrong.push(`node ${n.level}/${n.idx}`);
  // Exactly the complete subtrees exist: ⌊size/2^L⌋ at each level L ≥ 1.
  let expected = 0;
  for (let s = Math.floor(leaves.length / 2); s >= 1; s = Math.floor(s / 2)) expected += s;
  if (nodes.length !== expected) wrong.push(`${nodes.length} nodes stored, ${expected} expected`);
  return { size: leaves.length, wrong };
}

describe('journal store: 1,000 appends, proofs, checkpoints, append-only', () => {
  let url: string;
  let orm: Orm;
  const data: Buffer[] = [];
  const caseA = randomUUID();

  beforeAll(async () => {
    ({ url, orm } = await freshJournal());
  });
  afterAll(() => orm?.close());

  it('appends 1,000 leaves in sequence, storing exactly the complete subtrees', async () => {
    for (let i = 0; i < 1000; i++) {
      data.push(Buffer.from(`entry ${i}`));
      const r = await append(orm, data[i], i % 10 === 0 ? caseA : randomUUID());
      expect(r).toEqual({ index: i, leafHash: hex(hashLeaf(data[i])) });
    }
    expect(await storedTreeMatchesLeaves(url)).toEqual({ size: 1000, wrong: [] });
  });

  it('refuses to append outside a transaction (the lock would not sequence anything)', async () => {
    await expect(
      appendLeaf(orm.em.fork(), { entryId: randomUUID(), caseId: randomUUID(), data: Buffer.from('x') }),
    ).rejects.toThrow('inside the transaction');
  });

  it('gives the pure implementation’s root at every size and its proofs at a spread of sizes', async () => {
    const leaves = data.map(hashLeaf);
    const em = orm.em.fork();
    for (let n = 0; n <= 1000; n++)
      expect((await treeHead(em, n)).rootHash).toBe(hex(rootFromLeaves(leaves.slice(0, n))));
    for (const n of [1, 2, 3, 7, 8, 9, 255, 256, 257, 640, 999, 1000]) {
      const root = rootFromLeaves(leaves.slice(0, n));
      for (const i of [0, Math.floor(n / 2), n - 1]) {
        const p = await inclusionProofFor(em, i, n);
        expect(p.proof).toEqual(inclusionProof(i, n, leaves.slice(0, n)).map(hex));
        expect(p.rootHash).toBe(hex(root));
        expect(verifyInclusion(i, n, leaves[i], p.proof.map(unhex), root)).toBe(true);
      }
      for (const m of [0, 1, Math.floor(n / 2), n - 1, n]) {
        if (m < 0) continue;
        const p = await consistencyProofFor(em, m, n);
        expect(p.proof).toEqual(consistencyProof(m, n, leaves.slice(0, n)).map(hex));
        expect(verifyConsistency(m, n, p.proof.map(unhex), rootFromLeaves(leaves.slice(0, m)), root)).toBe(true);
      }
    }
    await expect(treeHead(em, 1001)).rejects.toThrow('outside 0…1000');
    await expect(inclusionProofFor(em, 5, 5)).rejects.toThrow('not in a tree of size 5');
  });

  it('lists a case’s leaves in log order', async () => {
    const leaves = await leafHashesOfCase(orm.em.fork(), caseA);
    expect(leaves.map((l) => l.index)).toEqual(Array.from({ length: 100 }, (_, i) => i * 10));
    expect(leaves[3].leafHash).toBe(hex(hashLeaf(data[30])));
  });

  it('signs checkpoints with Ed25519, once per size, and each is consistent with the one before', async () => {
    const em = orm.em.fork();
    const first = await createCheckpoint(em);
    expect(first.size).toBe(1000);
    const pub = createPublicKey(await publicKeyPem(em));
    expect(verifyCheckpointNote(first.note, pub).rootHash.toString('hex')).toBe(first.rootHash);
    expect((await createCheckpoint(em)).signedAt).toEqual(first.signedAt);
    await append(orm, Buffer.from('one more'));
    const second = await createCheckpoint(em);
    expect(second.size).toBe(1001);
    const p = await consistencyProofFor(em, first.size, second.size);
    expect(
      verifyConsistency(first.size, second.size, p.proof.map(unhex), unhex(first.rootHash), unhex(second.rootHash)),
    ).toBe(true);
    expect((await latestCheckpoint(em))?.size).toBe(1001);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on every journal table, even for the owner', async () => {
    for (const t of JOURNAL_TABLES) {
      await expect(
        sql(
          url,
          `update records.${t} set ${t === 'journal_node' ? 'level = level' : t === 'checkpoint' ? 'size = size' : t === 'signing_key' ? 'id = id' : 'idx = idx'}`,
        ),
      ).rejects.toThrow(`records.${t} is append-only: UPDATE refused`);
      await expect(sql(url, `delete from records.${t}`)).rejects.toThrow(`records.${t} is append-only: DELETE refused`);
      await expect(sql(url, `truncate records.${t}`)).rejects.toThrow(`records.${t} is append-only: TRUNCATE refused`);
    }
    expect(await storedTreeMatchesLeaves(url)).toEqual({ size: 1001, wrong: [] });
  });

  it('gives the records_writer role SELECT and INSERT only', async () => {
    for (const t of JOURNAL_TABLES) {
      const [p] = await sql<Record<string, boolean>>(
        url,
        `select has_table_privilege('records_writer', $1, 'SELECT') as s, has_table_privilege('records_writer', $1, 'INSERT') as i,
                has_table_privilege('records_writer', $1, 'UPDATE') as u, has_table_privilege('records_writer', $1, 'DELETE') as d,
                has_table_privilege('records_writer', $1, 'TRUNCATE') as t`,
        [`records.${t}`],
      );
      expect(p).toEqual({ s: true, i: true, u: false, d: false, t: false });
    }
    // Acting as the role, even with the trigger disabled by the owner, the change is refused.
    await expect(
      sql(
        url,
        `alter table records.journal_node disable trigger user; set role records_writer; delete from records.journal_node`,
      ),
    ).rejects.toThrow('permission denied');
    await sql(url, `alter table records.journal_node enable trigger user`);
  });

  it('keeps the tree consistent under 8 concurrent writers', async () => {
    const before = (await treeHead(orm.em.fork())).size;
    const writers = Array.from({ length: 8 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 40; i++) await append(orm, Buffer.from(`writer ${w} entry ${i}`));
      })(),
    );
    await Promise.all(writers);
    const check = await storedTreeMatchesLeaves(url);
    expect(check).toEqual({ size: before + 320, wrong: [] });
    const cp = await createCheckpoint(orm.em.fork());
    expect(cp.size).toBe(before + 320);
  });
});

describe('journal tampering is detected', () => {
  let url: string;
  let orm: Orm;
  const caseId = randomUUID();
  const entries: { entryId: string; bytes: Buffer }[] = [];

  beforeAll(async () => {
    ({ url, orm } = await freshJournal());
    for (let i = 0; i < 200; i++) {
      const entryId = randomUUID();
      const bytes = canonicalEntryBytes({
        id: entryId,
        caseId: i % 4 === 0 ? caseId : randomUUID(),
        agencyId: randomUUID(),
        sequence: i,
        stage: 'INVESTIGATION',
        activity: 'NOTE',
        occurredAt: new Date(1_700_000_000_000 + i),
        recordedAt: new Date(1_700_000_000_000 + i),
        officerIds: [],
        summary: `entry ${i}`,
        correctsId: null,
        attachments: [],
      });
      const leafCase = i % 4 === 0 ? caseId : randomUUID();
      await append(orm, bytes, leafCase, entryId);
      if (leafCase === caseId) entries.push({ entryId, bytes });
    }
  });
  afterAll(() => orm?.close());

  const disabled = async (statements: string) =>
    sql(
      url,
      `${JOURNAL_TABLES.map((t) => `alter table records.${t} disable trigger user;`).join('')} ${statements}; ${JOURNAL_TABLES.map((t) => `alter table records.${t} enable trigger user;`).join('')}`,
    );

  it('reports an intact case as intact', async () => {
    await createCheckpoint(orm.em.fork());
    const r = await verifyCaseJournal(orm.em.fork(), { caseId, entries });
    expect(r).toMatchObject({ caseId, length: 50, treeSize: 200, checkpointSize: 200, intact: true, problems: [] });
  });

  it('reports an altered entry, and an entry added behind the journal’s back', async () => {
    const altered = entries.map((e, i) =>
      i === 7 ? { ...e, bytes: Buffer.from(e.bytes.toString().replace('entry 28', 'entry 28 (edited)')) } : e,
    );
    const r = await verifyCaseJournal(orm.em.fork(), {
      caseId,
      entries: [...altered, { entryId: randomUUID(), bytes: Buffer.from('{}') }],
    });
    expect(r.intact).toBe(false);
    expect(r.problems).toEqual([
      expect.stringContaining(`entry ${entries[7].entryId} (leaf 28) was altered`),
      expect.stringContaining('is not in the journal'),
    ]);
  });

  it('reports a leaf whose hash was rewritten to match an altered entry', async () => {
    const forged = Buffer.from(entries[3].bytes.toString().replace('entry 12', 'entry 12 (edited)'));
    await disabled(`update records.journal_leaf set leaf_hash = '\\x${hex(hashLeaf(forged))}' where idx = 12`);
    const r = await verifyCaseJournal(orm.em.fork(), {
      caseId,
      entries: entries.map((e, i) => (i === 3 ? { ...e, bytes: forged } : e)),
    });
    expect(r.intact).toBe(false);
    expect(r.problems).toEqual([expect.stringContaining('leaf 12 (entry')]);
    expect(r.problems[0]).toContain('not included in the journal');
    await disabled(
      `update records.journal_leaf set leaf_hash = '\\x${hex(hashLeaf(entries[3].bytes))}' where idx = 12`,
    );
    expect((await verifyCaseJournal(orm.em.fork(), { caseId, entries })).intact).toBe(true);
  });

  it('reports a deleted leaf row: the case misses it, and proofs that need it cannot be made', async () => {
    await disabled(`delete from records.journal_leaf where idx = 16`);
    const r = await verifyCaseJournal(orm.em.fork(), { caseId, entries });
    expect(r.intact).toBe(false);
    expect(r.problems).toContainEqual(expect.stringContaining(`entry ${entries[4].entryId} is not in the journal`));
    await expect(inclusionProofFor(orm.em.fork(), 16, 200)).rejects.toThrow(MissingNodeError);
  });

  it('a log rebuilt without a deleted entry fails the consistency proof from the earlier checkpoint, and is not signed', async () => {
    const old = (await latestCheckpoint(orm.em.fork()))!;
    // The careful forger: drop entry 16 and rebuild a tidy tree over the rest, so every stored hash agrees.
    const rest = await sql<{ entry_id: string; case_id: string; idx: string }>(
      url,
      `select entry_id, case_id, idx from records.journal_leaf order by idx`,
    );
    const byId = new Map(entries.map((e) => [e.entryId, e.bytes]));
    await disabled(`delete from records.journal_leaf; delete from records.journal_node`);
    for (const r of rest)
      await append(orm, byId.get(r.entry_id) ?? Buffer.from(`rebuilt ${r.idx}`), r.case_id, r.entry_id);
    for (let i = 0; i < 5; i++) await append(orm, Buffer.from(`later ${i}`));
    expect((await storedTreeMatchesLeaves(url)).wrong).toEqual([]);

    const em = orm.em.fork();
    const head = await treeHead(em);
    const p = await consistencyProofFor(em, old.size, head.size);
    expect(verifyConsistency(old.size, head.size, p.proof.map(unhex), unhex(old.rootHash), unhex(head.rootHash))).toBe(
      false,
    );
    await expect(createCheckpoint(em)).rejects.toThrow(JournalIntegrityError);
    const r = await verifyCaseJournal(em, { caseId, entries });
    expect(r.problems).toContainEqual(expect.stringContaining('not consistent with its signed checkpoint at size 200'));
  });

  it('refuses to sign a log that shrank', async () => {
    const size = (await treeHead(orm.em.fork())).size;
    await disabled(`delete from records.journal_leaf where idx >= ${size - 10}`);
    await expect(createCheckpoint(orm.em.fork())).rejects.toThrow('shrank');
  });
});
