import { Client } from 'pg';

import { runJournalAudit } from '../subgraphs/records/src/journal';
import { JOURNAL_APPEND_LOCK } from '../subgraphs/records/src/journal/store';
import { sql } from './kit/db';
import { withJournalIntegrationBroken } from './kit/journal';
import { type Platform, startPlatform } from './kit/platform';
import { APPEND, doc, OPEN, penaltyCase, type RecordsWorld, setupWorld } from './kit/records-fixtures';
import { until } from './kit/until';

/**
 * records' writes queue their journal leaves in their own transaction and take no journal lock there; the leaves
 * are moved into the tree after the COMMIT, under the append lock, before the write is answered (journal/store.ts
 * queueLeaf). So a write never holds the outbox's lock while it waits for the journal's: openCase used to publish
 * first and append after, and concurrent openCase and appendRecord deadlocked until every write took the journal
 * lock first.
 */
let p: Platform;
let w: RecordsWorld;
beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

/** Sessions waiting for the journal's append lock (the one-key advisory form: classid 0, objid the key). */
const waitingForJournal = (c: Client) =>
  c
    .query(
      `select count(*)::int as n from pg_locks
        where locktype = 'advisory' and not granted and classid = 0 and objid = $1 and objsubid = 1`,
      [JOURNAL_APPEND_LOCK],
    )
    .then((r) => r.rows[0].n as number);

/** A new case of its own, and the input of a document entry for it. */
async function documentEntry(caseNumber: string, summary: string) {
  const opened = await p.gql(OPEN, { i: penaltyCase(w, caseNumber) }, { token: w.tokens.a });
  expect(opened.errors).toBeUndefined();
  return {
    caseId: opened.data.openCase.id as string,
    stage: 'INVESTIGATION',
    activity: 'DOCUMENT',
    occurredAt: new Date().toISOString(),
    officerIds: [w.o1, w.o2],
    summary,
    attachments: [doc('询问笔录')],
  };
}

test('openCase commits without the journal lock, and is answered once its first leaf is in the tree', async () => {
  const holder = new Client({ connectionString: p.databaseUrl });
  const probe = new Client({ connectionString: p.databaseUrl });
  await holder.connect();
  await probe.connect();
  try {
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock($1)', [JOURNAL_APPEND_LOCK]);
    let answered = false;
    const opening = p
      .gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕901号') }, { token: w.tokens.a })
      .finally(() => (answered = true));
    // The case and its first entry are committed, the leaf queued; the integration waits for the lock.
    const [{ id: caseId }] = await until('the case committed', async () => {
      const rows = await sql<{ id: string }>(
        p.databaseUrl,
        `select id from records.enforcement_case where case_number = $1`,
        ['宁规罚〔2026〕901号'],
      );
      return rows.length ? rows : undefined;
    });
    await until('the integration waiting for the journal lock', async () =>
      (await waitingForJournal(probe)) > 0 ? true : undefined,
    );
    const queued = await sql(p.databaseUrl, `select 1 from records.journal_queue where case_id = $1`, [caseId]);
    expect(queued.length).toBeGreaterThan(0);
    // The write holds neither lock now: the holder takes the outbox's too, with no deadlock to fear.
    await holder.query(`set local lock_timeout = '5s'`);
    await holder.query(`select pg_advisory_xact_lock(hashtext('records.outbox'))`);
    expect(answered).toBe(false);
    await holder.query('commit');
    const r = await opening;
    expect(r.errors).toBeUndefined();
    expect(r.data.openCase.caseNumber).toBe('宁规罚〔2026〕901号');
    expect(await sql(p.databaseUrl, `select 1 from records.journal_queue where case_id = $1`, [caseId])).toEqual([]);
    const leaves = await sql(p.databaseUrl, `select 1 from records.journal_leaf where case_id = $1`, [caseId]);
    expect(leaves.length).toBe(queued.length);
  } finally {
    await holder.query('rollback').catch(() => undefined);
    await holder.end();
    await probe.end();
  }
});

test('a write whose journal integration failed is COMMIT_UNCONFIRMED; its proof and its retry with the key move the leaf into the tree', async () => {
  const i = await documentEntry('宁规罚〔2026〕902号', '询问笔录（整合失败）');
  const keyed = { token: w.tokens.a, headers: { 'idempotency-key': 'journal-integration-902' } };
  const first = await withJournalIntegrationBroken(p.databaseUrl, () => p.gql(APPEND, { i }, keyed));
  expect(first.errors?.[0].extensions?.code).toBe('DEPENDENCY_UNAVAILABLE');
  expect(first.errors?.[0].extensions?.reason).toBe('COMMIT_UNCONFIRMED');
  const [entry] = await sql<{ id: string }>(p.databaseUrl, 'select id from records.record_entry where summary = $1', [
    i.summary,
  ]);
  expect(await sql(p.databaseUrl, 'select 1 from records.journal_queue where entry_id = $1', [entry.id])).toHaveLength(
    1,
  );

  // Whoever sees the entry (its RecordAppended event went out with the COMMIT) can have its proof: asking moves it in.
  const proof = await p.gql(
    `query($e: ID!) { journalInclusionProof(entryId: $e) { entryId leafIndex treeSize } }`,
    { e: entry.id },
    { token: w.tokens.a },
  );
  expect(proof.errors).toBeUndefined();
  expect(proof.data.journalInclusionProof.entryId).toBe(entry.id);
  expect(await sql(p.databaseUrl, 'select 1 from records.journal_queue where entry_id = $1', [entry.id])).toEqual([]);

  const again = await p.gql(APPEND, { i }, keyed);
  expect(again.errors).toBeUndefined();
  expect(again.data.appendRecord.id).toBe(entry.id);
  expect(await sql(p.databaseUrl, 'select 1 from records.journal_leaf where entry_id = $1', [entry.id])).toHaveLength(
    1,
  );
  expect(await sql(p.databaseUrl, 'select 1 from records.journal_queue where entry_id = $1', [entry.id])).toEqual([]);
});

test('an entry whose queued leaf was deleted behind the service’s back is a finding of the full sweep’s last window', async () => {
  const i = await documentEntry('宁规罚〔2026〕903号', '询问笔录（出列）');
  const first = await withJournalIntegrationBroken(p.databaseUrl, async () => {
    const r = await p.gql(APPEND, { i }, { token: w.tokens.a });
    // The owner removes the queued leaf (the services' role may not): the entry can never reach the tree.
    await sql(
      p.databaseUrl,
      `delete from records.journal_queue where entry_id in (select id from records.record_entry where summary = $1)`,
      [i.summary],
    );
    return r;
  });
  expect(first.errors?.[0].extensions?.reason).toBe('COMMIT_UNCONFIRMED');
  const [entry] = await sql<{ id: string }>(p.databaseUrl, 'select id from records.record_entry where summary = $1', [
    i.summary,
  ]);
  // The first run verifies the new leaves and sets the audited head; the second sweeps up to it.
  await runJournalAudit(p.subgraphs.records.orm.em.fork(), { sweep: true });
  const run = await runJournalAudit(p.subgraphs.records.orm.em.fork(), { sweep: true });
  expect(run?.sweptTo).toBe(run?.fromSize);
  expect(run?.ok).toBe(false);
  expect(run?.problems).toContainEqual(
    expect.objectContaining({
      entryId: entry.id,
      caseIds: [i.caseId],
      message: expect.stringContaining('not in the journal'),
    }),
  );
});
