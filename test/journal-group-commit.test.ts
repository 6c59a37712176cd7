import { randomUUID } from 'node:crypto';

import { type Context, openOrm, type Orm } from '@tsp/shared';
import { Client } from 'pg';

import { appendLeaf, createCheckpoint } from '../subgraphs/records/src/journal';
import { journalConsistencyProof } from '../subgraphs/records/src/read/journal-proofs';
import { createTestDatabase } from './kit/db';
import { migrateRecords } from './kit/journal';
import { flushedThrough, withWalWriterPaused } from './kit/wal';

/**
 * The journal's group commit (shared/src/db/group-commit.ts): an append releases the append lock at COMMIT without
 * waiting for the disk and is flushed before its caller goes on; a head or proof is answered only once the leaves
 * it covers are on disk. The WAL writer is paused (kit/wal.ts) so that nothing else flushes.
 */

let url: string;
let orm: Orm;
let probe: Client;

beforeAll(async () => {
  url = await createTestDatabase();
  await migrateRecords(url);
  orm = await openOrm({ schema: 'records', clientUrl: url, entities: [], migrations: [] });
  probe = new Client({ connectionString: url });
  await probe.connect();
});
afterAll(async () => {
  await probe.end();
  await orm.close();
});

const leaf = () => ({ entryId: randomUUID(), caseId: randomUUID(), data: Buffer.from(`entry ${randomUUID()}`) });

/** Runs `write` in a transaction; returns its synchronous_commit and the WAL's end after its last write. */
async function inTransaction(write: (em: import('@tsp/shared').EntityManager) => Promise<unknown>) {
  return orm.em.fork().transactional(async (em) => {
    await write(em);
    const [r] = await em.execute<{ sync: string; lsn: string }[]>(
      `select current_setting('synchronous_commit') as sync, pg_current_wal_insert_lsn()::text as lsn`,
    );
    return r;
  });
}

test('an append commits without waiting for the disk and is on disk when its transaction returns', async () => {
  const [inside, flushed] = await withWalWriterPaused(probe, async () => {
    const r = await inTransaction((em) => appendLeaf(em, leaf()));
    // Strictly past the last write: through the COMMIT record that follows it.
    const { rows } = await probe.query<{ ok: boolean }>('select pg_current_wal_flush_lsn() > $1::pg_lsn as ok', [
      r.lsn,
    ]);
    return [r, rows[0].ok] as const;
  });
  expect(inside.sync).toBe('off');
  expect(flushed).toBe(true);
});

/** An append committed without waiting whose writer has not flushed yet; where the WAL ends, and the leaves now. */
async function appendUnflushed(): Promise<{ lsn: string; n: number }> {
  const writer = new Client({ connectionString: url });
  await writer.connect();
  try {
    await writer.query('begin');
    await writer.query('set local synchronous_commit = off');
    await writer.query(`select records.journal_append_batch(array[$1::uuid], array[$2::uuid], array[$3::bytea])`, [
      randomUUID(),
      randomUUID(),
      Buffer.from('unflushed'),
    ]);
    await writer.query('commit');
  } finally {
    await writer.end();
  }
  const { rows } = await probe.query<{ lsn: string; n: string }>(
    `select pg_current_wal_insert_lsn()::text as lsn, (select count(*) from records.journal_leaf)::text as n`,
  );
  return { lsn: rows[0].lsn, n: Number(rows[0].n) };
}

test('a consistency proof is answered only once the leaves it covers are on disk', async () => {
  await inTransaction((em) => appendLeaf(em, leaf()));
  const [proof, flushed] = await withWalWriterPaused(probe, async () => {
    const { lsn, n } = await appendUnflushed();
    const p = await journalConsistencyProof({ em: orm.em.fork() } as unknown as Context, 1, n);
    return [p, await flushedThrough(probe, lsn)] as const;
  });
  expect(proof.toSize).toBeGreaterThanOrEqual(2);
  expect(flushed).toBe(true);
});

test("a proof refused as out of range names the journal's size only once that size is on disk", async () => {
  const [refusal, flushed] = await withWalWriterPaused(probe, async () => {
    const { lsn, n } = await appendUnflushed();
    const e = await journalConsistencyProof({ em: orm.em.fork() } as unknown as Context, 1, n + 5).catch((x) => x);
    return [e, await flushedThrough(probe, lsn)] as const;
  });
  expect(refusal.extensions?.code).toBe('BAD_USER_INPUT');
  expect(flushed).toBe(true);
});

test('a transaction that appends and signs a checkpoint waits for the disk at COMMIT: no signed head is seen first', async () => {
  const inside = await inTransaction(async (em) => {
    await appendLeaf(em, leaf());
    await createCheckpoint(em);
  });
  expect(inside.sync).toBe('on');
});
