import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

import { records } from '@tsp/records';
import {
  appendLeaf,
  appendLeaves,
  consistencyProofFor,
  createCheckpoint,
  hashLeaf,
  inclusionProofFor,
  JOURNAL_AFTER_COMMIT,
  queueLeaf,
  registerJournalEntrySource,
  runJournalAudit,
  treeHead,
  verifyConsistency,
  verifyInclusion,
} from '@tsp/records/dist/journal/index.js';
import { config, loadConfigOrExit, migrate, openOrm, type Orm, startEmbeddedPostgres } from '@tsp/shared';
import { Client } from 'pg';

import { loadJournal } from './bench/journal-load.js';
import { holdParts, plainAppendRate, walSyncs } from './bench/journal-writers.js';

/**
 * Journal benchmark (not a test): appends/s with proofs maintained, single writer and 8 concurrent
 * writers (ORM and plain pg driver), where an append's lock hold goes, and proof times at 10^5 and
 * 10^6 leaves (bulk-loaded with COPY), and at 10^7 with `--1e7` (a few more minutes). Uses DATABASE_URL
 * or a throwaway embedded PostgreSQL (fsync on, as in production). Prints a table.
 */

const HUGE = process.argv.includes('--1e7');

async function freshDatabase(adminUrl: string): Promise<string> {
  const name = `bench_journal_${randomBytes(4).toString('hex')}`;
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

const urls = new WeakMap<Orm, string>();

async function journalDb(adminUrl: string, poolMax: number): Promise<Orm> {
  const url = await freshDatabase(adminUrl);
  const orm = await openOrm({
    schema: 'records',
    clientUrl: url,
    entities: [],
    migrations: records.db.migrations,
    poolMax,
    afterCommit: JOURNAL_AFTER_COMMIT,
  });
  await migrate(orm, 'records');
  // Times the WAL fsyncs (pg_stat_io) of this database's sessions; needs a superuser, so optional.
  await orm.em
    .fork()
    .execute(`alter database "${new URL(url).pathname.slice(1)}" set track_wal_io_timing = on`)
    .catch(() => undefined);
  urls.set(orm, url);
  return orm;
}

/**
 * How a writer appends: 'queued', the service's way (queueLeaf in the writer's transaction, moved into the tree in
 * batches after the COMMIT); 'autocommit', queueLeaf without a transaction (a writer with nothing else to write);
 * 'locked', appendLeaf in the writer's transaction under the append lock (the service before migration 0017);
 * 'flushUnderLock', as 'locked' with the COMMIT waiting for the WAL flush under the lock, as before group commit
 * (@tsp/shared group-commit.ts) — diagnostics that show what each step gained on this machine.
 */
type Way = 'queued' | 'autocommit' | 'locked' | 'flushUnderLock';

const appendOne = (orm: Orm, i: number, way: Way) => {
  const item = () => ({
    entryId: randomUUID(),
    caseId: randomUUID(),
    data: Buffer.from(`bench entry ${i} ${randomUUID()}`),
  });
  if (way === 'autocommit') return queueLeaf(orm.em.fork(), item());
  if (way === 'queued') return orm.em.fork().transactional((em) => queueLeaf(em, item()));
  const flushUnderLock = way === 'flushUnderLock';
  return orm.em.fork().transactional(async (em) => {
    const leaf = await appendLeaf(em, {
      entryId: randomUUID(),
      caseId: randomUUID(),
      data: Buffer.from(`bench entry ${i} ${randomUUID()}`),
    });
    if (flushUnderLock) await em.execute('set local synchronous_commit = on');
    return leaf;
  });
};

async function appendRate(orm: Orm, writers: number, perWriter: number, way: Way = 'queued'): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) await appendOne(orm, w * perWriter + i, way);
    }),
  );
  return (writers * perWriter) / ((performance.now() - t0) / 1000);
}

/** Entries per second when each transaction appends `batch` entries at once (appendLeaves: one call). */
async function batchRate(orm: Orm, writers: number, transactions: number, batch: number): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let t = 0; t < transactions; t++) {
        const items = Array.from({ length: batch }, (_, k) => ({
          entryId: randomUUID(),
          caseId: randomUUID(),
          data: Buffer.from(`bench batch ${w} ${t} ${k} ${randomUUID()}`),
        }));
        await orm.em.fork().transactional((em) => appendLeaves(em, items));
      }
    }),
  );
  return (writers * transactions * batch) / ((performance.now() - t0) / 1000);
}

