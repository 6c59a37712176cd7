import { randomUUID } from 'node:crypto';

import { CommitUnconfirmed, confirmCommitted, openOrm, type Orm } from '@tsp/shared';
import { Client } from 'pg';

import {
  hashLeaf,
  JOURNAL_AFTER_COMMIT,
  JOURNAL_APPEND_LOCK,
  queueLeaf,
  rootFromLeaves,
  runJournalAudit,
  treeHead,
  verifyCaseJournal,
} from '../subgraphs/records/src/journal';
import { createTestDatabase, sql } from './kit/db';
import { migrateRecords, withJournalIntegrationBroken } from './kit/journal';
import { until } from './kit/until';
import { flushedThrough, withWalWriterPaused } from './kit/wal';

/**
 * Journal leaves queued in the writer's transaction and moved into the tree after its COMMIT (queueLeaf, migration
 * 0017): the caller goes on only once its leaf is in the tree; concurrent writers' leaves are moved together; a leaf
 * left queued (a crash) is moved by the self-audit; a queued leaf counts as its entry's, not as a missing one.
 */

let url: string;
let orm: Orm;
beforeAll(async () => {
  url = await createTestDatabase();
  await migrateRecords(url);
  orm = await openOrm({
    schema: 'records',
    clientUrl: url,
    entities: [],
    migrations: [],
    poolMax: 8,
    afterCommit: JOURNAL_AFTER_COMMIT,
  });
}, 60_000);
afterAll(async () => {
  await orm?.close();
});

const item = (caseId = randomUUID()) => ({
  entryId: randomUUID(),
  caseId,
  data: Buffer.from(`queued ${randomUUID()}`),
});
const queued = () => sql<{ entry_id: string }>(url, 'select entry_id from records.journal_queue');
const leafOf = async (entryId: string) =>
  (await sql<{ idx: string }>(url, 'select idx::text from records.journal_leaf where entry_id = $1', [entryId]))[0];

/** Every tree head from 1 to the current size equals the reference (merkle.ts) over the stored leaves. */
async function treeMatchesReference(): Promise<number> {
  const leaves = await sql<{ leaf_hash: Buffer }>(url, 'select leaf_hash from records.journal_leaf order by idx');
  const em = orm.em.fork();
  for (let n = 1; n <= leaves.length; n++) {
    const head = await treeHead(em, n);
    expect(head.rootHash).toBe(rootFromLeaves(leaves.slice(0, n).map((l) => l.leaf_hash)).toString('hex'));
  }
  return leaves.length;
}

test('a leaf queued in a transaction is in the tree when the transaction returns; one rolled back leaves nothing', async () => {
  const a = item();
  const hash = await orm.em.fork().transactional((em) => queueLeaf(em, a));
  expect(hash).toBe(hashLeaf(a.data).toString('hex'));
  expect(await leafOf(a.entryId)).toBeDefined();
  expect(await queued()).toEqual([]);

  const b = item();
  await expect(
    orm.em.fork().transactional(async (em) => {
      await queueLeaf(em, b);
      throw new Error('the write fails after queueing its leaf');
    }),
  ).rejects.toThrow('the write fails');
  expect(await leafOf(b.entryId)).toBeUndefined();
  expect(await queued()).toEqual([]);
});

test('30 concurrent writers, in transactions and without: every leaf in the tree once, at consecutive indexes', async () => {
  const before = Number((await sql<{ n: string }>(url, 'select count(*) as n from records.journal_leaf'))[0].n);
  const items = Array.from({ length: 30 }, () => item());
  await Promise.all(
    items.map((it, i) =>
      i % 3 === 0 ? queueLeaf(orm.em.fork(), it) : orm.em.fork().transactional((em) => queueLeaf(em, it)),
    ),
  );
  const idx = (await Promise.all(items.map((it) => leafOf(it.entryId)))).map((l) => Number(l!.idx));
  expect(new Set(idx).size).toBe(30);
  expect(Math.min(...idx)).toBe(before);
  expect(Math.max(...idx)).toBe(before + 29);
  expect(await queued()).toEqual([]);
  expect(await treeMatchesReference()).toBe(before + 30);
});

