import { Client } from 'pg';

import { JOURNAL_APPEND_LOCK } from '../subgraphs/records/src/journal/store';
import { type Platform, startPlatform } from './kit/platform';
import { OPEN, penaltyCase, type RecordsWorld, setupWorld } from './kit/records-fixtures';
import { until } from './kit/until';

/**
 * records' writes take the journal's append lock before the outbox's lock, every one of them: appendRecord,
 * recordDecision and archiveCase append a leaf, then publish. openCase published CaseOpened first, so an
 * openCase and an appendRecord at the same moment (two instances, or two requests to one) each held the
 * lock the other waited for, and PostgreSQL killed one as a deadlock.
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

test('openCase waits for the journal lock before it takes the outbox lock, so a writer holding both orders meets no deadlock', async () => {
  const writer = new Client({ connectionString: p.databaseUrl });
  const probe = new Client({ connectionString: p.databaseUrl });
  await writer.connect();
  await probe.connect();
  try {
    // What appendRecord does: the journal lock first (its leaf), then the outbox lock (RecordAppended).
    await writer.query('begin');
    await writer.query('select pg_advisory_xact_lock($1)', [JOURNAL_APPEND_LOCK]);
    const opening = p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕901号') }, { token: w.tokens.a });
    await until('openCase waiting for the journal lock', async () =>
      (await waitingForJournal(probe)) > 0 ? true : undefined,
    );
    // openCase must not hold the outbox lock while it waits: this would then deadlock, and one side fail.
    await writer.query(`set local lock_timeout = '5s'`);
    await writer.query(`select pg_advisory_xact_lock(hashtext('records.outbox'))`);
    await writer.query('commit');
    const r = await opening;
    expect(r.errors).toBeUndefined();
    expect(r.data.openCase.caseNumber).toBe('宁规罚〔2026〕901号');
  } finally {
    await writer.query('rollback').catch(() => undefined);
    await writer.end();
    await probe.end();
  }
});