/** Diagnostics: the same append through the plain pg driver (no ORM), and an ORM transaction that appends nothing. */
async function floorRates(
  url: string,
  orm: Orm,
  n: number,
): Promise<{ plain: number; emptyOrmTx: number; inside: number }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  let t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await c.query('begin');
    await c.query('select * from records.journal_append($1, $2, $3)', [
      randomUUID(),
      randomUUID(),
      Buffer.from(`bench plain ${i} ${randomUUID()}`),
    ]);
    await c.query('commit');
  }
  const plain = n / ((performance.now() - t0) / 1000);
  await c.end();
  t0 = performance.now();
  for (let i = 0; i < n; i++) await orm.em.fork().transactional((em) => em.execute('select 1'));
  const emptyOrmTx = n / ((performance.now() - t0) / 1000);
  // What an append adds to a transaction that is open anyway (the records write path).
  t0 = performance.now();
  await orm.em.fork().transactional(async (em) => {
    for (let i = 0; i < n; i++)
      await appendLeaf(em, {
        entryId: randomUUID(),
        caseId: randomUUID(),
        data: Buffer.from(`bench inside ${i} ${randomUUID()}`),
      });
  });
  return { plain, emptyOrmTx, inside: n / ((performance.now() - t0) / 1000) };
}

/**
 * Loads leaves [size, to) with every node they complete, with COPY (loadJournal: the seed's loader), in
 * chunks so that 10^7 leaves never sit in memory at once. Ids count up, so their indexes fill in order.
 */
