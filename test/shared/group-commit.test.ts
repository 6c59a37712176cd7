import {
  blameDatabase,
  CommitUnconfirmed,
  type Context,
  type EntityManager,
  idempotencyRequestHashSql,
  idempotencySql,
  idempotent,
  openOrm,
  type Orm,
  outboxSql,
  outboxTraceparentSql,
  overrideConfig,
  publishEvent,
  readEvents,
} from '@tsp/shared';
import { Client } from 'pg';

import { createTestDatabase, sql } from '../kit/db';
import { startOwnServer } from '../kit/own-server';
import { until } from '../kit/until';
import { flushedThrough, ownsServer, withProcessPaused, withWalWriterPaused } from '../kit/wal';

/**
 * Group commit (shared/src/db/group-commit.ts): a transaction that takes an ordering lock commits without waiting
 * for the disk, and its caller goes on only once the WAL is flushed; a reader that gives out positions answers only
 * once what it read is on disk. WAL positions are compared, not times.
 */

const AGENCY = '00000000-0000-4000-8000-000000000001';
let url: string;
let orm: Orm;
let probe: Client;

beforeAll(async () => {
  url = await createTestDatabase();
  await sql(url, 'create schema gc');
  for (const s of [
    ...outboxSql('gc'),
    ...outboxTraceparentSql('gc'),
    ...idempotencySql('gc'),
    ...idempotencyRequestHashSql('gc'),
  ])
    await sql(url, s);
  orm = await openOrm({ schema: 'gc', clientUrl: url, entities: [], migrations: [] });
  probe = new Client({ connectionString: url });
  await probe.connect();
});
afterAll(async () => {
  await probe.end();
  await orm.close();
});

const event = (n: number) => ({
  type: 'Thing',
  agencyId: AGENCY,
  region: '宁晋县',
  subjectId: `s${n}`,
  payload: { n },
});

/** Has the WAL been flushed strictly past `lsn`? */
async function flushedPast(lsn: string): Promise<boolean> {
  const { rows } = await probe.query<{ ok: boolean }>('select pg_current_wal_flush_lsn() > $1::pg_lsn as ok', [lsn]);
  return rows[0].ok;
}

/** Inside a transaction: its setting, and where the WAL ends after its last write (its COMMIT record comes after). */
async function state(em: EntityManager): Promise<{ sync: string; lsn: string }> {
  const [r] = await em.execute<{ sync: string; lsn: string }[]>(
    `select current_setting('synchronous_commit') as sync, pg_current_wal_insert_lsn()::text as lsn`,
  );
  return r;
}

test('publishing an event commits without waiting for the disk, and the caller goes on only once it is flushed', async () => {
  const [inside, flushed] = await withWalWriterPaused(probe, async () => {
    const r = await orm.em.fork().transactional(async (em) => {
      await publishEvent(em, 'gc', event(1));
      return state(em);
    });
    return [r, await flushedPast(r.lsn)] as const;
  });
  // The COMMIT did not wait (the lock was released without a flush)…
  expect(inside.sync).toBe('off');
  // …yet on return the WAL is on disk past the transaction's last write, i.e. through its COMMIT record.
  expect(flushed).toBe(true);
});

test('an event published in a nested transaction (a savepoint) is flushed after the outer COMMIT', async () => {
  const [inside, flushed] = await withWalWriterPaused(probe, async () => {
    const r = await orm.em.fork().transactional(async (outer) => {
      await outer.execute('select 1');
      return outer.transactional(async (inner) => {
        await publishEvent(inner, 'gc', event(2));
        return state(inner);
      });
    });
    return [r, await flushedPast(r.lsn)] as const;
  });
  expect(inside.sync).toBe('off');
  expect(flushed).toBe(true);
});

test('a transaction that takes no ordering lock commits as before, waiting for the disk itself', async () => {
  const inside = await orm.em.fork().transactional(async (em) => {
    await em.execute(`insert into gc.outbox (id, type, agency_id, region, subject_id, occurred_at, payload)
      values (gen_random_uuid(), 'Raw', '${AGENCY}', 'x', 'x', now(), '{}')`);
    return state(em);
  });
  expect(inside.sync).toBe('on');
  expect(await flushedPast(inside.lsn)).toBe(true);
});

/**
 * Commits `statement` as a writer that took an ordering lock would, without waiting for the disk, and stops before
 * its flush (as if it had not reached it yet, or its flush had failed). Returns where the WAL ends now: past that
 * COMMIT record. Call with the WAL writer paused.
 */
