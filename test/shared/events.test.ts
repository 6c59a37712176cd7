import {
  type DomainEvent,
  inboxSql,
  openOrm,
  type Orm,
  outboxSql,
  outboxTraceparentSql,
  publishEvent,
  readEvents,
  startConsumer,
} from '@tsp/shared';

import { createTestDatabase, sql } from '../kit/db';
import { until } from '../kit/until';

const AGENCY = '00000000-0000-4000-8000-000000000001';
let url: string;
let orm: Orm;

beforeAll(async () => {
  url = await createTestDatabase();
  await sql(url, 'create schema src; create schema dst');
  for (const s of [
    ...outboxSql('src'),
    ...outboxTraceparentSql('src'),
    ...inboxSql('dst'),
    'create table dst.applied (event_id uuid not null, n int not null)',
  ])
    await sql(url, s);
  orm = await openOrm({ schema: 'dst', clientUrl: url, entities: [], migrations: [] });
});
afterAll(async () => {
  await orm.close();
});

async function publishMany(n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    await orm.em.fork().transactional((em) =>
      publishEvent(em, 'src', {
        type: 'Thing',
        agencyId: AGENCY,
        region: '宁晋县',
        subjectId: `s${i}`,
        payload: { n: i },
      }),
    );
  }
}

const fetchLocal = (after: number, limit: number) => readEvents(orm.em.fork(), 'src', { after, limit });
const apply = async (em: import('@mikro-orm/postgresql').EntityManager, e: DomainEvent) => {
  await em.execute('insert into dst.applied (event_id, n) values (?, ?)', [e.id, (e.payload as { n: number }).n]);
};

test('an event is written only with its transaction', async () => {
  await expect(
    orm.em.fork().transactional(async (em) => {
      await publishEvent(em, 'src', { type: 'Lost', agencyId: AGENCY, region: 'x', subjectId: 'x', payload: {} });
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  expect(await sql(url, `select * from src.outbox where type = 'Lost'`)).toHaveLength(0);
  await expect(
    publishEvent(orm.em.fork(), 'src', { type: 'T', agencyId: AGENCY, region: 'x', subjectId: 'x', payload: {} }),
  ).rejects.toThrow(/inside the transaction/);
});

test('a consumer that crashes mid-batch and restarts applies every event exactly once; two instances never double-apply', async () => {
  await publishMany(60);
  // It keeps failing at event 40 until it is stopped: a retry after the crash must not finish the run first.
  let crashed = false;
  const crashing = startConsumer({
    orm,
    schema: 'dst',
    name: 'test.crash',
    source: 'src',
    fetch: fetchLocal,
    batch: 25,
    pollMs: 50,
    handle: async (em, e) => {
      await apply(em, e);
      if ((e.payload as { n: number }).n === 40) {
        crashed = true;
        throw new Error('dispatcher killed mid-way');
      }
    },
  });
  // Let it get past the first batch and hit the crash, then kill it.
  await until('the consumer to crash mid-batch', () => crashed || undefined);
  await crashing.stop();
  const partial = await sql<{ n: string }>(url, 'select count(*) as n from dst.applied');
  expect(Number(partial[0].n)).toBeLessThan(60);

  await publishMany(20, 60);
  const a = startConsumer({
    orm,
    schema: 'dst',
    name: 'test.crash',
    source: 'src',
    fetch: fetchLocal,
    handle: apply,
    batch: 7,
    pollMs: 30,
  });
  const b = startConsumer({
    orm,
    schema: 'dst',
    name: 'test.crash',
    source: 'src',
    fetch: fetchLocal,
    handle: apply,
    batch: 7,
    pollMs: 30,
  });
  await Promise.all([a.drain(), b.drain()]);
  // b's poll may hold the cursor when a finishes; with b gone, a must take it and catch up.
  await b.stop();
  await a.drain();
  await a.stop();
  const rows = await sql<{ n: number }>(url, 'select n from dst.applied order by n');
  expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 80 }, (_, i) => i));
});

test('LISTEN/NOTIFY wakes a consumer long before its poll', async () => {
  const seen: number[] = [];
  const c = startConsumer({
    orm,
    schema: 'dst',
    name: 'test.notify',
    source: 'src',
    fetch: fetchLocal,
    pollMs: 60_000,
    handle: async (_em, e) => void seen.push((e.payload as { n: number }).n),
  });
  await c.drain();
  seen.length = 0;
  await new Promise((r) => setTimeout(r, 200)); // listener connected
  await publishMany(1, 1000);
  for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  await c.stop();
  expect(seen).toEqual([1000]);
});

test('positions increase in commit order and filters scope by agency or region', async () => {
  const all = await readEvents(orm.em.fork(), 'src', { limit: 1000 });
  const positions = all.map((e) => e.position);
  expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  expect(
    await readEvents(orm.em.fork(), 'src', { limit: 10, agencyIds: ['00000000-0000-4000-8000-000000000002'] }),
  ).toHaveLength(0);
  expect((await readEvents(orm.em.fork(), 'src', { limit: 10, region: '宁晋县' })).length).toBe(10);
});
