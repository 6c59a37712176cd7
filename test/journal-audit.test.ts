import { randomUUID } from 'node:crypto';

import { openOrm, type Orm } from '@tsp/shared';

import {
  appendLeaf,
  ChangeWatch,
  createCheckpoint,
  hashLeaf,
  type JournalAuditOptions,
  type JournalAuditProblem,
  latestAudit,
  latestAuditProblems,
  latestCheckpoint,
  listCheckpoints,
  registerJournalEntrySource,
  runJournalAudit,
  treeHead,
} from '../subgraphs/records/src/journal';
import { startJournalAudit } from '../subgraphs/records/src/workers/journal-audit';
import { createTestDatabase, sql } from './kit/db';
import { migrateRecords } from './kit/journal';

/**
 * The periodic self-audit against a real PostgreSQL: it verifies what was added since its last run,
 * sweeps older leaves, signs what it verified, and keeps reporting tampering until it is resolved.
 * Entries are served by a stand-in for the records' entry source (the same hook, registered here).
 */

const hex = (b: Buffer) => b.toString('hex');
const TABLES = ['journal_leaf', 'journal_node'];

describe('journal self-audit', () => {
  let url: string;
  let orm: Orm;
  /** The "records": each entry's canonical bytes as the entry source would rebuild them. */
  const entries = new Map<string, Buffer>();
  const caseOf: string[] = [];
  const entryOf: string[] = [];
  const cases = [randomUUID(), randomUUID(), randomUUID()];

  const appendN = async (count: number) => {
    for (let k = 0; k < count; k++) {
      const i = entryOf.length;
      const entryId = randomUUID();
      const caseId = cases[i % 3];
      const data = Buffer.from(JSON.stringify({ entry: i, caseId, summary: `现场检查 ${i}` }));
      entries.set(entryId, data);
      entryOf.push(entryId);
      caseOf.push(caseId);
      await orm.em.fork().transactional((em) => appendLeaf(em, { entryId, caseId, data }));
    }
  };
  /** Runs SQL as the owner with the append-only triggers off, as a tamperer with superuser rights would. */
  const tamper = (statements: string) =>
    sql(
      url,
      `${TABLES.map((t) => `alter table records.${t} disable trigger user;`).join('')} ${statements}; ${TABLES.map((t) => `alter table records.${t} enable trigger user;`).join('')}`,
    );
  const audit = (o: JournalAuditOptions = {}) => runJournalAudit(orm.em.fork(), o).then((r) => r!);
  const messages = (ps: JournalAuditProblem[]) => ps.map((p) => p.message);

  beforeAll(async () => {
    url = await createTestDatabase();
    await migrateRecords(url);
    orm = await openOrm({ schema: 'records', clientUrl: url, entities: [], migrations: [], poolMax: 4 });
    registerJournalEntrySource({ entryBytes: async (_ctx, ids) => ids.map((id) => entries.get(id) ?? null) });
  });
  afterAll(async () => {
    registerJournalEntrySource(null);
    await orm?.close();
  });

  it('passes on an empty journal and on 300 new entries, re-hashing each, and signs exactly the head it verified', async () => {
    expect(await latestAuditProblems(orm.em.fork())).toEqual([]);
    expect(await audit()).toMatchObject({ ok: true, fromSize: 0, treeSize: 0, problems: [], checkpointSize: 0 });
    await appendN(300);
    const r = await audit();
    const head = await treeHead(orm.em.fork());
    expect(r).toMatchObject({
      ok: true,
      fromSize: 0,
      treeSize: 300,
      rootHash: head.rootHash,
      entriesChecked: 300,
      checkpointSize: 300,
      problems: [],
      pending: 0,
    });
    expect((await latestCheckpoint(orm.em.fork()))?.rootHash).toBe(head.rootHash);
  });

  it('continues from its last head, and sweeps the older leaves', async () => {
    await appendN(50);
    const r = await audit();
    expect(r).toMatchObject({
      ok: true,
      fromSize: 300,
      treeSize: 350,
      sweptFrom: 0,
      sweptTo: 300,
      entriesChecked: 350,
      checkpointSize: 350,
    });
    const [row] = await sql<{ n: string }>(url, `select count(*) as n from records.journal_audit`);
    expect(Number(row.n)).toBe(3);
  });

  it('catches up a backlog over several runs, each signing the head it verified (also below a newer checkpoint)', async () => {
    await appendN(30);
    // Someone asks journalCheckpoint for the current head first: the audit still signs exactly what it verified.
    expect((await createCheckpoint(orm.em.fork())).size).toBe(380);
    const first = await audit({ maxLeaves: 20 });
    expect(first).toMatchObject({ ok: true, fromSize: 350, treeSize: 370, pending: 10, checkpointSize: 370 });
    expect(await audit({ maxLeaves: 20 })).toMatchObject({
      ok: true,
      fromSize: 370,
      treeSize: 380,
      pending: 0,
      checkpointSize: 380,
    });
    expect((await listCheckpoints(orm.em.fork(), { first: 4 })).map((c) => c.size)).toEqual([380, 370, 350, 300]);
  });

  it('records ok=false for a leaf altered before its last head (superuser, trigger disabled), signs nothing, and keeps reporting it until restored', async () => {
    const forged = Buffer.from(entries.get(entryOf[17])!.toString().replace('现场检查', '现场检查（改）'));
    const original = hashLeaf(entries.get(entryOf[17])!);
    await tamper(`update records.journal_leaf set leaf_hash = '\\x${hex(hashLeaf(forged))}' where idx = 17`);
    const before = (await latestCheckpoint(orm.em.fork()))!.size;

    const r = await audit({ sweepLeaves: 64 });
    expect(r.ok).toBe(false);
    expect(r.sweptFrom).toBe(0);
    expect(r.checkpointSize).toBeNull();
    expect(messages(r.problems)).toEqual([
      expect.stringMatching(/^node 1\/8 \(leaves 16…17\) does not match its children/),
      `entry ${entryOf[17]} (leaf 17) no longer hashes to its leaf: the entry or the leaf was altered`,
    ]);
    expect([...r.problems[0].caseIds].sort()).toEqual([caseOf[16], caseOf[17]].sort());
    expect(r.problems[1]).toMatchObject({ caseIds: [caseOf[17]], entryId: entryOf[17], leafIndex: 17 });
    expect((await latestCheckpoint(orm.em.fork()))!.size).toBe(before);
    expect(await latestAuditProblems(orm.em.fork())).toEqual(r.problems);
    const stored = await latestAudit(orm.em.fork());
    expect(stored).toMatchObject({ ok: false, treeSize: 380 });

    // Not a one-off: the next run checks the same window again.
    await appendN(5);
    const again = await audit({ sweepLeaves: 64 });
    expect(again).toMatchObject({ ok: false, sweptFrom: 0, fromSize: 380, treeSize: 385 });
    expect(messages(again.problems)).toEqual(messages(r.problems));

    await tamper(`update records.journal_leaf set leaf_hash = '\\x${hex(original)}' where idx = 17`);
    expect(await audit({ sweepLeaves: 64 })).toMatchObject({
      ok: true,
      sweptFrom: 0,
      sweptTo: 64,
      checkpointSize: 385,
    });
    expect(await latestAuditProblems(orm.em.fork())).toEqual([]);
    // The sweep moves on once the window is clean.
    expect(await audit({ sweepLeaves: 64 })).toMatchObject({ ok: true, sweptFrom: 64, sweptTo: 128 });
  });

  it('finds a leaf altered after its last head (the new nodes do not fold), and an entry altered in the records', async () => {
    await appendN(20);
    const leaf = 390;
    await tamper(
      `update records.journal_leaf set leaf_hash = '\\x${hex(hashLeaf(Buffer.from('forged')))}' where idx = ${leaf}`,
    );
    const r = await audit();
    expect(r.ok).toBe(false);
    expect(messages(r.problems)).toEqual([
      expect.stringMatching(/^node 1\/195 \(leaves 390…391\) does not match the leaves below it/),
      `entry ${entryOf[leaf]} (leaf ${leaf}) no longer hashes to its leaf: the entry or the leaf was altered`,
    ]);
    await tamper(
      `update records.journal_leaf set leaf_hash = '\\x${hex(hashLeaf(entries.get(entryOf[leaf])!))}' where idx = ${leaf}`,
    );
    expect((await audit()).ok).toBe(true);

    // An entry changed in the records (the journal untouched): only the re-hash sees it.
    const id = entryOf[100];
    const kept = entries.get(id)!;
    entries.set(id, Buffer.from(kept.toString().replace('现场检查', '补录')));
    const r2 = await audit({ sweepLeaves: 256 });
    expect(r2.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ entryId: id, leafIndex: 100, caseIds: [caseOf[100]] })]),
    );
    entries.delete(id);
    expect(messages((await audit({ sweepLeaves: 256 })).problems)).toContainEqual(
      `entry ${id} (leaf 100) is journaled but missing from the records: it was deleted`,
    );
    entries.set(id, kept);
    expect((await audit({ sweepLeaves: 256 })).ok).toBe(true);
  });

  it('keeps at most 100 problems per run, and counts the rest', async () => {
    const gone = entryOf.slice(0, 150).map((id) => [id, entries.get(id)!] as const);
    for (const [id] of gone) entries.delete(id);
    const r = await audit({ sweepLeaves: 1024 });
    expect(r.problems).toHaveLength(101);
    expect(r.problems[100]).toEqual({ message: '… and 50 more problems of this run', caseIds: [] });
    for (const [id, bytes] of gone) entries.set(id, bytes);
    expect((await audit({ sweepLeaves: 1024 })).ok).toBe(true);
  });

  it('finds deleted rows: a leaf after its last head, a node before it', async () => {
    await appendN(10);
    const saved = await sql<{ leaf_hash: Buffer; entry_id: string; case_id: string }>(
      url,
      `select leaf_hash, entry_id, case_id from records.journal_leaf where idx = 412`,
    );
    await tamper(`delete from records.journal_leaf where idx = 412`);
    const r = await audit();
    expect(messages(r.problems)).toEqual(['1 leaves between 405 and 415 are missing (first: 412): rows were deleted']);
    await sql(url, `insert into records.journal_leaf (idx, leaf_hash, entry_id, case_id) values (412, $1, $2, $3)`, [
      saved[0].leaf_hash,
      saved[0].entry_id,
      saved[0].case_id,
    ]);
    expect((await audit()).ok).toBe(true);

    const last = (await latestAudit(orm.em.fork()))!;
    const window = { sweepLeaves: 1024 };
    await tamper(`delete from records.journal_node where level = 2 and idx = 10`);
    const r2 = await audit(window);
    expect(r2.ok).toBe(false);
    expect(messages(r2.problems)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^node 3\/5 \(leaves 40…47\) has a missing child/),
        expect.stringMatching(/1 stored nodes over leaves .* are missing/),
      ]),
    );
    expect(r2.fromSize).toBe(last.treeSize);
  });

  it('runs on its own every interval, and stops cleanly', async () => {
    // Put back the node the previous test deleted (the owner may insert).
    await sql(
      url,
      `insert into records.journal_node (level, idx, hash) select 2, 10, sha256('\\x01'::bytea || a.hash || b.hash)
      from records.journal_node a, records.journal_node b where a.level = 1 and a.idx = 20 and b.level = 1 and b.idx = 21`,
    );
    const [{ n: before }] = await sql<{ n: string }>(url, `select count(*) as n from records.journal_audit`);
    const worker = startJournalAudit(orm, { intervalMs: 100, firstRunMs: 10, sweepLeaves: 1024 });
    const deadline = Date.now() + 20_000;
    let rows = Number(before);
    while (rows < Number(before) + 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      rows = Number((await sql<{ n: string }>(url, `select count(*) as n from records.journal_audit`))[0].n);
    }
    await worker.stop();
    expect(rows).toBeGreaterThanOrEqual(Number(before) + 2);
    expect(await latestAudit(orm.em.fork())).toMatchObject({ ok: true, problems: [] });
    const settled = Number((await sql<{ n: string }>(url, `select count(*) as n from records.journal_audit`))[0].n);
    await new Promise((r) => setTimeout(r, 300));
    expect(Number((await sql<{ n: string }>(url, `select count(*) as n from records.journal_audit`))[0].n)).toBe(
      settled,
    );
  });

  it('re-hashes more suspects than a run names through an all-entries pass, one window a run', async () => {
    // An entry table of the stand-in source: its update counter moving is what makes the audit ask for suspects.
    await sql(url, `create table public.audit_entry_rows (n int); insert into public.audit_entry_rows values (0)`);
    const touch = () => sql(url, `update public.audit_entry_rows set n = n + 1`);
    const suspects = entryOf.slice(0, 5);
    const asked: number[] = [];
    registerJournalEntrySource({
      entryBytes: async (_ctx, ids) => ids.map((id) => entries.get(id) ?? null),
      tables: ['public.audit_entry_rows'],
      suspects: async (_em, limit) => (asked.push(limit), suspects.slice(0, limit)),
    });
    try {
      const watch = new ChangeWatch();
      const run = (maxSuspects: number) => audit({ sweep: false, sweepLeaves: 64, watch, maxSuspects });
      const finishPass = async () => {
        let checked = 0;
        for (let k = 0; k < 100 && watch.rehashing; k++) {
          const r = await run(4);
          expect(r.ok).toBe(true);
          checked += r.entriesChecked;
        }
        expect(watch.rehashing).toBe(false);
        return checked;
      };
      // A table the stored marks do not name yet: the watch re-hashes every entry first.
      expect((await run(10)).ok).toBe(true);
      await finishPass();
      const size = Number((await treeHead(orm.em.fork())).size);

      await touch();
      expect(await run(10)).toMatchObject({ ok: true, entriesChecked: 5 });
      expect(watch.rehashing).toBe(false);

      await touch();
      // Five suspects, four re-hashed by name at most: none is named, every entry is re-hashed window by window.
      expect(await run(4)).toMatchObject({ ok: true, entriesChecked: 0 });
      expect(watch.rehashing).toBe(true);
      expect(await finishPass()).toBe(size);
      expect(asked.at(-1)).toBe(5);
    } finally {
      registerJournalEntrySource({ entryBytes: async (_ctx, ids) => ids.map((id) => entries.get(id) ?? null) });
    }
  });

  it('continues from the watch state the last run stored: a restarted worker re-hashes nothing when nothing moved', async () => {
    const first = new ChangeWatch();
    const run = (watch: ChangeWatch) => audit({ sweep: false, sweepLeaves: 64, watch });
    for (let k = 0; k < 200 && (k === 0 || first.rehashing); k++) expect((await run(first)).ok).toBe(true);
    expect(first.rehashing).toBe(false);
    // Another process — this one restarted, or a second instance — takes over from the stored marks and pass.
    const restarted = new ChangeWatch();
    expect(await run(restarted)).toMatchObject({ ok: true, entriesChecked: 0 });
    expect(restarted.rehashing).toBe(false);
    const [{ watch }] = await sql<{ watch: { marks: Record<string, string>; pass: unknown } }>(
      url,
      `select watch from records.journal_audit order by seq desc limit 1`,
    );
    expect(watch.pass).toBeNull();
    expect(Object.keys(watch.marks)).toEqual(expect.arrayContaining(['records.journal_leaf', 'records.journal_node']));
  });

  it('notices a log rebuilt with one entry changed, every hash made consistent again', async () => {
    const rows = await sql<{ idx: string; entry_id: string; case_id: string }>(
      url,
      `select idx, entry_id, case_id from records.journal_leaf order by idx`,
    );
    await tamper(`delete from records.journal_leaf; delete from records.journal_node`);
    for (const row of rows) {
      const data = Number(row.idx) === 5 ? Buffer.from('rewritten history') : entries.get(row.entry_id)!;
      if (Number(row.idx) === 5) entries.set(row.entry_id, data);
      await orm.em.fork().transactional((em) => appendLeaf(em, { entryId: row.entry_id, caseId: row.case_id, data }));
    }
    const r = await audit({ sweepLeaves: 1024 });
    expect(r.ok).toBe(false);
    expect(messages(r.problems)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/no longer hash to the head audited at that size/),
        expect.stringMatching(/not consistent with its newest signed checkpoint/),
      ]),
    );
  });

  it('keeps its outcomes append-only, and lets the writer role only read and add them', async () => {
    await expect(sql(url, `update records.journal_audit set ok = true`)).rejects.toThrow(
      'records.journal_audit is append-only: UPDATE refused',
    );
    await expect(sql(url, `delete from records.journal_audit`)).rejects.toThrow(
      'records.journal_audit is append-only: DELETE refused',
    );
    await expect(sql(url, `truncate records.journal_audit`)).rejects.toThrow(
      'records.journal_audit is append-only: TRUNCATE refused',
    );
    const [p] = await sql<Record<string, boolean>>(
      url,
      `select has_table_privilege('records_writer', 'records.journal_audit', 'SELECT') as s, has_table_privilege('records_writer', 'records.journal_audit', 'INSERT') as i,
              has_table_privilege('records_writer', 'records.journal_audit', 'UPDATE') as u, has_table_privilege('records_writer', 'records.journal_audit', 'DELETE') as d`,
    );
    expect(p).toEqual({ s: true, i: true, u: false, d: false });
  });
});