test('the writer goes on only once its leaf is in the tree: its COMMIT is visible while the append lock is held elsewhere', async () => {
  const holder = new Client({ connectionString: url });
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock($1)', [JOURNAL_APPEND_LOCK]);
    const it = item();
    let done = false;
    const write = orm.em
      .fork()
      .transactional((em) => queueLeaf(em, it))
      .finally(() => (done = true));
    // Committed and queued, and the integration waits for the lock.
    await until('the queued leaf committed', async () =>
      (await queued()).some((q) => q.entry_id === it.entryId) ? true : undefined,
    );
    await until('the integration waiting for the append lock', async () =>
      (
        await sql<{ n: number }>(
          url,
          `select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and objid = $1`,
          [JOURNAL_APPEND_LOCK],
        )
      )[0].n > 0
        ? true
        : undefined,
    );
    expect(done).toBe(false);
    await holder.query('commit');
    await write;
    expect(await leafOf(it.entryId)).toBeDefined();
  } finally {
    await holder.query('rollback').catch(() => undefined);
    await holder.end();
  }
});

test('a queued leaf counts as its entry’s; an entry whose queued leaf was deleted is reported missing from the journal', async () => {
  const caseId = randomUUID();
  const done = item(caseId);
  await queueLeaf(orm.em.fork(), done);
  // A leaf left queued, as a writer that died between its COMMIT and the integration leaves it.
  const left = item(caseId);
  await sql(url, 'insert into records.journal_queue (entry_id, case_id, leaf_hash) values ($1, $2, $3)', [
    left.entryId,
    caseId,
    hashLeaf(left.data),
  ]);
  const entries = [done, left].map((e) => ({ entryId: e.entryId, bytes: e.data }));
  const report = await verifyCaseJournal(orm.em.fork(), { caseId, entries });
  expect(report.problems).toEqual([]);
  expect(report.length).toBe(1);

  // Deleted from the queue behind the service's back: the entry will never reach the tree.
  await sql(url, 'delete from records.journal_queue where entry_id = $1', [left.entryId]);
  const after = await verifyCaseJournal(orm.em.fork(), { caseId, entries });
  expect(after.intact).toBe(false);
  expect(after.problems.join('\n')).toContain(`entry ${left.entryId} is not in the journal`);
});

test('the self-audit moves leaves a crash left queued into the tree, and passes', async () => {
  const left = item();
  await sql(url, 'insert into records.journal_queue (entry_id, case_id, leaf_hash) values ($1, $2, $3)', [
    left.entryId,
    left.caseId,
    hashLeaf(left.data),
  ]);
  const run = await runJournalAudit(orm.em.fork());
  expect(run?.ok).toBe(true);
  expect(await leafOf(left.entryId)).toBeDefined();
  expect(await queued()).toEqual([]);
  expect(run!.treeSize).toBe(await treeMatchesReference());
});

test('an integration that fails is CommitUnconfirmed; the entry stays queued and the next integration moves it', async () => {
  const first = item();
  await withJournalIntegrationBroken(url, async () => {
    const failure = await orm.em
      .fork()
      .transactional((em) => queueLeaf(em, first))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CommitUnconfirmed);
    expect((await queued()).map((q) => q.entry_id)).toEqual([first.entryId]);
    // One failed integration is no finding; leaves waiting past a minute are.
    expect((await runJournalAudit(orm.em.fork()))?.ok).toBe(true);
    const waiting = item();
    await sql(
      url,
      `insert into records.journal_queue (entry_id, case_id, leaf_hash, queued_at)
       values ($1, $2, $3, now() - interval '2 minutes')`,
      [waiting.entryId, waiting.caseId, hashLeaf(waiting.data)],
    );
    const audit = await runJournalAudit(orm.em.fork());
    expect(audit?.ok).toBe(false);
    expect(audit?.problems.map((p) => p.message).join('\n')).toContain(
      '1 queued journal leaves have waited over 60 s and cannot be moved',
    );
  });
  const second = item();
  await orm.em.fork().transactional((em) => queueLeaf(em, second));
  expect(Number((await leafOf(second.entryId))!.idx)).toBe(Number((await leafOf(first.entryId))!.idx) + 2);
  expect(await queued()).toEqual([]);
});

test('an ORM opened without the journal integration refuses to queue, rather than leave the leaf queued', async () => {
  const bare = await openOrm({ schema: 'records', clientUrl: url, entities: [], migrations: [], poolMax: 1 });
  try {
    const it = item();
    await expect(bare.em.fork().transactional((em) => queueLeaf(em, it))).rejects.toThrow(
      'no after-commit statement "journal integration"',
    );
    expect(await queued()).toEqual([]);
  } finally {
    await bare.close();
  }
});