async function commitUnflushed(statement: string): Promise<string> {
  const writer = new Client({ connectionString: url });
  await writer.connect();
  try {
    await writer.query('begin');
    await writer.query(`set local synchronous_commit = off`);
    await writer.query(statement);
    await writer.query('commit');
  } finally {
    await writer.end();
  }
  const { rows } = await probe.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
  return rows[0].lsn;
}

test('events read from the outbox are answered only once they are on disk', async () => {
  const [types, flushed] = await withWalWriterPaused(probe, async () => {
    const lsn =
      await commitUnflushed(`insert into gc.outbox (id, type, agency_id, region, subject_id, occurred_at, payload)
      values (gen_random_uuid(), 'Unflushed', '${AGENCY}', 'x', 'x', now(), '{}')`);
    const events = await readEvents(orm.em.fork(), 'gc', { after: 0, limit: 100 });
    return [events.map((e) => e.type), await flushedThrough(probe, lsn)] as const;
  });
  expect(types).toContain('Unflushed');
  expect(flushed).toBe(true);
});

test("a retry with the same Idempotency-Key gets the first request's result only once that is on disk", async () => {
  // The first request committed its key row with its event and is still flushing (or its flush failed): a retry
  // racing in, or the first request's own recovery from the failed flush, must not answer before the disk has it.
  const [answer, written, flushed] = await withWalWriterPaused(probe, async () => {
    const lsn = await commitUnflushed(`insert into gc.idempotency (actor, key, operation, result, request_hash)
      values ('officer', 'retry-1', 'appendThing', '{"position": 7}', null)`);
    let wrote = false;
    const ctx = { em: orm.em.fork(), identity: { sub: 'officer' }, idempotencyKey: 'retry-1' } as unknown as Context;
    const replay = { keep: (r: unknown) => r, restore: async (r: unknown) => r };
    const result = await idempotent(ctx, 'gc', 'appendThing', {}, replay, async () => {
      wrote = true;
      return {};
    });
    return [result, wrote, await flushedThrough(probe, lsn)] as const;
  });
  expect(answer).toEqual({ position: 7 });
  expect(written).toBe(false);
  expect(flushed).toBe(true);
});

test("reading events inside a transaction flushes on that transaction's connection, so a pool of one does not wait", async () => {
  // The webhook worker reads events inside its claim transaction. A flush on a second pooled connection would wait
  // for the one this transaction holds: with a pool of one, until the acquire timeout.
  const small = await openOrm({ schema: 'gc', clientUrl: url, entities: [], migrations: [], poolMax: 1 });
  try {
    await small.em.fork().transactional((em) => publishEvent(em, 'gc', event(9)));
    const read = await small.em.fork().transactional((tx) => readEvents(tx, 'gc', { after: 0, limit: 1000 }));
    expect(read.map((e) => e.subjectId)).toContain('s9');
  } finally {
    await small.close();
  }
});

/**
 * Inside a transaction of `small` (a pool of one): queues a request that takes the connection at the COMMIT and
 * holds it 3 s, past the acquire timeout. Returns that request (in an object: an async function would await it).
 */
async function queueForTheConnection(small: Orm, em: EntityManager): Promise<{ done: Promise<unknown> }> {
  const done = small.em.fork().getConnection().execute('select pg_sleep(3)');
  const pool = em.getConnection().getKnex().client.pool as { numPendingAcquires(): number };
  await until('a request queued for the connection', () => pool.numPendingAcquires() || undefined);
  return { done };
}

const outboxRows = async (subject: string) =>
  (await probe.query<{ n: number }>(`select count(*)::int as n from gc.outbox where subject_id = $1`, [subject]))
    .rows[0].n;

