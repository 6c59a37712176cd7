import { randomUUID } from 'node:crypto';

import { COMMIT_WITHOUT_FLUSH, FLUSH_WAL_SQL } from '@tsp/shared';
import { Client } from 'pg';

/**
 * Journal appends over the plain pg driver (no ORM), and where an append's lock hold time goes.
 * Appends take turns on one advisory lock held until COMMIT returns, so with several writers the rate
 * is 1 / hold time, and the hold is: the function's own time, the round trip from its result to the
 * COMMIT, the commit's WAL flush, and the hand-over to the next waiter.
 */

/**
 * 'separate': BEGIN; append; COMMIT, three round trips (what an ORM transaction does).
 * 'pipelined': BEGIN, then the append and COMMIT in one message: the lock is released without waiting
 * for the client between the append's result and the COMMIT. An error in the append skips the COMMIT
 * (the transaction stays aborted and the writer rolls back), so nothing half-done commits.
 * 'group': as 'pipelined', with the COMMIT not waiting for the disk, then the WAL flushed outside the lock, as the
 * services do (@tsp/shared group-commit.ts).
 */
export type CommitMode = 'separate' | 'pipelined' | 'group';

const APPEND =
  'select t.idx::text as idx from records.journal_append_batch(array[$1::uuid], array[$2::uuid], array[$3::bytea]) t';

// The simple protocol takes no parameters: uuids from randomUUID and hex digits need no quoting.
const appendText = (entryId: string, caseId: string, data: Buffer) =>
  `select t.idx::text as idx from records.journal_append_batch(array['${entryId}'::uuid], ` +
  `array['${caseId}'::uuid], array['\\x${data.toString('hex')}'::bytea]) t`;

async function connect(url: string, setup: readonly string[]): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  for (const s of setup) await c.query(s);
  return c;
}

/** Appends/s of `writers` connections, each appending `perWriter` entries, one transaction each. */
export async function plainAppendRate(
  url: string,
  writers: number,
  perWriter: number,
  mode: CommitMode,
  setup: readonly string[] = [],
): Promise<number> {
  const clients = await Promise.all(Array.from({ length: writers }, () => connect(url, setup)));
  try {
    const t0 = performance.now();
    await Promise.all(
      clients.map(async (c, w) => {
        for (let i = 0; i < perWriter; i++) {
          const [entryId, caseId] = [randomUUID(), randomUUID()];
          const data = Buffer.from(`bench plain ${w} ${i} ${randomUUID()}`);
          await c.query('begin');
          if (mode === 'separate') {
            await c.query(APPEND, [entryId, caseId, data]);
            await c.query('commit');
          } else {
            const first = mode === 'group' ? `select ${COMMIT_WITHOUT_FLUSH}; ` : '';
            const results = (await c.query(`${first}${appendText(entryId, caseId, data)}; commit`)) as unknown as {
              rows: { idx: string }[];
            }[];
            if (results.at(-2)!.rows.length !== 1) throw new Error('the pipelined append returned no index');
            if (mode === 'group') await c.query(FLUSH_WAL_SQL);
          }
        }
      }),
    );
    return (writers * perWriter) / ((performance.now() - t0) / 1000);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

export interface HoldParts {
  /** The append function's own time, server side (a loop of calls in one statement), µs. */
  functionUs: number;
  /** A round trip of `select 1` from this process, µs. */
  roundTripUs: number;
  /** COMMIT of a transaction that inserted a row, as the client sees it, µs: synchronous_commit on / off. */
  commitUs: number;
  commitAsyncUs: number;
}

/** WAL fsyncs so far and their time (ms; needs track_wal_io_timing on in the backends that flush). */
export async function walSyncs(url: string): Promise<{ count: number; ms: number }> {
  const c = await connect(url, []);
  try {
    const { rows } = await c.query<{ n: string; ms: string }>(
      `select coalesce(sum(fsyncs), 0)::text as n, coalesce(sum(fsync_time), 0)::text as ms
         from pg_stat_io where object = 'wal'`,
    );
    return { count: Number(rows[0].n), ms: Number(rows[0].ms) };
  } finally {
    await c.end();
  }
}

/** Measures the parts of an append's lock hold one at a time, on one connection. */
export async function holdParts(url: string, n = 1000): Promise<HoldParts> {
  const c = await connect(url, []);
  try {
    await c.query('begin');
    let t0 = performance.now();
    await c.query(`do $$ begin
      for i in 1 .. ${n} loop
        perform records.journal_append_batch(array[gen_random_uuid()], array[gen_random_uuid()],
          array[convert_to('bench function ' || i || ' ' || gen_random_uuid(), 'UTF8')]);
      end loop; end $$`);
    const functionUs = ((performance.now() - t0) * 1000) / n;
    await c.query('commit');
    t0 = performance.now();
    for (let i = 0; i < n; i++) await c.query('select 1');
    const roundTripUs = ((performance.now() - t0) * 1000) / n;
    // A transaction that wrote WAL waits for its commit record's flush (one without WAL never does).
    await c.query('create table if not exists public.bench_commit_probe (x bigint)');
    const commit = async () => {
      let total = 0;
      for (let i = 0; i < n; i++) {
        await c.query('begin');
        await c.query('insert into public.bench_commit_probe values (1)');
        const s = performance.now();
        await c.query('commit');
        total += performance.now() - s;
      }
      return (total * 1000) / n;
    };
    const commitUs = await commit();
    await c.query('set synchronous_commit = off');
    const commitAsyncUs = await commit();
    return { functionUs, roundTripUs, commitUs, commitAsyncUs };
  } finally {
    await c.end();
  }
}