async function bulkLoad(orm: Orm, to: number): Promise<void> {
  const db = new Client({ connectionString: urls.get(orm)! });
  await db.connect();
  const id = (kind: number, n: number) => `0000000${kind}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  try {
    const { rows } = await db.query<{ n: string }>(
      'select coalesce(max(idx) + 1, 0)::text as n from records.journal_leaf',
    );
    for (let start = Number(rows[0].n); start < to; start += 250_000) {
      const leaves = [];
      for (let n = start; n < Math.min(start + 250_000, to); n++)
        leaves.push({ entryId: id(1, n), caseId: id(2, n >> 3), hash: hashLeaf(Buffer.from(`bulk entry ${n}`)) });
      await loadJournal(db, leaves);
    }
    await db.query('analyze records.journal_leaf, records.journal_node');
  } finally {
    await db.end();
  }
}

async function proofTimes(orm: Orm, size: number, samples = 200) {
  const em = orm.em.fork();
  const head = await treeHead(em, size);
  const root = Buffer.from(head.rootHash, 'hex');
  const time = async (f: () => Promise<unknown>) => {
    const ts: number[] = [];
    for (let s = 0; s < samples; s++) {
      const t0 = performance.now();
      await f();
      ts.push(performance.now() - t0);
    }
    ts.sort((a, b) => a - b);
    return { p50: ts[Math.floor(samples / 2)], p95: ts[Math.floor(samples * 0.95)] };
  };
  let ok = true;
  const inclusion = await time(async () => {
    const i = Math.floor(Math.random() * size);
    const p = await inclusionProofFor(em, i, size);
    ok &&= verifyInclusion(
      i,
      size,
      Buffer.from(p.leafHash, 'hex'),
      p.proof.map((x) => Buffer.from(x, 'hex')),
      root,
    );
  });
  const consistency = await time(async () => {
    const m = 1 + Math.floor(Math.random() * (size - 1));
    const p = await consistencyProofFor(em, m, size);
    ok &&= verifyConsistency(
      m,
      size,
      p.proof.map((x) => Buffer.from(x, 'hex')),
      Buffer.from(p.fromRoot, 'hex'),
      root,
    );
  });
  const headTime = await time(() => treeHead(em, size));
  if (!ok) throw new Error(`a proof at size ${size} did not verify`);
  return { inclusion, consistency, head: headTime };
}

/**
 * 8 writers over the plain pg driver, and the parts of an append's lock hold: appends take turns on a lock
 * held until COMMIT returns, so 8 writers run at 1 / hold. WAL fsyncs and their mean time are read from
 * pg_stat_io over the run. `ownServer`: the throwaway server, whose settings the bench may change.
 */
async function plainWriters(url: string, rows: [string, string][], ownServer: boolean): Promise<void> {
  const fmt = (x: number) => x.toFixed(x < 10 ? 2 : 0);
  const withSyncs = async (label: string, run: () => Promise<number>) => {
    const before = await walSyncs(url);
    const rate = await run();
    const after = await walSyncs(url);
    const n = after.count - before.count;
    const flush = n && after.ms > before.ms ? `, fsync mean ${fmt(((after.ms - before.ms) * 1000) / n)} µs` : '';
    rows.push([label, `${fmt(rate)} (${(n / 2000).toFixed(2)} WAL fsyncs per append${flush})`]);
  };
  await withSyncs('appends/s, 8 writers, plain pg: BEGIN; append; COMMIT (8 × 250)', () =>
    plainAppendRate(url, 8, 250, 'separate'),
  );
  await withSyncs('appends/s, 8 writers, plain pg: BEGIN; append and COMMIT in one message', () =>
    plainAppendRate(url, 8, 250, 'pipelined'),
  );
  await withSyncs('appends/s, 1 writer, plain pg: append and COMMIT in one message (2,000)', () =>
    plainAppendRate(url, 1, 2000, 'pipelined'),
  );
  await withSyncs('appends/s, 8 writers, plain pg, one message, group commit: flush after the lock', () =>
    plainAppendRate(url, 8, 250, 'group'),
  );
  rows.push([
    'appends/s, 8 writers, plain pg, one message, synchronous_commit off, no flush (diagnostic)',
    fmt(await plainAppendRate(url, 8, 250, 'pipelined', ['set synchronous_commit = off'])),
  ]);
  // Group commit: a committer waits up to commit_delay µs for others to flush with it
  // (when at least commit_siblings other transactions are open).
  await withSyncs('appends/s, 8 writers, plain pg, one message, commit_delay 200 µs, commit_siblings 2', () =>
    plainAppendRate(url, 8, 250, 'pipelined', ['set commit_delay = 200', 'set commit_siblings = 2']),
  );
  if (ownServer) {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      // open_datasync writes WAL with O_DSYNC instead of write + fdatasync (Linux's default): one call fewer per flush.
      await admin.query(`alter system set wal_sync_method = 'open_datasync'`);
      await admin.query('select pg_reload_conf()');
      rows.push([
        'appends/s, 8 writers, plain pg, one message, wal_sync_method open_datasync',
        fmt(await plainAppendRate(url, 8, 250, 'pipelined')),
      ]);
    } finally {
      await admin.query('alter system reset wal_sync_method');
      await admin.query('select pg_reload_conf()');
      await admin.end();
    }
  }
  const p = await holdParts(url);
  rows.push(['hold parts, µs: append function alone (server side, loop of 1,000)', fmt(p.functionUs)]);
  rows.push(['hold parts, µs: a round trip (select 1)', fmt(p.roundTripUs)]);
  rows.push([
    'hold parts, µs: COMMIT after an insert, synchronous_commit on / off',
    `${fmt(p.commitUs)} / ${fmt(p.commitAsyncUs)}`,
  ]);
}

async function main() {
  const given = loadConfigOrExit().DATABASE_URL;
  const embedded = given
    ? null
    : await startEmbeddedPostgres(path.join(os.tmpdir(), `tsp-bench-${randomBytes(3).toString('hex')}`, 'data'));
  const admin = given ?? embedded!.url;
  const rows: [string, string][] = [];
  const fmt = (x: number) => x.toFixed(x < 10 ? 2 : 0);
  try {
    const small = await journalDb(admin, 8);
    // Warm-up of every way measured below, so that the first rows do not pay for the JIT and the pools alone.
    for (const way of ['queued', 'autocommit', 'locked', 'flushUnderLock'] as const)
      await appendRate(small, 8, 100, way);
    rows.push([
      'appends/s, 1 writer, queued in a transaction each (the service; 2,000)',
      fmt(await appendRate(small, 1, 2000)),
    ]);
    rows.push([
      'appends/s, 8 writers, queued in a transaction each (the service; 8 × 500)',
      fmt(await appendRate(small, 8, 500)),
    ]);
    rows.push([
      'appends/s, 8 writers, queued without a transaction (queueLeaf alone; 8 × 500)',
      fmt(await appendRate(small, 8, 500, 'autocommit')),
    ]);
    rows.push([
      'appends/s, 8 writers, appendLeaf under the lock in a transaction each (before 0017; diagnostic)',
      fmt(await appendRate(small, 8, 500, 'locked')),
    ]);
    rows.push([
      'appends/s, 8 writers, COMMIT flushing under the lock (before group commit; diagnostic)',
      fmt(await appendRate(small, 8, 500, 'flushUnderLock')),
    ]);
    rows.push([
      'appends/s, 1 writer, 10 entries per transaction (appendLeaves)',
      fmt(await batchRate(small, 1, 200, 10)),
    ]);
    rows.push([
      'appends/s, 8 writers, 10 entries per transaction (appendLeaves)',
      fmt(await batchRate(small, 8, 50, 10)),
    ]);
    rows.push([
      'appends/s, 1 writer, 100 entries per transaction (appendLeaves)',
      fmt(await batchRate(small, 1, 40, 100)),
    ]);
    const floor = await floorRates(urls.get(small)!, small, 2000);
    rows.push(['appends/s, 1 writer, plain pg driver: BEGIN; journal_append; COMMIT (diagnostic)', fmt(floor.plain)]);
    rows.push([
      'transactions/s, 1 writer, ORM transaction appending nothing (diagnostic floor)',
      fmt(floor.emptyOrmTx),
    ]);
    rows.push(["appendLeaf calls/s inside one open transaction (an append's own cost)", fmt(floor.inside)]);
    await plainWriters(urls.get(small)!, rows, !given);
    const cp = await createCheckpoint(small.em.fork());
    rows.push([`checkpoint signed at size ${cp.size}`, 'ok']);
    await small.close();

    const big = await journalDb(admin, 8);
    let t0 = performance.now();
    await bulkLoad(big, 100_000);
    rows.push(['bulk load to 10^5 leaves (s)', fmt((performance.now() - t0) / 1000)]);
    for (const [size, label] of [[100_000, '10^5']] as const) {
      const t = await proofTimes(big, size);
      rows.push([`${label}: inclusion proof p50 / p95 (ms)`, `${fmt(t.inclusion.p50)} / ${fmt(t.inclusion.p95)}`]);
      rows.push([
        `${label}: consistency proof p50 / p95 (ms)`,
        `${fmt(t.consistency.p50)} / ${fmt(t.consistency.p95)}`,
      ]);
      rows.push([`${label}: tree head p50 (ms)`, fmt(t.head.p50)]);
    }
    rows.push(['appends/s, 1 writer at 10^5 leaves (1,000)', fmt(await appendRate(big, 1, 1000))]);
    // There are no record entries here: unregister the records' entry source (importing @tsp/records
    // registered it), so the audit checks the tree and leaves, not entry bytes.
    registerJournalEntrySource(null);
    t0 = performance.now();
    let verified = 0;
    for (let r = await runJournalAudit(big.em.fork()); r; r = r.pending ? await runJournalAudit(big.em.fork()) : null) {
      if (!r.ok) throw new Error(`self-audit failed: ${JSON.stringify(r.problems)}`);
      verified = r.treeSize;
    }
    rows.push([
      `self-audit from nothing to ${verified} leaves, runs of 50,000 (leaves/s)`,
      fmt(verified / ((performance.now() - t0) / 1000)),
    ]);
    await appendRate(big, 1, 1000);
    t0 = performance.now();
    const steady = await runJournalAudit(big.em.fork());
    if (!steady?.ok) throw new Error('self-audit failed');
    rows.push([
      `self-audit run after 1,000 appends, sweeping ${steady.sweptTo! - steady.sweptFrom!} older leaves (ms)`,
      fmt(performance.now() - t0),
    ]);
    if (config().BENCH_QUICK) {
      await big.close();
      return print(rows);
    }
    await big.close();
    const huge = await journalDb(admin, 8);
    for (const [size, label] of HUGE
      ? ([
          [1_000_000, '10^6'],
          [10_000_000, '10^7'],
        ] as const)
      : ([[1_000_000, '10^6']] as const)) {
      t0 = performance.now();
      await bulkLoad(huge, size);
      rows.push([`bulk load to ${label} leaves with COPY (s)`, fmt((performance.now() - t0) / 1000)]);
      const t = await proofTimes(huge, size);
      rows.push([`${label}: inclusion proof p50 / p95 (ms)`, `${fmt(t.inclusion.p50)} / ${fmt(t.inclusion.p95)}`]);
      rows.push([
        `${label}: consistency proof p50 / p95 (ms)`,
        `${fmt(t.consistency.p50)} / ${fmt(t.consistency.p95)}`,
      ]);
      rows.push([`${label}: tree head p50 (ms)`, fmt(t.head.p50)]);
      rows.push([`appends/s, 1 writer at ${label} leaves (1,000)`, fmt(await appendRate(huge, 1, 1000))]);
      rows.push([`appends/s, 8 writers at ${label} leaves (8 × 250)`, fmt(await appendRate(huge, 8, 250))]);
    }
    await huge.close();
  } finally {
    await embedded?.stop();
  }
  print(rows);
}

function print(rows: [string, string][]) {
  const w = Math.max(...rows.map(([k]) => k.length));
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  console.log(
    `\nrecords journal benchmark — ${os.cpus().length} cores, load average at the end ${load}, ${config().DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL (fsync on)'}\n`,
  );
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