describe('the flush after the COMMIT runs on a connection of its own', () => {
  let small: Orm;
  let holder: Promise<unknown> | undefined;
  let restore: () => void;
  beforeEach(async () => {
    restore = overrideConfig({ DB_ACQUIRE_TIMEOUT_MS: '1000' });
    small = await openOrm({ schema: 'gc', clientUrl: url, entities: [], migrations: [], poolMax: 1 });
  });
  afterEach(async () => {
    await holder;
    await small.close();
    restore();
  });

  test('so a request queued for the pool does not hold it up: the write is answered, and on disk', async () => {
    // With a pool of one, the queued request gets the connection at the COMMIT and keeps it past the acquire timeout;
    // a flush on a pooled connection failed there (CommitUnconfirmed) though the database was fine.
    const lsn = await small.em.fork().transactional(async (em) => {
      await publishEvent(em, 'gc', event(12));
      holder = (await queueForTheConnection(small, em)).done;
      return (await state(em)).lsn;
    });
    expect(await flushedPast(lsn)).toBe(true);
    expect(await outboxRows('s12')).toBe(1);
  });

  test('writers committing at once use the one flush connection, and each goes on only once its COMMIT is flushed', async () => {
    const flushes = async () =>
      (
        await probe.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where application_name = 'tsp gc wal flush'`,
        )
      ).rows[0].n;
    const writes = await Promise.all(
      [20, 21, 22, 23, 24].map((n) =>
        orm.em.fork().transactional(async (em) => {
          await publishEvent(em, 'gc', event(n));
          return (await state(em)).lsn;
        }),
      ),
    );
    for (const lsn of writes) expect(await flushedPast(lsn)).toBe(true);
    // One flush connection for the ORM, however many writers.
    expect(await flushes()).toBe(1);
  });

  (ownsServer() ? test : test.skip)(
    'a flush that hangs fails each caller at its own deadline, and no second connection is opened meanwhile',
    async () => {
      // A backend stuck on a stalled disk cannot be cancelled: a new connection per timed-out flush piled them up.
      const flushPids = async () =>
        (
          await probe.query<{ pid: number }>(
            `select pid from pg_stat_activity where application_name = 'tsp gc wal flush' order by pid`,
          )
        ).rows.map((r) => r.pid);
      const before = await flushPids();
      await small.em.fork().transactional((em) => publishEvent(em, 'gc', event(40)));
      const [pid] = (await flushPids()).filter((p) => !before.includes(p));
      const write = (n: number) =>
        small.em
          .fork()
          .transactional((em) => publishEvent(em, 'gc', event(n)))
          .then(
            () => null,
            (e: unknown) => e,
          );
      // Stopped while idle, so it holds no lock: its next statement just waits. The second write commits while the
      // first one's flush hangs, and waits for the next run.
      const [failures, during] = await withProcessPaused(pid, async () => [
        await Promise.all([write(41), write(42)]),
        await flushPids(),
      ]);
      for (const f of failures) expect(f).toBeInstanceOf(CommitUnconfirmed);
      expect(await outboxRows('s41')).toBe(1);
      expect(await outboxRows('s42')).toBe(1);
      expect(during).toEqual([...before, pid].sort((a, b) => a - b));
      const lsn = await small.em.fork().transactional(async (em) => {
        await publishEvent(em, 'gc', event(43));
        return (await state(em)).lsn;
      });
      expect(await flushedPast(lsn)).toBe(true);
    },
  );

  test('a flush connection lost while idle (the database restarted it) is opened again: the next write is confirmed', async () => {
    await orm.em.fork().transactional((em) => publishEvent(em, 'gc', event(30)));
    const { rows } = await probe.query<{ ok: boolean }>(
      `select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = 'tsp gc wal flush'`,
    );
    expect(rows).toEqual([{ ok: true }]);
    const lsn = await orm.em.fork().transactional(async (em) => {
      await publishEvent(em, 'gc', event(31));
      return (await state(em)).lsn;
    });
    expect(await flushedPast(lsn)).toBe(true);
  });
});

describe('a flush that fails after the COMMIT', () => {
  // The ORM's role may open one connection: its pool's. The flush connection is refused ("too many connections for
  // role"), as when the server has no connection to spare, while the write commits on the pooled one.
  const role = `gc_one_${process.pid}`;
  let small: Orm;
  let holder: Promise<unknown> | undefined;
  let restore: () => void;
  beforeAll(async () => {
    await probe.query(`create role ${role} login password '${role}' connection limit 1`);
    await probe.query(`grant usage on schema gc to ${role}`);
    await probe.query(`grant select, insert, update, delete on all tables in schema gc to ${role}`);
    await probe.query(`grant usage on all sequences in schema gc to ${role}`);
  });
  afterAll(async () => {
    await probe.query(`drop owned by ${role}`);
    await probe.query(`drop role ${role}`);
  });
  beforeEach(async () => {
    restore = overrideConfig({ DB_ACQUIRE_TIMEOUT_MS: '1000' });
    const limited = new URL(url);
    limited.username = limited.password = role;
    small = await openOrm({ schema: 'gc', clientUrl: limited.toString(), entities: [], migrations: [], poolMax: 1 });
  });
  afterEach(async () => {
    await holder;
    await small.close();
    restore();
  });

  const failureOf = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e,
    );

  test('is CommitUnconfirmed, answered DEPENDENCY_UNAVAILABLE with reason COMMIT_UNCONFIRMED: the write is there', async () => {
    const failure = await failureOf(small.em.fork().transactional((em) => publishEvent(em, 'gc', event(10))));
    expect(failure).toBeInstanceOf(CommitUnconfirmed);
    expect(String((failure as Error).cause)).toMatch(/too many connections/);
    expect(await outboxRows('s10')).toBe(1);
    expect((blameDatabase('records', failure) as { extensions: unknown }).extensions).toEqual({
      code: 'DEPENDENCY_UNAVAILABLE',
      service: 'records database',
      reason: 'COMMIT_UNCONFIRMED',
    });
  });

  test('with an Idempotency-Key it stays COMMIT_UNCONFIRMED, and a retry gets the committed result', async () => {
    const replay = { keep: (r: unknown) => r, restore: async (r: unknown) => r };
    let writes = 0;
    const request = () => {
      const ctx = { em: small.em.fork(), identity: { sub: 'officer' }, idempotencyKey: 'unconfirmed-1' };
      return idempotent(ctx as unknown as Context, 'gc', 'publishThing', {}, replay, (remember) =>
        ctx.em.transactional(async (tx) => {
          writes++;
          await publishEvent(tx, 'gc', event(11));
          await remember(tx, { position: 11 });
          holder = (await queueForTheConnection(small, tx)).done;
          return { position: 11 };
        }),
      );
    };
    // Its look for a prior result cannot get the pooled connection either: the refusal must still say committed.
    expect(await failureOf(request())).toBeInstanceOf(CommitUnconfirmed);
    await holder;
    expect(await request()).toEqual({ position: 11 });
    expect(writes).toBe(1);
    expect(await outboxRows('s11')).toBe(1);
  });
});

describe('with a synchronous standby configured', () => {
  // A server of its own: synchronous_standby_names holds for the whole server, and the run's other files commit
  // synchronously. No standby connects, so a commit that waits for one waits until the setting is cleared, which
  // stands for the standby confirming.
  let db: { url: string; stop(): Promise<void> };
  let syncOrm: Orm;
  let admin: Client;
  const requireStandby = async (names: string) => {
    await admin.query(`alter system set synchronous_standby_names = '${names}'`);
    await admin.query('select pg_reload_conf()');
  };
  beforeAll(async () => {
    db = await startOwnServer();
    await sql(db.url, 'create schema gc');
    for (const s of [...outboxSql('gc'), ...outboxTraceparentSql('gc')]) await sql(db.url, s);
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    await requireStandby('tsp_standby');
    syncOrm = await openOrm({ schema: 'gc', clientUrl: db.url, entities: [], migrations: [] });
  }, 120_000);
  afterAll(async () => {
    await syncOrm?.close();
    await admin?.end();
    await db?.stop();
  });

  test('a write is answered only once the standby has it: a local flush alone would be lost on failover', async () => {
    let settled = false;
    const write = syncOrm.em
      .fork()
      .transactional((em) => publishEvent(em, 'gc', event(50)))
      .finally(() => (settled = true));
    const waiting = await until('the flush waiting for the standby, or the write answered', async () => {
      const { rowCount } = await admin.query(
        `select 1 from pg_stat_activity where application_name = 'tsp gc wal flush' and wait_event = 'SyncRep'`,
      );
      return rowCount ? 'waiting for the standby' : settled ? 'answered' : undefined;
    });
    expect(waiting).toBe('waiting for the standby');
    expect(settled).toBe(false);
    await requireStandby(''); // the standby confirms
    await write;
  });

  test('with synchronous_commit off for the server, the write is still on the local disk when answered', async () => {
    // A COMMIT under synchronous_commit = off flushes nothing, nor waits for a standby: the local flush stays.
    await admin.query(`alter system set synchronous_commit = off`);
    await requireStandby('tsp_standby');
    try {
      const [lsn, flushed] = await withWalWriterPaused(admin, async () => {
        const at = await syncOrm.em.fork().transactional(async (em) => {
          await publishEvent(em, 'gc', event(51));
          return (await state(em)).lsn;
        });
        return [at, await flushedThrough(admin, at)] as const;
      });
      expect([lsn, flushed]).toEqual([lsn, true]);
    } finally {
      await admin.query(`alter system reset synchronous_commit`);
      await requireStandby('');
    }
  });
});