test('a queued leaf whose entry has a leaf already does not stop later integrations; the self-audit reports it', async () => {
  const done = item();
  await queueLeaf(orm.em.fork(), done);
  await sql(url, 'insert into records.journal_queue (entry_id, case_id, leaf_hash) values ($1, $2, $3)', [
    done.entryId,
    done.caseId,
    hashLeaf(Buffer.from('a second leaf for the same entry')),
  ]);
  try {
    const next = item();
    await orm.em.fork().transactional((em) => queueLeaf(em, next));
    expect(await leafOf(next.entryId)).toBeDefined();
    expect((await queued()).map((q) => q.entry_id)).toEqual([done.entryId]);
    const audit = await runJournalAudit(orm.em.fork());
    expect(audit?.ok).toBe(false);
    expect(audit?.problems).toEqual([
      expect.objectContaining({
        entryId: done.entryId,
        caseIds: [done.caseId],
        message: expect.stringContaining('has a leaf already'),
      }),
    ]);
  } finally {
    await sql(url, 'delete from records.journal_queue where entry_id = $1', [done.entryId]);
  }
  expect((await runJournalAudit(orm.em.fork()))?.ok).toBe(true);
});

test('an integration that finds nothing queued still leaves the WAL flushed past the commits before it', async () => {
  const probe = new Client({ connectionString: url });
  await probe.connect();
  try {
    const flushed = await withWalWriterPaused(probe, async () => {
      // A commit that did not wait, as a writer's whose leaf was moved by another run, or rolled back in a savepoint.
      // Other test files' synchronous commits flush the WAL too: made again until one is seen unflushed.
      const c = new Client({ connectionString: url });
      await c.connect();
      let lsn: string | undefined;
      try {
        await c.query('set synchronous_commit = off');
        for (let attempt = 1; ; attempt++) {
          await c.query(`select pg_logical_emit_message(true, 'test', 'unflushed')`);
          lsn = (await probe.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn')).rows[0].lsn;
          if (!(await flushedThrough(probe, lsn))) break;
          if (attempt === 100) throw new Error('every commit was flushed by other sessions at once, 100 times');
        }
      } finally {
        await c.end();
      }
      await confirmCommitted(orm.em.fork());
      return flushedThrough(probe, lsn!);
    });
    expect(flushed).toBe(true);
  } finally {
    await probe.end();
  }
});

test('records_writer may queue and integrate, but not delete a queued leaf: the integration runs with its owner’s rights', async () => {
  const [grants] = await sql<Record<string, boolean>>(
    url,
    `select has_table_privilege('records_writer', 'records.journal_queue', 'SELECT') as s,
            has_table_privilege('records_writer', 'records.journal_queue', 'INSERT') as i,
            has_table_privilege('records_writer', 'records.journal_queue', 'UPDATE') as u,
            has_table_privilege('records_writer', 'records.journal_queue', 'DELETE') as d,
            has_function_privilege('records_writer', 'records.journal_integrate(int)', 'EXECUTE') as x,
            (select prosecdef from pg_proc where oid = 'records.journal_integrate(int)'::regprocedure) as definer`,
  );
  expect(grants).toEqual({ s: true, i: true, u: false, d: false, x: true, definer: true });
  const it = item();
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('set role records_writer');
    await c.query('insert into records.journal_queue (entry_id, case_id, leaf_hash) values ($1, $2, $3)', [
      it.entryId,
      it.caseId,
      hashLeaf(it.data),
    ]);
    await expect(c.query('delete from records.journal_queue where entry_id = $1', [it.entryId])).rejects.toThrow(
      'permission denied',
    );
    const { rows } = await c.query('select records.journal_integrate(null) as n');
    expect(rows[0].n).toBe(1);
  } finally {
    await c.end();
  }
  expect(await leafOf(it.entryId)).toBeDefined();
});

test('a writer’s own pg_temp types cannot run as the owner inside the integration (functions compile under a pinned search_path)', async () => {
  const it = item();
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('set role records_writer');
    // Types are looked up in pg_temp first unless search_path says otherwise: a domain of the writer's own named
    // bytea, whose check raises when it runs with anyone's rights but the writer's.
    await c.query(`create function pg_temp.probe(x pg_catalog.bytea) returns boolean language plpgsql as $$
      begin
        if current_user <> 'records_writer' then raise exception 'writer code ran as %', current_user; end if;
        return true;
      end $$`);
    await c.query('create domain pg_temp.bytea as pg_catalog.bytea check (pg_temp.probe(value))');
    // The writer calls the append function first, so this session compiles it under the writer's search_path.
    await c.query(`select * from records.journal_append_hashed('{}', '{}', '{}')`);
    await c.query('insert into records.journal_queue (entry_id, case_id, leaf_hash) values ($1, $2, $3)', [
      it.entryId,
      it.caseId,
      hashLeaf(it.data),
    ]);
    const { rows } = await c.query('select records.journal_integrate(null) as n');
    expect(rows[0].n).toBe(1);
  } finally {
    await c.end();
  }
  expect(await leafOf(it.entryId)).toBeDefined();
});
