import {
  ChangeWatch,
  type JournalAuditOptions,
  latestAuditProblems,
  runJournalAudit,
} from '../subgraphs/records/src/journal';
import { sql } from './kit/db';
import { type Platform, startPlatform } from './kit/platform';
import { APPEND, doc, OPEN, penaltyCase, type RecordsWorld, setupWorld } from './kit/records-fixtures';

/**
 * The self-audit inside the running records subgraph: it reads the entries through the entry source
 * the records lifecycle registered (the one journalInclusionProof uses), so an entry altered behind
 * the service's back is caught by the next run, and named by its case.
 */

let p: Platform;
let w: RecordsWorld;
let caseId: string;
beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
  const r = await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕21号') }, { token: w.tokens.a });
  expect(r.errors).toBeUndefined();
  caseId = r.data.openCase.id;
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

/** One audit run; retried while the service's own worker holds the audit lock. */
async function audit(o: JournalAuditOptions = {}) {
  for (const deadline = Date.now() + 30_000; ;) {
    const r = await runJournalAudit(p.subgraphs.records.orm.em.fork(), o);
    if (r) return r;
    if (Date.now() > deadline) throw new Error('the audit lock stayed taken');
    await new Promise((res) => setTimeout(res, 100));
  }
}
let original: string;

test("re-hashes the real entries, and reports an entry altered behind the service's back by its case", async () => {
  const [{ n }] = await sql<{ n: string }>(p.databaseUrl, `select count(*) as n from records.journal_leaf`);
  expect(Number(n)).toBeGreaterThanOrEqual(1);
  const first = await audit();
  expect(first).toMatchObject({ ok: true, problems: [], entriesChecked: Number(n), treeSize: Number(n) });

  [{ original }] = await sql<{ original: string }>(
    p.databaseUrl,
    `select summary as original from records.record_entry where case_id = $1 and sequence = 1`,
    [caseId],
  );
  await sql(
    p.databaseUrl,
    `alter table records.record_entry disable trigger record_entry_refuse_change;
    update records.record_entry set summary = '立案（已篡改）' where case_id = '${caseId}' and sequence = 1;
    alter table records.record_entry enable trigger record_entry_refuse_change`,
  );
  const [entry] = await sql<{ id: string }>(
    p.databaseUrl,
    `select id from records.record_entry where case_id = $1 and sequence = 1`,
    [caseId],
  );
  const second = await audit();
  expect(second.ok).toBe(false);
  expect(second.problems).toEqual([
    expect.objectContaining({
      caseIds: [caseId],
      entryId: entry.id,
      message: expect.stringContaining('no longer hashes to its leaf'),
    }),
  ]);
  expect(await latestAuditProblems(p.subgraphs.records.orm.em.fork())).toEqual(second.problems);
});

test("a worker's first frequent run re-hashes every entry: an attachment deleted while the service was down", async () => {
  await sql(
    p.databaseUrl,
    `alter table records.record_entry disable trigger record_entry_refuse_change;
    update records.record_entry set summary = $$${original}$$ where case_id = '${caseId}' and sequence = 1;
    alter table records.record_entry enable trigger record_entry_refuse_change`,
  );
  const i = {
    caseId,
    stage: 'INVESTIGATION',
    activity: 'DOCUMENT',
    occurredAt: new Date().toISOString(),
    officerIds: [w.o1, w.o2],
    summary: '询问笔录',
    attachments: [doc('询问笔录')],
  };
  const appended = await p.gql(APPEND, { i }, { token: w.tokens.a });
  expect(appended.errors).toBeUndefined();
  const entryId: string = appended.data.appendRecord.id;
  // The previous process: the new entry verified, then nothing changes.
  const before = new ChangeWatch();
  expect(await audit({ sweep: false, watch: before })).toMatchObject({ ok: true });
  expect(await audit({ sweep: false, watch: before })).toMatchObject({ ok: true });

  // While the service is down: its attachment deleted (no other row of the entry changes, so none is newer
  // than its leaf).
  await sql(
    p.databaseUrl,
    `alter table records.attachment disable trigger attachment_refuse_change;
    delete from records.attachment where entry_id = '${entryId}';
    alter table records.attachment enable trigger attachment_refuse_change`,
  );
  // The restarted worker's first pass, in windows of one leaf (a run each): passes up to the entry's leaf.
  const [{ idx }] = await sql<{ idx: string }>(
    p.databaseUrl,
    `select idx::text from records.journal_leaf where entry_id = $1`,
    [entryId],
  );
  const watch = new ChangeWatch();
  const runs = [];
  for (let k = 0; k <= Number(idx) + 1; k++) {
    runs.push(await audit({ sweep: false, sweepLeaves: 1, watch }));
    expect(watch.rehashing).toBe(true);
  }
  expect(runs.map((r) => [r.ok, r.sweptFrom])).toEqual([
    ...Array(Number(idx)).fill([true, null]),
    [false, null],
    [false, null],
  ]);
  expect(runs.slice(0, -2).map((r) => r.entriesChecked)).toEqual(Array(Number(idx)).fill(1));
  expect(runs.at(-2)!.problems).toEqual([expect.objectContaining({ caseIds: [caseId], entryId })]);
});
