import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

import { records } from '@tsp/records';
import {
  appendLeaf,
  appendLeaves,
  consistencyProofFor,
  createCheckpoint,
  hashChildren,
  hashLeaf,
  inclusionProofFor,
  registerJournalEntrySource,
  runJournalAudit,
  treeHead,
  verifyConsistency,
  verifyInclusion,
} from '@tsp/records/dist/journal/index.js';
import { config, loadConfigOrExit, migrate, openOrm, type Orm, startEmbeddedPostgres } from '@tsp/shared';
import { Client } from 'pg';

/**
 * Journal benchmark (not a test): appends/s with proofs maintained, single writer and 8 concurrent
 * writers, and proof times at 10^5 and 10^6 leaves (bulk-loaded). Uses DATABASE_URL or a throwaway
 * embedded PostgreSQL (fsync on, as in production). Prints a table.
 */

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
  });
  await migrate(orm, 'records');
  urls.set(orm, url);
  return orm;
}

/** asyncCommit: measure without waiting for the WAL flush, to separate the lock's cost from the disk's. */
const appendOne = (orm: Orm, i: number, asyncCommit = false) =>
  orm.em.fork().transactional(async (em) => {
    if (asyncCommit) await em.execute('set local synchronous_commit = off');
    return appendLeaf(em, {
      entryId: randomUUID(),
      caseId: randomUUID(),
      data: Buffer.from(`bench entry ${i} ${randomUUID()}`),
    });
  });

async function appendRate(orm: Orm, writers: number, perWriter: number, asyncCommit = false): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) await appendOne(orm, w * perWriter + i, asyncCommit);
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

/** Loads leaves [from, to) with the nodes they complete, as appendLeaf would, in large statements. */
async function bulkLoad(orm: Orm, from: number, to: number, frontier: Buffer[]): Promise<void> {
  const batch = 20_000;
  for (let start = from; start < to; start += batch) {
    const leaves: string[] = [];
    const nodes: [number, number, string][] = [];
    for (let n = start; n < Math.min(start + batch, to); n++) {
      let h = hashLeaf(Buffer.from(`bulk entry ${n}`));
      leaves.push(`('${n}','\\x${h.toString('hex')}','${randomUUID()}','${randomUUID()}')`);
      let i = n;
      let level = 0;
      // Nodes of a level are written in order, so the last even-indexed one is the next left sibling.
      while (i % 2 === 1) {
        h = hashChildren(frontier[level], h);
        i = (i - 1) / 2;
        level++;
        nodes.push([level, i, h.toString('hex')]);
      }
      frontier[level] = h;
    }
    const em = orm.em.fork();
    await em.execute(`insert into records.journal_leaf (idx, leaf_hash, entry_id, case_id) values ${leaves.join(',')}`);
    if (nodes.length)
      await em.execute(
        `insert into records.journal_node (level, idx, hash) values ${nodes.map(([l, i, h]) => `(${l},${i},'\\x${h}')`).join(',')}`,
      );
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
    await appendRate(small, 1, 200); // warm-up
    rows.push(['appends/s, 1 writer (2,000 appends, one transaction each)', fmt(await appendRate(small, 1, 2000))]);
    rows.push(['appends/s, 8 concurrent writers (8 × 500)', fmt(await appendRate(small, 8, 500))]);
    rows.push([
      'appends/s, 1 writer, synchronous_commit off (diagnostic)',
      fmt(await appendRate(small, 1, 2000, true)),
    ]);
    rows.push([
      'appends/s, 8 writers, synchronous_commit off (diagnostic)',
      fmt(await appendRate(small, 8, 500, true)),
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
    const cp = await createCheckpoint(small.em.fork());
    rows.push([`checkpoint signed at size ${cp.size}`, 'ok']);
    await small.close();

    const big = await journalDb(admin, 8);
    const frontier: Buffer[] = [];
    let t0 = performance.now();
    await bulkLoad(big, 0, 100_000, frontier);
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
    const huge = await journalDb(admin, 8);
    t0 = performance.now();
    await bulkLoad(huge, 0, 1_000_000, []);
    rows.push(['bulk load to 10^6 leaves (s)', fmt((performance.now() - t0) / 1000)]);
    const t = await proofTimes(huge, 1_000_000);
    rows.push(['10^6: inclusion proof p50 / p95 (ms)', `${fmt(t.inclusion.p50)} / ${fmt(t.inclusion.p95)}`]);
    rows.push(['10^6: consistency proof p50 / p95 (ms)', `${fmt(t.consistency.p50)} / ${fmt(t.consistency.p95)}`]);
    rows.push(['10^6: tree head p50 (ms)', fmt(t.head.p50)]);
    rows.push(['appends/s, 1 writer at 10^6 leaves (1,000)', fmt(await appendRate(huge, 1, 1000))]);
    rows.push(['appends/s, 8 writers at 10^6 leaves (8 × 250)', fmt(await appendRate(huge, 8, 250))]);
    await big.close();
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
