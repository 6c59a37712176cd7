import { startPlatform, type Platform } from './support/platform';
import { sql } from './support/db';
import { OPEN, penaltyCase, setupWorld, type RecordsWorld } from './records-fixtures';
import { latestAuditProblems, runJournalAudit } from '../subgraphs/records/src/journal';

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

const audit = () => runJournalAudit(p.subgraphs.records.orm.em.fork()).then((r) => r!);

test('re-hashes the real entries, and reports an entry altered behind the service\'s back by its case', async () => {
  const [{ n }] = await sql<{ n: string }>(p.databaseUrl, `select count(*) as n from records.journal_leaf`);
  expect(Number(n)).toBeGreaterThanOrEqual(1);
  const first = await audit();
  expect(first).toMatchObject({ ok: true, problems: [], entriesChecked: Number(n), treeSize: Number(n) });

  await sql(p.databaseUrl, `alter table records.record_entry disable trigger record_entry_refuse_change;
    update records.record_entry set summary = '立案（已篡改）' where case_id = '${caseId}' and sequence = 1;
    alter table records.record_entry enable trigger record_entry_refuse_change`);
  const [entry] = await sql<{ id: string }>(p.databaseUrl, `select id from records.record_entry where case_id = $1 and sequence = 1`, [caseId]);
  const second = await audit();
  expect(second.ok).toBe(false);
  expect(second.problems).toEqual([expect.objectContaining({ caseIds: [caseId], entryId: entry.id, message: expect.stringContaining('no longer hashes to its leaf') })]);
  expect(await latestAuditProblems(p.subgraphs.records.orm.em.fork())).toEqual(second.problems);
});
